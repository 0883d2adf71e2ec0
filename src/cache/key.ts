import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
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
 * bytes of every KPI data file. The journey ids a file refers to and "today"
 * are kept per entry instead (src/cache/index.ts): they change often, and only
 * the entries that depend on them go stale.
 */
export async function runKey(workspace: Workspace, settings: RunSettings): Promise<string> {
  const hash = createHash('sha256');
  const part = (label: string, value: string | Uint8Array) => hash.update(`\0${label}\0`).update(value);
  part('version', cjmVersion());
  // --allow-outside decides which catalogue and data files are read at all.
  part('run', JSON.stringify([settings.command, settings.options, settings.data, workspace.cwd, workspace.allowOutside]));
  part('config', workspace.config.path ? await readFile(workspace.config.path) : 'none');
  const { personas, channels, metrics } = workspace.catalog;
  part('catalog', JSON.stringify([[...personas], [...channels], [...metrics]]));
  if (settings.data) {
    for (const source of workspace.config.config.data ?? []) {
      part('data', source.file);
      await hashFile(hash, resolve(workspace.root, source.file));
    }
  }
  return hash.digest('hex');
}

/** Adds a file's bytes (streamed: a data export may be large), or a mark for a file that cannot be read. */
async function hashFile(hash: ReturnType<typeof createHash>, path: string): Promise<void> {
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hash.update('\0read');
  } catch {
    hash.update('\0unreadable');
  }
}

/** The hash a cache entry keeps of a file's text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** A hash of the workspace's journey ids, whatever their order. */
export function idsHash(ids: ReadonlySet<string>): string {
  return createHash('sha256').update([...ids].sort().join('\n')).digest('base64url');
}
