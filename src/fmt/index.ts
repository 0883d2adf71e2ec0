import { resolve } from 'node:path';
import { writeFileAtomic, WriteError } from '../io/write.js';
import type { ParseLimits, SourceProblem } from '../load/parse.js';
import { ReadError, readTextFile, type ReadResult } from '../load/read.js';
import { readStdin, type InputStream } from '../load/stdin.js';
import { openWorkspace, resolveTargets, type WorkspaceOptions } from '../load/workspace.js';
import { formatJourneyText } from './format.js';
import { dominantLineEnding, toLf, withLineEnding, type LineEnding } from './line-endings.js';

export { formatJourneyText, FLOW_MAX_WIDTH, type FormatResult } from './format.js';
export type { LineEnding } from './line-endings.js';

export interface FormatOptions extends WorkspaceOptions {
  /** Write nothing; report which files would change. */
  check?: boolean;
  /** Name shown for stdin (`-`). */
  stdinFilename?: string;
  /** Where `-` reads from. Default: process.stdin. */
  stdin?: InputStream;
  /** Write these line endings. Default: each file keeps its own (the more common one when it mixes both). */
  eol?: LineEnding;
  /** Rewrite read-only files and files with other hard links too (`--force`). */
  force?: boolean;
}

/**
 * What happened to one file:
 * - unchanged: already canonical, not written (its mtime stays);
 * - formatted: rewritten (or, with check, would be);
 * - invalid: not usable YAML, left untouched, with the problems;
 * - io-error: could not be read or written.
 */
export interface FormattedFile {
  file: string;
  status: 'unchanged' | 'formatted' | 'invalid' | 'io-error';
  problems: SourceProblem[];
  ioError?: string;
  /** The text as read and the text written, byte order mark and line endings included (set unless invalid or unreadable). */
  input?: string;
  output?: string;
}

/** Formats journey files in place (atomically), or only checks them. The programmatic form of `cjm fmt`. */
export async function formatFiles(patterns: readonly string[], options: FormatOptions = {}): Promise<FormattedFile[]> {
  const workspace = await openWorkspace(options);
  const files = await resolveTargets(workspace, patterns);
  const results: FormattedFile[] = [];
  for (const file of files) {
    if (file === '-') {
      const read = await readStdin(workspace.limits.maxFileSize, options.stdin);
      results.push(formatRead(options.stdinFilename ?? '<stdin>', read, workspace.limits, options.eol));
      continue;
    }
    const path = resolve(workspace.cwd, file);
    let read: ReadResult;
    try {
      read = await readTextFile(path, workspace.limits);
    } catch (error) {
      if (error instanceof ReadError) {
        results.push({ file, status: 'io-error', problems: [], ioError: error.message });
        continue;
      }
      throw error;
    }
    const result = formatRead(file, read, workspace.limits, options.eol);
    if (result.status === 'formatted' && !options.check) {
      try {
        const unchangedSince = read.ok ? read.stamp : undefined;
        await writeFileAtomic(path, result.output!, { force: options.force, forceOption: '--force', unchangedSince });
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        result.status = 'io-error';
        result.ioError = `not written: ${error.reason}`;
      }
    }
    results.push(result);
  }
  return results;
}

/** The layout is formatted on LF text; the byte order mark and the line endings are the file's own (or `eol`). */
function formatRead(file: string, read: ReadResult, limits: ParseLimits, eol: LineEnding | undefined): FormattedFile {
  if (!read.ok) {
    return { file, status: 'invalid', problems: [{ line: 1, column: 1, endLine: 1, endColumn: 1, code: read.code, severity: 'error', message: read.message }] };
  }
  const formatted = formatJourneyText(toLf(read.text), limits);
  if (!formatted.ok) return { file, status: 'invalid', problems: formatted.problems };
  const bom = read.bom ? BOM : '';
  const input = bom + read.text;
  const output = bom + withLineEnding(formatted.output, eol ?? dominantLineEnding(read.text));
  // A file with CR line breaks is rewritten even when its text is in the canonical layout: its bytes are not.
  return { file, status: output === input && !read.loneCr ? 'unchanged' : 'formatted', problems: [], input, output };
}

const BOM = '\ufeff';

