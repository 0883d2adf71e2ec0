import type { Diagnosis } from './cause.js';
import { valueEnd } from './lines.js';
import { quotedSpans } from './quotes.js';

/**
 * A quote that is never closed. `yaml` reports it at the end of the file, where
 * the runaway string ends; the cause is where it opened.
 */
export const unclosedQuote: Diagnosis = ({ error, lines }) => {
  if (error.code !== 'MISSING_CHAR' || !/^Missing closing ["']quote/.test(error.message)) return [];
  const unclosed = quotedSpans(lines.text).find((span) => span.close === -1);
  if (!unclosed) return [];
  const line = lines.lineOf(unclosed.open);
  const text = lines.lineText(line);
  const column = unclosed.open - lines.start(line);
  const end = valueEnd(text, column);
  const layout = lines.layout(line);
  const fixed = `${text.slice(layout.indent, end)}${unclosed.quote}`;
  return [
    {
      start: unclosed.open,
      end: unclosed.open + 1,
      code: 'yaml-syntax',
      message: `the quote ${unclosed.quote} that starts ${layout.key && layout.value === column ? `the value of \`${layout.key}\`` : 'this value'} is never closed, so the text runs on to the end of the file: close it: ${fixed}`,
      repair: [{ start: lines.offset(line, end), end: lines.offset(line, end), insert: unclosed.quote }],
    },
  ];
};
