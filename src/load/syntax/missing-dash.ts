import type { Cause } from './cause.js';
import type { SourceLines } from './lines.js';

/**
 * A list item written without its `- `: `line` gets one at `dashColumn`, lined
 * up with the `- ` of line `like`. `list` names the list when the item is its first.
 */
export function missingDashCause(lines: SourceLines, line: number, dashColumn: number, { like, list }: { like?: number; list?: string }): Cause {
  const layout = lines.layout(line);
  const content = lines.lineText(line).slice(layout.content).trim();
  const starts = list ? `starts the first item of \`${list}\`` : 'starts a new list item';
  const where = `with the \`-\` in column ${dashColumn + 1}${like === undefined ? '' : ` like line ${like + 1}`}`;
  return {
    start: lines.offset(line, layout.content),
    end: lines.end(line),
    code: 'yaml-syntax',
    message: `\`${content}\` ${starts} but has no \`- \`: write \`- ${content}\`, ${where}`,
    repair: [{ start: lines.start(line), end: lines.offset(line, layout.content), insert: `${' '.repeat(dashColumn)}- ` }],
  };
}
