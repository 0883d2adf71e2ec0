import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch/posix.js';
import type { CjmConfig } from '../schema/config.js';
import { DEFAULT_INCLUDE } from '../schema/defaults.js';
import type { DataPath } from '../findings.js';
import { UserError } from '../errors.js';

/**
 * The one path matcher. Every pattern cjm reads goes through compilePatterns:
 * the config's include, exclude, ignore and overrides[].files, globs on the
 * command line and the paths of `diff --rev`, so a pattern means the same thing
 * wherever it is written. The dialect is picomatch's with gitignore's anchoring
 * (docs/configuration.md#patterns has the table):
 * - a pattern with no `/` before its end matches in any folder, as in .gitignore
 *   (`*.draft.journey.yaml`); a leading `/` or `./` anchors it to the base folder;
 * - a trailing `/` stands for everything below the folder;
 * - `!` at the start takes back what earlier patterns of the same list matched;
 * - dot files and dot folders match like any other (as in .gitignore and ESLint);
 * - `\` is refused: separators are `/` on every OS, and as an escape it would
 *   quietly turn a Windows path such as `maps\drafts\**` into another pattern.
 * picomatch/posix, so that matching does not depend on the OS; `posix: true`
 * for `[!a]` and `[[:alpha:]]`, which picomatch otherwise reads as literals.
 */

/** Whether a path, relative to the patterns' base folder with `/` separators, matches. */
export type PathMatcher = (path: string) => boolean;

/** A pattern cjm cannot use (exit 2); `at` is its place in the config (e.g. ['exclude', 1]) when it comes from there. */
export class PatternError extends UserError {
  constructor(
    readonly pattern: string,
    /** Why, and what to write instead. */
    readonly reason: string,
    readonly at: DataPath = [],
  ) {
    super(`invalid pattern ${JSON.stringify(pattern)}: ${reason}`);
  }
}

/** debug: throw on a regular expression picomatch could not build, rather than matching nothing. */
const PICOMATCH_OPTIONS = { dot: true, posix: true, nonegate: true, debug: true } as const;

export function compilePatterns(patterns: readonly string[]): PathMatcher {
  const compiled = patterns.map(compilePattern);
  return (path) => {
    // The last pattern that matches decides, so only patterns that would change the answer are tried.
    let matched = false;
    for (const { negated, matches } of compiled) if (negated === matched && matches(path)) matched = !negated;
    return matched;
  };
}

function compilePattern(pattern: string): { negated: boolean; matches: PathMatcher } {
  // `!(a|b)` is an extglob, not a negation (picomatch reads it the same way).
  const negated = pattern.startsWith('!') && !pattern.startsWith('!(');
  const glob = toPicomatch(negated ? pattern.slice(1) : pattern, pattern);
  try {
    return { negated, matches: picomatch(glob, PICOMATCH_OPTIONS) };
  } catch (error) {
    throw new PatternError(pattern, `picomatch cannot read it (${(error as Error).message})`);
  }
}

/** gitignore's anchoring rules, written as a picomatch glob. */
function toPicomatch(body: string, pattern: string): string {
  if (body.includes('\\')) {
    throw new PatternError(pattern, 'write / between folders: \\ is not allowed in patterns (to match a special character itself, put it in brackets: [*])');
  }
  const anchored = /^\.?\//.test(body);
  const folder = body.endsWith('/');
  const path = literalGroups(body.replace(/^(?:\.?\/)+/, '').replace(/\/+$/, ''), pattern);
  if (path === '') throw new PatternError(pattern, 'no file name or glob in it');
  const glob = anchored || path.includes('/') ? path : `**/${path}`;
  return folder ? `${glob}/**` : glob;
}

const EXTGLOB_SIGNS = '?*+@!';

/**
 * picomatch reads `(a|b)` as a regular-expression group even without an
 * extglob sign before it, so `claim (old).journey.yaml` would match
 * `claim old.journey.yaml`: here `(`, `)` and `|` are themselves outside an
 * extglob. An unclosed `{` or extglob is refused: picomatch would match
 * nothing, or something else, without a word.
 */
function literalGroups(glob: string, pattern: string): string {
  let out = '';
  let extglobs = 0;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const bracket = c === '[' ? bracketEnd(glob, i) : -1;
    if (bracket !== -1) {
      out += glob.slice(i, bracket + 1);
      i = bracket;
    } else if (c === '(' && i > 0 && EXTGLOB_SIGNS.includes(glob[i - 1])) {
      extglobs++;
      out += c;
    } else if ((c === ')' || c === '|') && extglobs > 0) {
      if (c === ')') extglobs--;
      out += c;
    } else if (c === '(' || c === ')' || c === '|') {
      out += `[${c}]`;
    } else {
      if (c === '{') braces++;
      else if (c === '}' && braces > 0) braces--;
      out += c;
    }
  }
  if (extglobs > 0) throw new PatternError(pattern, 'an extglob ( is not closed: add )');
  if (braces > 0) throw new PatternError(pattern, '{ is not closed: add }, or write [{] for the character itself');
  return out;
}

/** Where the bracket expression opened at `start` closes (`[]x]`, `[!]x]`, `[[:alpha:]]`), or -1 when it does not. */
function bracketEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    const posixClassEnd = glob[i] === '[' && glob[i + 1] === ':' ? glob.indexOf(':]', i + 2) : -1;
    if (posixClassEnd !== -1) i = posixClassEnd + 1;
    else if (glob[i] === ']') return i;
  }
  return -1;
}

