import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { KpiData } from '../data/index.js';
import type { Workspace } from '../load/workspace.js';
import { cjmVersion } from '../version.js';

/** What a run was asked to do beyond the workspace: the command and its settings (--rule, --quiet...). */
export interface RunSettings {
  command: 'validate' | 'lint';
  /** Settings that change findings, as plain data (JSON). */
  options: unknown;
  /** Whether the config's KPI data is read (false: --no-data). */
  data: boolean;
}

/**
 * The run key: a hash of everything besides a file's own text that its
 * findings depend on, so that a run with another key never sees another run's
 * entries. cjm's version (rules and messages change between versions), the
 * working directory (findings name paths relative to it), the config file as
 * written (rules, overrides, limits, data sources), the effective catalogue
 * (however it was assembled from the config and its catalogue files), and the
 * KPI data as loaded from the data files. The journey ids a file refers to and "today"
 * are kept per entry instead (src/cache/index.ts): they change often, and only
 * the entries that depend on them go stale.
 */
export async function runKey(workspace: Workspace, settings: RunSettings, kpiData: KpiData | undefined): Promise<string> {
  const hash = createHash('sha256');
  const part = (label: string, value: string | Uint8Array) => hash.update(`\0${label}\0`).update(value);
  part('version', cjmVersion());
  // --allow-outside decides which catalogue and data files are read at all.
  part('run', JSON.stringify([settings.command, settings.options, settings.data, workspace.cwd, workspace.allowOutside]));
  part('config', workspace.config.path ? await readFile(workspace.config.path) : 'none');
  const { personas, channels, metrics } = workspace.catalog;
  part('catalog', JSON.stringify([[...personas], [...channels], [...metrics]]));
  // The data as loaded (series and problems): what findings depend on, without reading the exports again.
  if (settings.data) part('data', JSON.stringify(kpiData ?? null));
  return hash.digest('hex');
}

/** The hash a cache entry keeps of a file's text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** A hash of the workspace's journey ids, whatever their order. */
export function idsHash(ids: ReadonlySet<string>): string {
  return createHash('sha256').update([...ids].sort().join('\n')).digest('base64url');
}
