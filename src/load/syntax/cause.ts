import type { SourceLines } from './lines.js';

/** A parser error: `yaml`'s code, offsets and message. */
export interface YamlError {
  code: string;
  start: number;
  end: number;
  message: string;
}

/** A change to the text: replace [start, end) with `insert`. Repairs never add or remove a line break. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

/** What a person did wrong, where, and how to fix it: one finding. */
export interface Cause {
  /** Offsets of what the message is about (a key, a character, a quote). */
  start: number;
  end: number;
  code: 'yaml-syntax' | 'duplicate-key';
  message: string;
  /**
   * The fix, applied to find the next problem: a re-parse of the repaired text
   * shows which later errors were only a consequence of this one.
   */
  repair: readonly Edit[];
}

/** What a diagnosis looks at: the first error of the current text, and the text by lines. */
export interface DiagnosisInput {
  error: YamlError;
  lines: SourceLines;
}

/**
 * One kind of mistake. Returns the causes that may explain the error, most
 * likely first (empty when the mistake is not this kind); the runner keeps the
 * one whose repair lets the parser get furthest.
 */
export type Diagnosis = (input: DiagnosisInput) => Cause[];

export function applyEdits(text: string, edits: readonly Edit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.insert.includes('\n') || text.slice(edit.start, edit.end).includes('\n')) return undefined;
    out += text.slice(at, edit.start) + edit.insert;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Maps an offset in the edited text back to the text before the edits. */
export function offsetBeforeEdits(offset: number, edits: readonly Edit[]): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const start = edit.start + delta;
    if (offset < start) break;
    if (offset < start + edit.insert.length) return edit.start;
    delta += edit.insert.length - (edit.end - edit.start);
  }
  return offset - delta;
}

/**
 * The value as a person would quote it: double quotes (JSON's escapes are
 * YAML's), or single ones when it holds double quotes.
 */
export function quoted(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}
