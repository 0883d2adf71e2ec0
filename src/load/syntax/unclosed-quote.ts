import type { Cause, Diagnosis } from './cause.js';
import { valueEnd, type SourceLines } from './lines.js';
import { quotedSpans, type QuotedSpan } from './quotes.js';

/**
 * A quote that is not closed on its line. Never closed, `yaml` reports it at the
 * end of the file, where the runaway string ends; closed by a quote lines
 * further on, it swallows the lines between and `yaml` fails after them. The
 * cause is where it opened. (A text in quotes may legitimately go on over
 * several lines: then the repair does not help and another candidate wins.)
 */
export const unclosedQuote: Diagnosis = ({ error, lines }) => {
  const neverClosed = error.code === 'MISSING_CHAR' && /^Missing closing ["']quote/.test(error.message);
  const errorLine = lines.lineOf(error.start);
  const span = quotedSpans(lines.text).find((candidate) =>
    candidate.close === -1 ? neverClosed : lines.lineOf(candidate.close) > lines.lineOf(candidate.open) && lines.lineOf(candidate.open) <= errorLine,
  );
  return span ? [closeOnItsLine(lines, span)] : [];
};

function closeOnItsLine(lines: SourceLines, span: QuotedSpan): Cause {
  const line = lines.lineOf(span.open);
  const text = lines.lineText(line);
  const column = span.open - lines.start(line);
  const end = closingColumn(text, column);
  const layout = lines.layout(line);
  const fixed = `${text.slice(layout.indent, end)}${span.quote}${text.slice(end).trimEnd()}`;
  const what = layout.key && layout.value === column ? `the value of \`${layout.key}\`` : 'this value';
  const runs = span.close === -1 ? 'the text runs on to the end of the file' : `the text runs on to line ${lines.lineOf(span.close) + 1}`;
  return {
    start: span.open,
    end: span.open + 1,
    code: 'yaml-syntax',
    message: `the quote ${span.quote} that starts ${what} is not closed on its line, so ${runs}: close it: ${fixed.trim()}`,
    repair: [{ start: lines.offset(line, end), end: lines.offset(line, end), insert: span.quote }],
  };
}

/** Where the closing quote goes: at the end of the value, before the `}` or `]` that end a flow collection on the line. */
function closingColumn(text: string, open: number): number {
  let end = valueEnd(text, open);
  if (/[[{]/.test(text.slice(0, open))) while (end > open + 1 && /[\s\]}]/.test(text[end - 1])) end--;
  return end;
}
