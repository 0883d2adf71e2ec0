import { existsSync, type Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, parse, posix, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { absolutePath, compilePatterns, isInside, isJourneyFile, isPattern, leavesFolder, patternBase, patternPath, type ConfigPatterns, type PathMatcher } from './paths.js';
import { describeIoError } from './read.js';

/** Folders discovery never enters, wherever they are. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

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
  /** The config's folder, which `exclude` is relative to. Default: cwd. */
  root?: string;
  /** Paths left out (the config's `exclude`). */
  exclude?: PathMatcher;
}

/**
 * What the workspace or a command-line argument stands for, decided from a
 * path alone: discovery asks it about the files on disk, `diff --rev` about
 * the files git lists, so both take the same files.
 */
export interface PathSelection {
  /** Absolute folder below which every selected file lies (where a walk starts). */
  base: string;
  selects(absolute: string): boolean;
}

/**
 * The config's include set, less its exclude set. Walked from the config's
 * folder, or (--allow-outside) from the folder that holds it and every folder
 * `include` reaches with `..`.
 */
export function workspaceSelection(root: string, patterns: ConfigPatterns): PathSelection {
  return {
    base: patterns.includeOutside.map((base) => resolve(root, base)).reduce(commonFolder, root),
    selects(absolute) {
      const path = patternPath(root, absolute);
      return patterns.include(path) && !patterns.exclude(path) && !inSkippedFolder(path);
    },
  };
}

/**
 * A path: the file itself, or the journey files below a folder; else, when it
 * looks like one, a glob relative to cwd. A path need not exist (a file
 * deleted since a revision); one that does is never read as a glob.
 */
export function argumentSelection(arg: string, options: DiscoverOptions): PathSelection {
  const excluded = exclusion(options);
  const target = resolve(options.cwd, arg);
  if (isPattern(arg) && !existsSync(target)) {
    // An absolute glob is matched from the filesystem's root, anchored there.
    const from = isAbsolute(arg) ? parse(arg).root : options.cwd;
    const matches = compilePatterns([isAbsolute(arg) ? `/${arg.slice(from.length)}` : arg]);
    const base = resolve(options.cwd, patternBase(arg));
    return { base, selects: (absolute) => matches(patternPath(from, absolute)) && !excluded(base, absolute) };
  }
  return {
    base: target,
    selects: (absolute) => absolute === target || (isJourneyFile(patternPath(target, absolute)) && isBelow(target, absolute) && !excluded(target, absolute)),
  };
}

function exclusion(options: DiscoverOptions): (base: string, absolute: string) => boolean {
  const root = options.root ?? options.cwd;
  const exclude = options.exclude ?? (() => false);
  return (base, absolute) => exclude(patternPath(root, absolute)) || inSkippedFolder(patternPath(base, absolute));
}

function commonFolder(a: string, b: string): string {
  let folder = a;
  while (!isInside(folder, b) && parse(folder).root !== folder) folder = dirname(folder);
  return folder;
}

function inSkippedFolder(path: string): boolean {
  return path.split('/').slice(0, -1).some((folder) => SKIPPED_FOLDERS.has(folder));
}

function isBelow(folder: string, absolute: string): boolean {
  const path = relative(folder, absolute);
  return path !== '' && !leavesFolder(path);
}

/**
 * Expands command-line arguments to journey files: a file is taken as it is, a
 * directory stands for every journey file below it, anything else is a glob.
 * Returns paths relative to `cwd` with `/` separators, sorted, without
 * duplicates. `-` (stdin) is kept as is.
 */
export async function discoverFiles(args: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const found = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      found.add('-');
      continue;
    }
    for (const file of await expandArgument(arg, options)) found.add(file);
  }
  return [...found].sort(comparePaths);
}

async function expandArgument(arg: string, options: DiscoverOptions): Promise<string[]> {
  const absolute = resolve(options.cwd, arg);
  const stats = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (!(stats instanceof Error) && !stats.isDirectory()) return [displayPath(absolute, options.cwd)];
  // Not a path: a glob, or a mistake.
  if (stats instanceof Error && !isPattern(arg)) throw new DiscoveryError(arg, `${arg}: ${describeIoError(stats)}`);
  const files = await findFiles(argumentSelection(arg, options), options.cwd);
  if (files.length > 0) return files;
  if (stats instanceof Error) throw new DiscoveryError(arg, `no files match the pattern ${arg}`);
  throw new DiscoveryError(arg, `no journey files (*.journey.yaml, *.journey.yml) in directory ${arg}`);
}

