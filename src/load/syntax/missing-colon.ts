import type { Cause, Diagnosis } from './cause.js';
import type { SourceLines } from './lines.js';

const KEY_AND_VALUE = /^([\p{L}_][\p{L}\p{N}_-]*)[ \t]+(\S.*)$/u;
const VALUE = /^(?:[[{"']|[-+]?\d|(?:true|false)\s*$)/;

/**
 * `emotion -1`: a key with no colon. `yaml` may report it on the line before,
 * which it then reads differently, so the lines around the error are checked.
 * Only a word used as a key elsewhere in the file, or followed by what can only
 * be a value (a list, a quoted text, a number, a date), counts: `a regular
 * customer` below `description: Marco is` is text indented too little, not a key `a`.
 */
export const missingColon: Diagnosis = ({ error, lines }) => {
  const line = lines.lineOf(error.start);
  return [line, line + 1, line - 1].flatMap((candidate) => (candidate >= 0 && candidate < lines.count ? colonCause(lines, candidate) : []));
};

function colonCause(lines: SourceLines, line: number): Cause[] {
  const layout = lines.layout(line);
  if (layout.key !== undefined || layout.blank) return [];
  const match = KEY_AND_VALUE.exec(lines.lineText(line).slice(layout.content));
  if (!match || !(VALUE.test(match[2]) || isKeyElsewhere(lines, match[1], line))) return [];
  const colon = lines.offset(line, layout.content + match[1].length);
  return [
    {
      start: lines.offset(line, layout.content),
      end: colon,
      code: 'yaml-syntax',
      message: `\`${match[1]}\` needs a colon after it: ${match[1]}: ${match[2].trimEnd()}`,
      repair: [{ start: colon, end: colon, insert: ':' }],
    },
  ];
}

function isKeyElsewhere(lines: SourceLines, word: string, except: number): boolean {
  for (let i = 0; i < lines.count; i++) if (i !== except && lines.layout(i).key === word) return true;
  return false;
}
