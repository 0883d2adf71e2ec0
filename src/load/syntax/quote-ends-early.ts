import { quoted, type Diagnosis } from './cause.js';
import { valueEnd } from './lines.js';
import { quotedSpans } from './quotes.js';

/**
 * Text after a closing quote: an apostrophe inside single quotes
 * (`'Un'attesa lunga'`) or a quote inside double quotes (`"He said "no""`)
 * ends the string early.
 */
export const quoteEndsEarly: Diagnosis = ({ error, lines }) => {
  if (error.code !== 'UNEXPECTED_TOKEN' || !/^Unexpected scalar/.test(error.message)) return [];
  const line = lines.lineOf(error.start);
  const span = quotedSpans(lines.text).find((candidate) => candidate.close !== -1 && candidate.close < error.start && lines.text.slice(candidate.close + 1, error.start).trim() === '');
  if (!span || lines.lineOf(span.open) !== line) return [];
  const text = lines.lineText(line);
  const open = span.open - lines.start(line);
  const end = valueEnd(text, open);
  const value = text.slice(open, end);
  const inner = value.slice(1, value.endsWith(span.quote) && value.length > 1 ? -1 : undefined);
  const layout = lines.layout(line);
  const fixed = `${text.slice(layout.indent, open)}${quoted(inner)}`;
  const what = span.quote === "'" ? 'the apostrophe' : 'the quote "';
  const escape = span.quote === "'" ? "(inside single quotes, an apostrophe is written twice: '')" : '(inside double quotes, a quote is written \\")';
  return [
    {
      start: span.close,
      end: span.close + 1,
      code: 'yaml-syntax',
      message: `${what} after \`${lines.text.slice(span.open + 1, span.close)}\` ends the quoted text early: write ${fixed} ${escape}`,
      repair: [{ start: lines.offset(line, open), end: lines.offset(line, end), insert: quoted(inner) }],
    },
  ];
};
