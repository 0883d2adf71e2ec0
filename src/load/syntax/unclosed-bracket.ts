import type { Diagnosis, Edit } from './cause.js';
import { quotedSpans } from './quotes.js';

const CLOSER: Record<string, string> = { '[': ']', '{': '}' };
const KIND: Record<string, string> = { '[': 'list', '{': 'mapping' };
/** How far up to look for the opening bracket: flow collections in journeys span a line or two. */
const LOOK_BACK = 20;

interface Insert {
  column: number;
  text: string;
}

/**
 * A `[` or `{` that is never closed. `yaml` reports it where the next block line
 * starts; the cause is the line that opened it, and the fix closes it there.
 */
export const unclosedBracket: Diagnosis = ({ error, lines }) => {
  if (!/end with an? [\]}]/.test(error.message)) return [];
  const errorLine = lines.lineOf(error.start);
  for (let line = errorLine; line >= Math.max(0, errorLine - LOOK_BACK); line--) {
    const text = lines.lineText(line);
    const balance = balanceLine(text);
    if (!balance) continue;
    const opener = lines.offset(line, balance.unclosed);
    const bracket = text[balance.unclosed];
    return [
      {
        start: opener,
        end: opener + 1,
        code: 'yaml-syntax',
        message: `the ${KIND[bracket]} opened with \`${bracket}\` is never closed: add \`${CLOSER[bracket]}\`: ${withInserts(text, balance.inserts).trim()}`,
        repair: balance.inserts.map((insert): Edit => ({ start: lines.offset(line, insert.column), end: lines.offset(line, insert.column), insert: insert.text })),
      },
    ];
  }
  return [];
};

/** The closers a line misses (before a closer of the wrong kind, and at its end), and the first bracket left open. */
function balanceLine(text: string): { unclosed: number; inserts: Insert[] } | undefined {
  const quoted = quotedSpans(text);
  const stack: number[] = [];
  const inserts: Insert[] = [];
  let unclosed: number | undefined;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const span = quoted.find((candidate) => candidate.open === i);
    if (span) {
      if (span.close === -1) break;
      i = span.close;
      continue;
    }
    const char = text[i];
    if (char === '#' && (i === 0 || text[i - 1] === ' ')) {
      end = i;
      break;
    }
    if (char in CLOSER) stack.push(i);
    else if (char === ']' || char === '}') {
      let match = stack.length - 1;
      while (match >= 0 && CLOSER[text[stack[match]]] !== char) match--;
      if (match === -1) continue;
      const missing = stack.splice(match + 1);
      stack.pop();
      if (missing.length === 0) continue;
      unclosed ??= missing[0];
      inserts.push({ column: i, text: closersFor(text, missing) });
    }
  }
  if (stack.length > 0) {
    unclosed = Math.min(unclosed ?? Infinity, stack[0]);
    inserts.push({ column: trimmedEnd(text, end), text: closersFor(text, stack) });
  }
  return unclosed === undefined ? undefined : { unclosed, inserts };
}

function closersFor(text: string, openers: readonly number[]): string {
  return [...openers]
    .reverse()
    .map((open) => CLOSER[text[open]])
    .join('');
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && text[end - 1] === ' ') end--;
  return end;
}

function withInserts(text: string, inserts: readonly Insert[]): string {
  let out = text;
  for (const insert of [...inserts].sort((a, b) => b.column - a.column)) out = out.slice(0, insert.column) + insert.text + out.slice(insert.column);
  return out;
}
