import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import type { Limits } from './limits.js';

/** Why a path could not be read at all: an I/O problem (exit 2), not a content problem. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** What a file was when it was read, to tell later whether it changed since (cjm fmt). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type ReadResult =
  /**
   * `bom`: the bytes started with a UTF-8 byte order mark, which `text` leaves out (cjm fmt writes it back).
   * `stamp`: the file's size, time and inode when read (files only, not stdin).
   * `loneCr`: the bytes had CR line breaks without LF, which `text` has as LF (cjm fmt rewrites them).
   */
  | { ok: true; text: string; bom?: true; stamp?: FileStamp; loneCr?: true }
  | { ok: false; code: 'file-too-large' | 'binary-file' | 'not-utf8'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The one way to read a journey, catalogue or config file: refuses what is not a
 * regular file (a FIFO would block forever), files over the size limit and
 * content that is not UTF-8 text. Throws ReadError for I/O problems.
 */
export async function readTextFile(file: string, limits: Pick<Limits, 'maxFileSize'>): Promise<ReadResult> {
  return readTextFileSync(file, limits);
}

/**
 * Synchronous on purpose: for thousands of small files, one open/fstat/read/close
 * in a row costs a fraction of four thread-pool round trips each (measured:
 * about 0.2 ms per file saved on a 1,000-file corpus).
 */
export function readTextFileSync(file: string, limits: Pick<Limits, 'maxFileSize'>): ReadResult {
  return readOpened(file, limits, (fd, stats) => {
    const read = decode(readFileSync(fd));
    return read.ok ? { ...read, stamp: { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino } } : read;
  });
}

/**
 * The first lines of a file, up to `bytes`, checked as readTextFileSync checks
 * the whole file: for what is found near the top (the journey id), without
 * reading and decoding every file of a workspace in full. `whole` says whether
 * that was the whole file; otherwise the text ends at the last full line.
 */
export function readTextHeadSync(file: string, limits: Pick<Limits, 'maxFileSize'>, bytes: number): { read: ReadResult; whole: boolean } {
  let whole = false;
  const read = readOpened(file, limits, (fd) => {
    const buffer = Buffer.alloc(bytes);
    const length = readSync(fd, buffer, 0, bytes, 0);
    whole = length < bytes;
    // Cut after a newline byte, which is never part of a multi-byte UTF-8 character.
    return decode(whole ? buffer.subarray(0, length) : buffer.subarray(0, buffer.lastIndexOf(10) + 1));
  });
  return { read, whole };
}

function readOpened(file: string, limits: Pick<Limits, 'maxFileSize'>, readFd: (fd: number, stats: Stats) => ReadResult): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK keeps open() itself from hanging on a FIFO; the fstat below refuses it.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // Discovery lists a folder it cannot read, so that the run says so: its journey files went unchecked.
    if (isUnreadableFolder(file, error)) throw new ReadError(file, 'cannot read the folder (permission denied): its journey files were not checked');
    throw new ReadError(file, describeIoError(error));
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new ReadError(file, 'is a directory, not a file');
    if (!stats.isFile()) throw new ReadError(file, 'is not a regular file (a device, socket or pipe)');
    if (stats.size > limits.maxFileSize) {
      return {
        ok: false,
        code: 'file-too-large',
        message: `file is ${formatBytes(stats.size)}, over the ${formatBytes(limits.maxFileSize)} limit (raise limits.maxFileSize in cjm.config.yaml if this is intended)`,
      };
    }
    return readFd(fd, stats);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(file, describeIoError(error));
  } finally {
    closeSync(fd);
  }
}

function isUnreadableFolder(file: string, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'EACCES' && code !== 'EPERM') return false;
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function decode(bytes: Uint8Array): ReadResult {
  if (isUtf16(bytes)) return { ok: false, code: 'not-utf8', message: 'file is UTF-16 text; save it as UTF-8 (every editor can: "Save with encoding", UTF-8)' };
  if (bytes.includes(0)) {
    return { ok: false, code: 'binary-file', message: 'file holds binary data (NUL bytes), not YAML text' };
  }
  try {
    const decoded = stripBom(utf8.decode(bytes));
    const text = lfForLoneCr(decoded);
    return { ok: true, text, ...(hasBom(bytes) && { bom: true }), ...(text !== decoded && { loneCr: true }) };
  } catch {
    return { ok: false, code: 'not-utf8', message: 'file is not valid UTF-8 text; save it as UTF-8' };
  }
}

/**
 * A CR not followed by LF as LF. YAML counts a lone CR as a line break (old Mac
 * files, some exports), js-yaml does, and `yaml` does not: validate passed a
 * CR-only file, lint put every finding on line 1, fmt called it a syntax
 * error, and a quoted "x\ry" read "x y" in one command and "x\ry" in another.
 * Replaced once, here and in parseYaml, every command reads the same text; one
 * character for one, so offsets (and positions) stay the file's own.
 */
export function lfForLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * UTF-16, as some Windows editors save: a byte order mark (FF FE or FE FF), or
 * text whose every other byte is NUL (ASCII in UTF-16 without one). Said so,
 * with the fix, rather than "binary data".
 */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 200);
  if (sample.length < 4 || sample.length % 2 !== 0) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const half = sample.length / 2;
  return (oddNuls === half && evenNuls === 0) || (evenNuls === half && oddNuls === 0);
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long for the file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EDQUOT':
      return 'over the disk quota';
    case 'EPIPE':
      return 'the reading end of the pipe was closed';
    case 'ENXIO':
      return 'no such device (or nobody reads from the pipe)';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
