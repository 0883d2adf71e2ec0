import type { Cause, Diagnosis } from './cause.js';
import type { SourceLines } from './lines.js';
import { reindentCause } from './reindent.js';

/** How far up to look for the key whose text a line continues. */
const LOOK_BACK = 200;

/**
 * A line of a long text value indented too little: in a `|` or `>` block, a
 * line left of the text above ends the text; in a plain value spread over
 * lines, a line not right of the key is no longer part of the value. Either
 * way YAML then reads the line as a key and fails. `yaml` reports the line or
 * the one before it.
 */
export const textContinuation: Diagnosis = ({ error, lines }) => {
  const line = lines.lineOf(error.start);
  return [line, line + 1].flatMap((candidate) => (candidate < lines.count ? [blockTextCause(lines, candidate), plainTextCause(lines, candidate)] : [])).filter((cause) => cause !== undefined);
};

function blockTextCause(lines: SourceLines, line: number): Cause | undefined {
  const layout = lines.layout(line);
  if (layout.blank) return undefined;
  let textIndent = Infinity;
  for (let i = line - 1; i >= Math.max(0, line - LOOK_BACK); i--) {
    const above = lines.layout(i);
    if (above.blank) continue;
    if (above.value !== undefined && /^[|>]/.test(lines.lineText(i).slice(above.value))) {
      // The text's first line sets its indentation; when that is the line at fault, the line after it tells.
      if (textIndent === Infinity) textIndent = textIndentAfter(lines, line, above.content);
      const fits = textIndent > above.content && layout.indent < textIndent && (layout.key === undefined || layout.indent > above.content);
      const message = `this line is part of the text of \`${above.key}\` (line ${i + 1}) but starts in column ${layout.indent + 1}, so YAML ends the text before it: start it in column ${textIndent + 1}, like the rest of the text`;
      return fits ? reindentCause(lines, line, textIndent, message, layout.indent) : undefined;
    }
    if (above.indent < textIndent) textIndent = above.indent;
  }
  return undefined;
}

function textIndentAfter(lines: SourceLines, line: number, keyColumn: number): number {
  const next = lines.nextContentLine(line);
  const indent = next === undefined ? 0 : lines.layout(next).indent;
  return indent > keyColumn ? indent : keyColumn + 2;
}

function plainTextCause(lines: SourceLines, line: number): Cause | undefined {
  const layout = lines.layout(line);
  if (layout.blank || layout.key !== undefined || layout.dashes.length > 0) return undefined;
  for (let i = line - 1; i >= Math.max(0, line - LOOK_BACK); i--) {
    const above = lines.layout(i);
    if (above.blank) continue;
    if (above.key === undefined && above.dashes.length === 0) continue;
    const value = above.value === undefined ? '' : lines.lineText(i).slice(above.value);
    if (above.key === undefined || value === '' || /^["'[{|>&*!]/.test(value) || layout.indent > above.content) return undefined;
    const column = above.content + 2;
    return reindentCause(lines, line, column, `this line continues the text of \`${above.key}\` (line ${i + 1}) but is not indented more than \`${above.key}\`, so YAML reads it as a new key: start it in column ${column + 1}`, layout.indent);
  }
  return undefined;
}
