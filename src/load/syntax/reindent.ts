import type { Cause } from './cause.js';
import type { SourceLines } from './lines.js';

/**
 * A cause whose fix is to indent `line` by `indent` spaces. The finding points
 * at `column` of the line: the key, or the `-` of a list item, or the text.
 */
export function reindentCause(lines: SourceLines, line: number, indent: number, message: string, column = lines.layout(line).content): Cause {
  return {
    start: lines.offset(line, column),
    end: lines.end(line),
    code: 'yaml-syntax',
    message,
    repair: [{ start: lines.start(line), end: lines.offset(line, lines.layout(line).indent), insert: ' '.repeat(Math.max(0, indent)) }],
  };
}
