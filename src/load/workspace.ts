import { dirname, resolve } from 'node:path';
import { builtinCatalog, extendCatalog, type ResolvedCatalog } from './catalog.js';
import { ConfigError, findConfigFile, loadCatalogFile, loadConfig, type LoadedConfig } from './config.js';
import { discoverFiles, findFiles, workspaceSelection, type DiscoverOptions } from './discover.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { BoundaryError, checkInsideBoundary } from './paths.js';
import { detachText } from '../findings.js';
import { readTextFileSync, readTextHeadSync } from './read.js';

export interface WorkspaceOptions {
  /** Working directory; paths are shown relative to it. Default: process.cwd(). */
  cwd?: string;
  /** A config file to use, or false to use none (--no-config). Default: search upward from cwd. */
  config?: string | false;
  /** Let config globs and catalogue paths reach outside the config's folder (--allow-outside; see Boundary). */
  allowOutside?: boolean;
}

/** What every command works against: the config, the shared catalogue and the limits. */
export interface Workspace {
  cwd: string;
  /** The config file's directory, or cwd when there is none: config globs are relative to it, and it is the boundary. */
  root: string;
  /** Whether config paths may leave `root` (--allow-outside). */
  allowOutside: boolean;
  config: LoadedConfig;
  catalog: ResolvedCatalog;
  limits: Limits;
}

export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configPath = options.config === false ? undefined : options.config ? resolve(cwd, options.config) : findConfigFile(cwd);
  const allowOutside = options.allowOutside ?? false;
  const config = await loadConfig(configPath, allowOutside);
  const root = configPath ? dirname(configPath) : cwd;
  const limits = { ...DEFAULT_LIMITS, ...config.config.limits };
  let catalog = extendCatalog(builtinCatalog(), config.config);
  for (const [index, file] of (config.config.catalog ?? []).entries()) {
    const path = resolve(root, file);
    try {
      checkInsideBoundary({ root, allowOutside }, path, 'catalog file');
      catalog = extendCatalog(catalog, await loadCatalogFile(path, limits));
    } catch (error) {
      if (error instanceof BoundaryError) throw new ConfigError(configPath!, config.locate(['catalog', index]), error.message);
      if (error instanceof ConfigError && error.message.startsWith('cannot read')) {
        throw new ConfigError(configPath!, config.locate(['catalog', index]), `catalog file ${file}: ${error.message.replace(/^cannot read the catalogue file: /, '')}`);
      }
      throw error;
    }
  }
  return { cwd, root, allowOutside, config, catalog, limits };
}

/** The journey files a bare command works on: the config's include set, or every journey file below cwd. */
export async function workspaceFiles(workspace: Workspace): Promise<string[]> {
  const files = await findFiles(workspaceSelection(workspace.root, workspace.config.patterns), workspace.cwd);
  // Discovery takes a link to a file like the file: one that leads out of the boundary is refused like a pattern that does.
  for (const file of files) checkInsideBoundary(workspace, resolve(workspace.cwd, file), 'journey file');
  return files;
}

/** Files named on the command line, or the workspace's files when none are. */
export async function resolveTargets(workspace: Workspace, patterns: readonly string[]): Promise<string[]> {
  if (patterns.length === 0) return workspaceFiles(workspace);
  return discoverFiles(patterns, discoverOptions(workspace));
}

/** How command-line arguments are expanded in this workspace: relative to cwd, less the config's exclude set. */
export function discoverOptions(workspace: Workspace): DiscoverOptions {
  return { cwd: workspace.cwd, root: workspace.root, exclude: workspace.config.patterns.exclude };
}

/**
 * Journey ids of the workspace, for subjourney references: read from the
 * top-level `id:` line of each file without parsing (a pre-commit run on one
 * file must still see its sub-journeys, and cheaply).
 */
export async function indexJourneyIds(workspace: Workspace, files: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  // One file at a time, and its first lines only when they name the id: memory
  // and reading stay bounded by the largest file's head, not the corpus.
  for (const file of files) {
    if (file === '-') continue;
    const path = resolve(workspace.cwd, file);
    let id: string | undefined;
    try {
      const head = readTextHeadSync(path, workspace.limits, ID_HEAD_BYTES);
      id = head.read.ok ? topLevelJourneyId(head.read.text) : undefined;
      if (id === undefined && head.read.ok && !head.whole) {
        const read = readTextFileSync(path, workspace.limits);
        id = read.ok ? topLevelJourneyId(read.text) : undefined;
      }
    } catch {
      continue; // unreadable files are reported when they are checked
    }
    if (id && !ids.has(id)) ids.set(id, file);
  }
  return ids;
}

/** Bytes read first for a journey's id: it belongs near the top (a whole generated bench journey is about 11 KB). */
const ID_HEAD_BYTES = 4096;

const TOP_LEVEL_ID = /^id:[ \t]*(["']?)([a-z0-9][a-z0-9-]*)\1[ \t]*(?:#.*)?$/m;

/** The journey id on a top-level `id:` line, read without parsing (near the top, where it belongs). */
export function topLevelJourneyId(text: string): string | undefined {
  const id = TOP_LEVEL_ID.exec(text.slice(0, 64 * 1024))?.[2];
  return id === undefined ? undefined : detachText(id);
}
