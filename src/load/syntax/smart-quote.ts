import { lookalikesIn, nameLookalikes, SMART_QUOTES } from '../../util/lookalikes.js';
import { quoted, type Diagnosis } from './cause.js';
import { valueEnd } from './lines.js';

/**
 * A value in typographic quotes (“…” or ‘…’, from a word processor). YAML does
 * not read them as quotes, so a `: ` inside the value starts a mapping.
 */
export const smartQuote: Diagnosis = ({ error, lines }) => {
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  const text = lines.lineText(line);
  const start = layout.value ?? (layout.dashes.length > 0 ? layout.content : undefined);
  if (start === undefined || !SMART_QUOTES.includes(text[start])) return [];
  const end = valueEnd(text, start);
  const value = text.slice(start, end);
  const inner = value.slice(1, SMART_QUOTES.includes(value[value.length - 1]) && value.length > 1 ? -1 : undefined);
  const fixed = quoted(inner);
  const prefix = text.slice(layout.indent, start);
  return [
    {
      start: lines.offset(line, start),
      end: lines.offset(line, end),
      code: 'yaml-syntax',
      message: `${layout.key ? `the value of \`${layout.key}\`` : 'this value'} is in ${nameLookalikes(lookalikesIn(value).filter((l) => SMART_QUOTES.includes(l.char)))}, which YAML does not read as quotes: use straight quotes: ${prefix}${fixed}`,
      repair: [{ start: lines.offset(line, start), end: lines.offset(line, end), insert: fixed }],
    },
  ];
};
