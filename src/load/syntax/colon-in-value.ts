import { quoted, type Diagnosis } from './cause.js';
import { valueEnd } from './lines.js';

/**
 * `title: Ricovero: il percorso`: inside an unquoted value, `: ` (or a `:` at
 * the end of the line) starts a mapping. `yaml` calls it "Nested mappings are
 * not allowed in compact mappings", at the start of the value.
 */
export const colonInValue: Diagnosis = ({ error, lines }) => {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY' || !/^Nested mappings/.test(error.message)) return [];
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  const column = error.start - lines.start(line);
  if (layout.key === undefined || layout.value !== column) return [];
  const text = lines.lineText(line);
  const end = valueEnd(text, column);
  const value = text.slice(column, end);
  if (/^["'[{|>&*!%@`]/.test(value)) return [];
  const inside = /: /.test(value);
  if (!inside && !value.endsWith(':')) return [];
  const fixed = `${text.slice(layout.indent, column)}${quoted(value)}`;
  const message = inside
    ? `the value of \`${layout.key}\` contains ": ", which YAML reads as the start of another key: put the value in quotes: ${fixed}`
    : `the value of \`${layout.key}\` ends with ":", which YAML reads as a key: remove the colon or put the value in quotes: ${fixed}`;
  return [{ start: error.start, end: lines.offset(line, end), code: 'yaml-syntax', message, repair: [{ start: lines.offset(line, column), end: lines.offset(line, end), insert: quoted(value) }] }];
};