/**
 * The selected files below the selection's base, shown relative to `cwd`,
 * sorted. Honours .gitignore, never enters node_modules or .git, and does not
 * follow links to folders (a symlink loop must not hang discovery); a link to a
 * file is taken like the file. A folder that cannot be read is listed itself, so
 * that the run reports it (exit 2) instead of checking fewer files in silence.
 */
export async function findFiles(selection: PathSelection, cwd: string): Promise<string[]> {
  const { files, gitignores, unreadable } = await walk(selection.base);
  if (unreadable.includes('')) throw new DiscoveryError(selection.base, `${displayPath(selection.base, cwd)}: cannot read the folder: permission denied`);
  const isIgnored = await gitignoreFilter(selection.base, gitignores);
  const found = files
    .map((path) => ({ path, absolute: absolutePath(selection.base, path) }))
    .filter(({ path, absolute }) => selection.selects(absolute) && !isIgnored(path));
  // Reported only where the selection could have taken a journey file: a folder the config
  // excludes (a database's data folder, say) is nobody's business.
  const mightSelect = (path: string) => ['x.journey.yaml', 'x/x.journey.yaml'].some((file) => selection.selects(absolutePath(selection.base, `${path}/${file}`)));
  const skipped = unreadable.filter((path) => !isIgnored(`${path}/`) && !inSkippedFolder(`${path}/`) && mightSelect(path));
  return [...found.map(({ absolute }) => absolute), ...skipped.map((path) => absolutePath(selection.base, path))].map((absolute) => displayPath(absolute, cwd)).sort(comparePaths);
}

interface Walked {
  /** Regular files, relative to the walked folder with `/` separators. */
  files: string[];
  /** The .gitignore files among them. */
  gitignores: string[];
  /** Folders readdir refused (EACCES, EPERM); '' is the walked folder itself. */
  unreadable: string[];
}

async function walk(folder: string): Promise<Walked> {
  const walked: Walked = { files: [], gitignores: [], unreadable: [] };
  const visit = async (path: string): Promise<void> => {
    let entries: Dirent[];
    const absolute = path === '' ? folder : join(folder, path);
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') walked.unreadable.push(path);
      return; // gone since it was listed, or not a folder after all: nothing below it to check
    }
    const below: Promise<void>[] = [];
    for (const entry of entries) {
      const child = path === '' ? entry.name : `${path}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) below.push(visit(child));
      else if (entry.isFile() || (entry.isSymbolicLink() && (await isFileLink(join(absolute, entry.name))))) {
        walked.files.push(child);
        if (entry.name === '.gitignore') walked.gitignores.push(child);
      }
    }
    await Promise.all(below);
  };
  await visit('');
  return walked;
}

/**
 * Whether a link leads to a regular file: a journey file linked in from a
 * shared folder is checked like any other. Links to folders are not followed,
 * and a dangling link is left to the files it would have matched: none.
 */
async function isFileLink(path: string): Promise<boolean> {
  const target = await stat(path).catch(() => undefined);
  return target?.isFile() ?? false;
}

/** Honours the .gitignore files below `folder`, each for the files below its own folder. */
async function gitignoreFilter(folder: string, gitignores: readonly string[]): Promise<(path: string) => boolean> {
  if (gitignores.length === 0) return () => false;
  const { default: ignore } = await import('ignore');
  const rules = await Promise.all(
    gitignores.map(async (file) => ({ base: posix.dirname(file), ignorer: ignore().add(await readFile(join(folder, file), 'utf8').catch(() => '')) })),
  );
  return (path) =>
    rules.some(({ base, ignorer }) => {
      if (base !== '.' && !path.startsWith(`${base}/`)) return false;
      return ignorer.ignores(base === '.' ? path : path.slice(base.length + 1));
    });
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  const shown = rel === '' ? '.' : leavesFolder(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
