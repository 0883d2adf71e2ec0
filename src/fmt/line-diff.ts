import { formatPatch, structuredPatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';
import { lineEndingsOf, toLf, type LineEnding } from './line-endings.js';

/** Lines of context around each change, as `diff -u` and git print. */
const CONTEXT = 3;

/**
 * Myers' diff costs time in the number of lines times the number of changed
 * lines. Up to this many changed lines the diff stays under about 1.5 s even
 * for a 40,000-line file (measured); past it, so much of the file changes that
 * showing it as replaced is barely longer than the real diff.
 */
const MAX_CHANGED_LINES = 2_000;

const NO_NEWLINE = '\\ No newline at end of file';

/**
 * A unified diff of two texts for `cjm fmt --diff`, the way `diff -u` and git
 * write one: file names, hunks with three lines of context, and
 * "\ No newline at end of file" where a side does not end with one. Empty when
 * the texts are equal.
 *
 * Lines are compared without their line endings, which no terminal shows: a
 * change of endings is named in the new file's header instead
 * (`(formatted; line endings CRLF -> LF)`), with no hunks when nothing else changes.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const oldText = toLf(before);
  const newText = toLf(after);
  const header = `(formatted${endingsChange(before, after)})`;
  const options = { context: CONTEXT, maxEditLength: MAX_CHANGED_LINES };
  const patch: StructuredPatch = structuredPatch(file, file, oldText, newText, undefined, header, options) ?? {
    oldFileName: file,
    newFileName: file,
    oldHeader: undefined,
    newHeader: header,
    hunks: [wholeTextReplaced(oldText, newText)],
  };
  return formatPatch(patch, { includeIndex: false, includeUnderline: false, includeFileHeaders: true });
}

function endingsChange(before: string, after: string): string {
  const from = lineEndingsOf(before);
  const to = lineEndingsOf(after);
  if (from === undefined || to === undefined || from === to) return '';
  return `; line endings ${endingName(from)} -> ${endingName(to)}`;
}

function endingName(ending: LineEnding | 'mixed'): string {
  return ending === 'mixed' ? 'mixed' : ending.toUpperCase();
}

function wholeTextReplaced(before: string, after: string): StructuredPatchHunk {
  const removed = patchLines(before, '-');
  const added = patchLines(after, '+');
  const count = (lines: string[]) => lines.filter((line) => line !== NO_NEWLINE).length;
  // A side with no lines starts at line 0, as `diff -u` writes it.
  return { oldStart: removed.length ? 1 : 0, oldLines: count(removed), newStart: added.length ? 1 : 0, newLines: count(added), lines: [...removed, ...added] };
}

function patchLines(text: string, mark: '-' | '+'): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  const complete = lines[lines.length - 1] === '';
  if (complete) lines.pop();
  const marked = lines.map((line) => `${mark}${line}`);
  return complete ? marked : [...marked, NO_NEWLINE];
}
