import { execFile } from 'node:child_process';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';

/**
 * The few git questions `cjm diff --rev` asks. Every call is execFile with an
 * argument array, never a shell string: revisions and paths come from users and
 * CI variables.
 */

/** A git failure meant for people (not a repository, unknown revision): one line, exit 2. */
export class GitError extends Error {
  readonly userFacing = true;
}

export interface Repo {
  /** Absolute path of the working tree's top directory. */
  top: string;
  /** The working directory relative to `top`, with a trailing `/` ('' at the top). */
  prefix: string;
}

export interface ChangedFile {
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  /** Repository-relative paths; `oldPath` for deleted, modified and renamed, `newPath` for added, modified and renamed. */
  oldPath?: string;
  newPath?: string;
}

interface RunOptions {
  cwd: string;
  /** Largest output accepted, in bytes. */
  maxBuffer?: number;
}

function run(args: readonly string[], options: RunOptions): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd: options.cwd, encoding: 'buffer', maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolvePromise(stdout);
      const spawnError = error as NodeJS.ErrnoException;
      if (spawnError.code === 'ENOENT') return reject(new GitError('git is not installed or not on PATH; --rev needs git'));
      if (spawnError.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return reject(new GitError(`git ${args[0]} printed more than ${options.maxBuffer} bytes`));
      reject(Object.assign(new GitError(firstLine(stderr.toString('utf8')) || error.message), { exitCode: (error as { code?: unknown }).code }));
    });
  });
}

async function text(args: readonly string[], options: RunOptions): Promise<string> {
  return (await run(args, options)).toString('utf8');
}

export async function openRepo(cwd: string): Promise<Repo> {
  try {
    const [top, prefix] = (await text(['rev-parse', '--show-toplevel', '--show-prefix'], { cwd })).split('\n');
    return { top: resolve(top), prefix };
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.message)) throw new GitError('not in a git repository; --rev compares with a git revision');
    throw error;
  }
}

/** Refuses a revision git does not know, and anything that would read as an option. */
export async function verifyRevision(repo: Repo, rev: string): Promise<void> {
  if (rev.startsWith('-') || rev.trim() === '') throw new GitError(`invalid revision ${JSON.stringify(rev)}`);
  try {
    await text(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { cwd: repo.top });
  } catch {
    throw new GitError(`unknown revision ${rev} (a commit, branch or tag: HEAD~1, origin/main, v1.2)`);
  }
}

/** A file's bytes at a revision; `path` is relative to the repository's top. */
export async function showFile(repo: Repo, rev: string, path: string, maxBytes: number): Promise<Buffer> {
  return run(['show', `${rev}:${path}`], { cwd: repo.top, maxBuffer: maxBytes });
}

/** Paths per git call, to stay under the OS limit on command-line length. */
const PATHS_PER_CALL = 500;

/** Which of these repository-relative files exist at a revision. Plain paths: ls-tree knows no pathspec magic. */
export async function filesAtRevision(repo: Repo, rev: string, paths: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < paths.length; start += PATHS_PER_CALL) {
    const out = await text(['ls-tree', '-r', '--name-only', '-z', '--full-tree', rev, '--', ...paths.slice(start, start + PATHS_PER_CALL)], { cwd: repo.top });
    for (const path of out.split('\0')) if (path) found.add(path);
  }
  return found;
}

/**
 * Files added, deleted, modified or renamed between a revision and the working
 * tree, among the repository-relative paths `selects` takes (cjm's matcher,
 * not git's pathspec globs). Untracked files are not listed: git does not know
 * them yet. First every changed path, without rename detection (cheap), then
 * `--name-status -M` on the selected ones alone, so renames are looked for
 * among journey files rather than the whole diff; a rename split across two
 * calls shows as a deletion and an addition.
 */
export async function changedFiles(repo: Repo, rev: string, selects: (path: string) => boolean): Promise<ChangedFile[]> {
  const listed = await text(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', rev, '--'], { cwd: repo.top });
  const selected = listed.split('\0').filter((path) => path !== '' && selects(path));
  const changes: ChangedFile[] = [];
  for (let start = 0; start < selected.length; start += PATHS_PER_CALL) {
    const pathspecs = selected.slice(start, start + PATHS_PER_CALL).map((path) => `:(literal)${path}`);
    const out = await text(['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', rev, '--', ...pathspecs], { cwd: repo.top });
    changes.push(...parseNameStatus(out));
  }
  return changes;
}

/** Parses `--name-status -z`: `M\0path\0`, `R095\0old\0new\0`. */
export function parseNameStatus(out: string): ChangedFile[] {
  const fields = out.split('\0');
  const changes: ChangedFile[] = [];
  for (let i = 0; i < fields.length && fields[i] !== ''; ) {
    const code = fields[i][0];
    if (code === 'R') {
      changes.push({ status: 'renamed', oldPath: fields[i + 1], newPath: fields[i + 2] });
      i += 3;
    } else if (code === 'C') {
      changes.push({ status: 'added', newPath: fields[i + 2] });
      i += 3;
    } else {
      const path = fields[i + 1];
      if (code === 'A') changes.push({ status: 'added', newPath: path });
      else if (code === 'D') changes.push({ status: 'deleted', oldPath: path });
      else changes.push({ status: 'modified', oldPath: path, newPath: path });
      i += 2;
    }
  }
  return changes;
}

/**
 * A path relative to the working directory (as users typed it) made relative to
 * the repository's top. Goes through git's prefix rather than the absolute paths,
 * which differ when the working directory is reached through a symlink.
 */
export function toRepoPath(repo: Repo, cwd: string, path: string): string {
  const local = isAbsolute(path) ? relative(cwd, path) : path;
  return posix.normalize(posix.join(repo.prefix, local.split(sep).join('/'))).replace(/^\.\/?$/, '');
}

/** A repository-relative path shown relative to the working directory. */
export function fromRepoPath(repo: Repo, path: string): string {
  return posix.relative(`/${repo.prefix}`, `/${path}`);
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^fatal: /, '') ?? '';
}
