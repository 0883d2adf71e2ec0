import type { Diagnosis } from './cause.js';

const GLUED = /^([\p{L}_][\p{L}\p{N}_-]*):([^\s:/\\].*)$/u;

/** `name:Marco`: without a space after the colon, YAML reads the whole line as one piece of text. */
export const missingSpace: Diagnosis = ({ error, lines }) => {
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  if (layout.key !== undefined) return [];
  const text = lines.lineText(line);
  const match = GLUED.exec(text.slice(layout.content));
  if (!match) return [];
  const colon = lines.offset(line, layout.content + match[1].length);
  const fixed = `${text.slice(layout.indent, layout.content)}${match[1]}: ${match[2].trimEnd()}`;
  return [
    {
      start: colon,
      end: colon + 1,
      code: 'yaml-syntax',
      message: `put a space after the colon: ${fixed} (without it, YAML reads \`${match[1]}:${match[2].trimEnd()}\` as one piece of text, not a key and its value)`,
      repair: [{ start: colon + 1, end: colon + 1, insert: ' ' }],
    },
  ];
};