/** The default `include` set: what a folder on the command line stands for. */
export const isJourneyFile: PathMatcher = compilePatterns(DEFAULT_INCLUDE);

/** Whether a command-line argument is a pattern rather than a path. */
export function isPattern(arg: string): boolean {
  // As a / (compilePatterns refuses it): to picomatch `maps\*.yaml` is a plain name, and "no such file" would hide the mistake.
  const scan = picomatch.scan(arg.replaceAll('\\', '/'));
  return scan.isGlob || scan.negated;
}

/** The folder part of a pattern before its first wildcard (`maps/` of `maps/**\/*.yaml`): nothing outside it can match. */
export function patternBase(pattern: string): string {
  const scan = picomatch.scan(pattern);
  return scan.negated ? '' : scan.base;
}

/** `absolute` as patterns see it: relative to `base`, with `/` separators. Both paths normalised (resolve, join). */
export function patternPath(base: string, absolute: string): string {
  // A prefix cut for the usual case: path.relative resolves both paths, a quarter of discovery's time on large trees.
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  const path = absolute.startsWith(prefix) ? absolute.slice(prefix.length) : relative(base, absolute);
  return sep === '/' ? path : path.split(sep).join('/');
}

/** The inverse of patternPath for a path below `base`. */
export function absolutePath(base: string, path: string): string {
  const prefix = base.endsWith(sep) ? base : `${base}${sep}`;
  return `${prefix}${sep === '/' ? path : path.split('/').join(sep)}`;
}

/** The config's patterns, compiled once: each matches paths relative to the config's folder. */
export interface ConfigPatterns {
  include: PathMatcher;
  exclude: PathMatcher;
  ignore: PathMatcher;
  /** One per `overrides` entry, in order. */
  overrides: PathMatcher[];
  /** Folders outside the config's folder that `include` reaches with `..` (only with allowOutside), relative to it. */
  includeOutside: string[];
}

/**
 * The boundary of a workspace is the folder of its cjm.config.yaml (without
 * one, the working directory): config globs and catalogue paths that leave it
 * are refused unless `allowOutside` (--allow-outside). A pull request can
 * change the config, and `include: ["../outside/*.journey.yaml"]` made a bare
 * `cjm fmt` rewrite a file outside the repository; `catalog: [/etc/passwd]`
 * read a system file. Command-line paths are the user's own and not held to it.
 */
interface Boundary {
  root: string;
  allowOutside: boolean;
}

const OUTSIDE_HINT = 'cjm reads only below the folder of cjm.config.yaml: move the files there, or pass --allow-outside';

/** Throws PatternError with the pattern's place in the config. */
export function compileConfigPatterns(config: CjmConfig, allowOutside = false): ConfigPatterns {
  const include = config.include ?? DEFAULT_INCLUDE;
  const checked = (patterns: readonly string[], at: DataPath) => compileAt(allowOutside ? patterns : patterns.map((pattern, index) => insidePattern(pattern, [...at, index])), at);
  return {
    include: checked(include, ['include']),
    exclude: checked(config.exclude ?? [], ['exclude']),
    ignore: checked(config.ignore ?? [], ['ignore']),
    overrides: (config.overrides ?? []).map((override, index) => checked(override.files, ['overrides', index, 'files'])),
    includeOutside: include.filter(leavesBase).map(patternBase),
  };
}

/** A pattern with a `..` folder reaches above the folder it is relative to. */
function leavesBase(pattern: string): boolean {
  const body = pattern.startsWith('!') && !pattern.startsWith('!(') ? pattern.slice(1) : pattern;
  return body.split('/').includes('..');
}

function insidePattern(pattern: string, at: DataPath): string {
  if (leavesBase(pattern)) throw new PatternError(pattern, `it reaches outside with ..; ${OUTSIDE_HINT}`, at);
  return pattern;
}

/**
 * Throws BoundaryError when `path` (absolute) is outside the boundary, links
 * resolved: a link inside the folder may lead out of it.
 */
export function checkInsideBoundary(boundary: Boundary, path: string, what: string): void {
  if (boundary.allowOutside || isInside(boundary.root, path)) return;
  const real = realPath(path);
  const leads = real === path ? '' : ` (a link to ${real})`;
  throw new BoundaryError(path, `${what} ${path}${leads} is outside ${boundary.root}; ${OUTSIDE_HINT}`);
}

/** A path outside the workspace's boundary (exit 2). */
export class BoundaryError extends UserError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Whether `path` lies in `folder` or below it, both with their links resolved (as far as they exist). */
export function isInside(folder: string, path: string): boolean {
  return !leavesFolder(relative(realPath(folder), realPath(path)));
}

/**
 * Whether a path made by path.relative() leads out of its folder: `..`,
 * `../x`, or absolute (another drive). A name that merely starts with two dots
 * (`..drafts/x`) stays inside.
 */
export function leavesFolder(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** The real path of the longest existing prefix of `path`, with the rest appended. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(realPath(parent), relative(parent, path));
  }
}

function compileAt(patterns: readonly string[], at: DataPath): PathMatcher {
  try {
    return compilePatterns(patterns);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new PatternError(error.pattern, error.reason, error.at.length > 0 ? error.at : [...at, patterns.indexOf(error.pattern)]);
  }
}
