import { LOOKALIKE_SPACES, lookalikeOf, nameLookalikes } from '../../util/lookalikes.js';
import type { Diagnosis, Edit } from './cause.js';

/**
 * A non-breaking space (pasted from a word processor) where YAML needs a plain
 * one: in the indentation, after `key:` or after `-`. YAML reads it as a letter,
 * so `emotion:\u00A0-1` is one word and an indentation of two of them is no
 * indentation at all.
 */
export const lookalikeSpace: Diagnosis = ({ error, lines }) => {
  const line = lines.lineOf(error.start);
  const text = lines.lineText(line);
  const structural = [...text.matchAll(new RegExp(`[${LOOKALIKE_SPACES}]`, 'g'))]
    .map((match) => match.index)
    .filter((column) => /^[ \t\u00A0\u202F]*$/.test(text.slice(0, column)) || /[:-]$/.test(text.slice(0, column)));
  if (structural.length === 0) return [];
  const first = structural[0];
  const lookalike = lookalikeOf(text[first])!;
  const where = /^[ \t\u00A0\u202F]*$/.test(text.slice(0, first)) ? 'in the indentation' : `after \`${text.slice(0, first).trim()}\``;
  const repair = structural.map((column): Edit => ({ start: lines.offset(line, column), end: lines.offset(line, column) + 1, insert: ' ' }));
  return [
    {
      start: lines.offset(line, first),
      end: lines.offset(line, first) + 1,
      code: 'yaml-syntax',
      message: `${nameLookalikes([lookalike])} ${where} is not a space to YAML: type a normal space instead`,
      repair,
    },
  ];
};
