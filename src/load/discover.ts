import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { describeIoError } from './read.js';

export const DEFAULT_INCLUDE = ['**/*.journey.{yaml,yml}'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** A command-line path or glob that found nothing, or could not be looked at: exit code 2. */
export class DiscoveryError extends Error {
  constructor(
    readonly pattern: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DiscoverOptions {
  cwd: string;
  /** Globs left out (the config's `exclude`). */
  exclude?: readonly string[];
}

/**
 * Expands command-line arguments to journey files: a file is taken as it is, a
 * directory stands for every journey file below it, anything else is a glob.
 * Honours .gitignore, never enters node_modules, and does not follow symlinked
 * directories (a symlink loop must not hang discovery). Returns paths relative
 * to `cwd` with `/` separators, sorted, without duplicates. `-` (stdin) is kept as is.
 */
export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === '-') {
      found.add('-');
      continue;
    }
    for (const file of await expandPattern(pattern, options)) found.add(file);
  }
  return [...found].sort(comparePaths);
}

/** Files matching include globs, relative to `root`, reported relative to `cwd`. */
export async function globJourneyFiles(include: readonly string[], root: string, options: DiscoverOptions): Promise<string[]> {
  const { globby } = await import('globby');
  const matches = await globby([...include], {
    cwd: root,
    absolute: true,
    gitignore: true,
    ignore: [...ALWAYS_EXCLUDED, ...(options.exclude ?? [])],
    followSymbolicLinks: false,
    suppressErrors: true,
    onlyFiles: true,
    dot: false,
  });
  return matches.map((file) => displayPath(file, options.cwd)).sort(comparePaths);
}

async function expandPattern(pattern: string, options: DiscoverOptions): Promise<string[]> {
  const absolute = resolve(options.cwd, pattern);
  const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (!(stats instanceof Error)) {
    if (stats.isDirectory()) {
      const files = await globJourneyFiles(DEFAULT_INCLUDE, absolute, options);
      if (files.length === 0) throw new DiscoveryError(pattern, `no journey files (*.journey.yaml, *.journey.yml) in directory ${pattern}`);
      return files;
    }
    return [displayPath(absolute, options.cwd)];
  }
  if (!looksLikeGlob(pattern)) throw new DiscoveryError(pattern, `${pattern}: ${describeIoError(stats)}`);
  const files = await globJourneyFiles([pattern], options.cwd, options);
  if (files.length === 0) throw new DiscoveryError(pattern, `no files match the pattern ${pattern}`);
  return files;
}

function looksLikeGlob(pattern: string): boolean {
  return /[*?[\]{}!]/.test(pattern);
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
