import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { chmod, chown, lstat, mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/discover.js';
import { describeIoError, type FileStamp } from '../load/read.js';

export interface WriteOptions {
  /** Replace a read-only file, or one with other hard links (`--force`). */
  force?: boolean;
  /** The option that sets `force` for this command, named in refusals; commands without one say what to do instead. */
  forceOption?: string;
  /** The file as it was read: when it has changed since (an editor saved it), it is not overwritten. */
  unchangedSince?: FileStamp;
}

/** Why a file was not written: one line for people (exit 2), the path shown relative to the working directory. */
export class WriteError extends UserError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }

  describe(cwd?: string): string {
    return `cannot write ${cwd ? displayPath(this.path, cwd) : this.path}: ${this.reason}`;
  }
}

/**
 * The one way cjm writes a file. Writes go only where they should:
 * - a new file, or a regular file, is written atomically: a temp file beside
 *   it, then a rename over it (atomic on POSIX within one filesystem), so
 *   readers see the old or the new content and an interrupted run leaves no
 *   half-written file. A replaced file keeps its mode and (when cjm may set
 *   it, as root) its owner; a symbolic link is followed, as the shell's `>`
 *   does, and stays a link;
 * - a character device or a pipe (`-o /dev/stdout`, a FIFO someone reads) is
 *   written in place as a stream, never replaced: as root, a rename over
 *   /dev/null or /dev/full replaced the system's device;
 * - anything else is refused: a block device, a socket, a folder, a link to
 *   nothing; so is a read-only file or one with other hard links (the rename
 *   would separate it from them) unless `force`, and a file that changed since
 *   it was read (`unchangedSince`).
 * Not write-file-atomic: it renames over whatever is there (devices included)
 * and breaks hard links, so every check above would wrap it anyway, and its
 * temp name (the file name plus a hash) fails with ENAMETOOLONG for long names.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  try {
    const target = await existingTarget(path);
    if (!target) return await replaceAtomically(path, content, undefined, options);
    if (target.stats.isCharacterDevice() || target.stats.isFIFO()) return await writeInPlace(target.path, target.stats, content);
    checkReplaceable(target.stats, options);
    await replaceAtomically(target.path, content, target.stats, options);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(path, describeWriteError(error));
  }
}

/** What is at `path` now, links followed; undefined when nothing is (a new file). */
async function existingTarget(path: string): Promise<{ path: string; stats: Stats } | undefined> {
  const link = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!link) return undefined;
  if (!link.isSymbolicLink()) return { path, stats: link };
  const stats = await stat(path).catch(() => undefined);
  // A link to nothing would create its target wherever it points: a planted link could aim anywhere.
  if (!stats) throw new WriteError(path, 'is a symbolic link to a file that does not exist; remove the link or write elsewhere');
  // The device or pipe itself (not /proc/self/fd/1 resolved to a pipe name) is opened through the link.
  return { path: stats.isFile() ? await realpath(path) : path, stats };
}

function checkReplaceable(stats: Stats, options: WriteOptions): void {
  const force = options.forceOption ? `; ${options.forceOption} replaces it` : '';
  if (stats.isDirectory()) throw new WriteErrorReason('is a folder');
  if (!stats.isFile()) throw new WriteErrorReason(`is ${stats.isBlockDevice() ? 'a block device' : 'a socket'}; cjm writes regular files, character devices and pipes only`);
  if (options.force) return;
  if ((stats.mode & 0o222) === 0) throw new WriteErrorReason(`is read-only${force || '; make it writable first'}`);
  if (stats.nlink > 1) throw new WriteErrorReason(`has ${stats.nlink} hard links, whose other names would keep the old content${force || '; remove the other links first'}`);
}

/** A refusal, worded as the reason of a WriteError for the path the caller named. */
class WriteErrorReason extends Error {}

async function replaceAtomically(path: string, content: string | Uint8Array, existing: Stats | undefined, options: WriteOptions): Promise<void> {
  const dir = dirname(path);
  await ensureDirectory(dir);
  // A short temp name: one built from the file name fails with ENAMETOOLONG when the name is near the limit.
  const temp = join(dir, `.cjm-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    // `wx`: never through a link someone planted at the temp name.
    await writeFile(temp, content, { flag: 'wx' });
    if (existing) await keepModeAndOwner(temp, existing);
    if (options.unchangedSince) await checkUnchanged(path, options.unchangedSince);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The replaced file's permissions (set after the write: the umask would narrow
 * them at creation) and, as root, its owner: the new file would belong to root.
 * Other users cannot give a file away, and their new file is theirs anyway.
 */
async function keepModeAndOwner(temp: string, existing: Stats): Promise<void> {
  await chmod(temp, existing.mode & 0o777);
  if (process.getuid?.() === 0) await chown(temp, existing.uid, existing.gid);
}

async function checkUnchanged(path: string, stamp: FileStamp): Promise<void> {
  const now = await stat(path).catch(() => undefined);
  if (!now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ino !== stamp.ino) {
    throw new WriteErrorReason('the file changed since cjm read it (saved in an editor?); it was not overwritten: run the command again');
  }
}

/**
 * A device or a pipe is written as a stream. A pipe is first opened without
 * blocking, which fails at once when no process reads from it (a blocking open
 * would wait forever); the blocking descriptor that writes (with back-pressure)
 * is opened before that one is closed, or the reader would see the end.
 */
async function writeInPlace(path: string, stats: Stats, content: string | Uint8Array): Promise<void> {
  const probe = stats.isFIFO()
    ? await open(path, constants.O_WRONLY | constants.O_NONBLOCK).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ENXIO' ? new WriteErrorReason('is a pipe no process reads from') : error;
      })
    : undefined;
  const handle = await open(path, constants.O_WRONLY).finally(() => probe?.close());
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
}

function describeWriteError(error: unknown): string {
  if (error instanceof WriteErrorReason) return error.message;
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  switch (code) {
    case 'ENOTDIR':
    case 'EEXIST':
      // mkdir through a file fails with either, which says nothing to most people.
      return 'a folder on the way is a file';
    default:
      return describeIoError(error);
  }
}

/**
 * Creates a directory and its missing parents one level at a time. Not
 * mkdir(..., { recursive: true }): on Node 20 it never returns for a path under
 * /proc (procfs answers ENOENT and Node retries forever).
 */
async function ensureDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const stats = await stat(current).catch(() => undefined);
    if (stats) {
      if (!stats.isDirectory()) throw Object.assign(new Error(`${current} is not a directory`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
