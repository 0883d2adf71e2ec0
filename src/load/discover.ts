import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { describeIoError } from './read.js';

export const DEFAULT_INCLUDE = ['**/*.journey.{yaml,yml}'];
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

/** A command-line path or glob that found nothing, or could not be looked at: exit code 2. */
export class DiscoveryError extends UserError {
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
  const common = { cwd: root, followSymbolicLinks: false, suppressErrors: true, onlyFiles: true, ignore: [...ALWAYS_EXCLUDED] };
  const [matches, isIgnored] = await Promise.all([
    globby([...include], { ...common, absolute: true, dot: false, ignore: [...ALWAYS_EXCLUDED, ...(options.exclude ?? [])] }),
    gitignoreFilter(root, common),
  ]);
  return matches
    .filter((file) => !isIgnored(relative(root, file)))
    .map((file) => displayPath(file, options.cwd))
    .sort(comparePaths);
}

/**
 * Honours .gitignore files below `root`. Not globby's `gitignore: true`: it
 * searches for .gitignore files following symlinks, and two looping links make
 * that walk exponential (a run that never ends).
 */
async function gitignoreFilter(root: string, globOptions: Record<string, unknown>): Promise<(path: string) => boolean> {
  const { globby } = await import('globby');
  const files = await globby('**/.gitignore', { ...globOptions, dot: true });
  if (files.length === 0) return () => false;
  const { default: ignore } = await import('ignore');
  const rules = await Promise.all(
    files.map(async (file) => ({ base: posix.dirname(file), ignorer: ignore().add(await readFile(join(root, file), 'utf8').catch(() => '')) })),
  );
  return (path) => {
    const normalized = path.split(sep).join('/');
    return rules.some(({ base, ignorer }) => {
      if (base !== '.' && !normalized.startsWith(`${base}/`)) return false;
      const inner = base === '.' ? normalized : normalized.slice(base.length + 1);
      return ignorer.ignores(inner);
    });
  };
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
