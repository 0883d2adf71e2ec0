import type { Cause, Diagnosis, YamlError } from './cause.js';
import type { OpenLevel, SourceLines } from './lines.js';
import { missingDashCause } from './missing-dash.js';
import { reindentCause } from './reindent.js';

/** Levels to try re-indenting a line to, nearest first. */
const TRIES = 2;

/**
 * A line indented differently from the structure it belongs to: a key out of
 * line with its neighbours, a list item out of line with the others, or a key
 * indented further than the one above it, which YAML then reads as more text of
 * that key's value. `yaml` reports these wherever the structure stops making
 * sense (often at column 1, or at the value above); the cause is the line
 * itself. Each level the line could belong to is one candidate; the re-parse
 * tells which one the writer meant.
 */
export const indentation: Diagnosis = ({ error, lines }) => {
  const errorLine = lines.lineOf(error.start);
  const swallowed = swallowedLine(lines, errorLine, error);
  if (swallowed !== undefined) return [...lineCauses(lines, swallowed, errorLine), ...lineCauses(lines, errorLine)];
  // A line out of line with its neighbours can be valid YAML that means something
  // else (a step's key at the stage's indentation closes the step), and the
  // error comes on the line after: so the line above is a suspect too.
  const above = previousContentLine(lines, errorLine);
  return [...lineCauses(lines, errorLine), ...(above === undefined ? [] : lineCauses(lines, above))];
};

/** Re-indentations (and a forgotten `- `) that could put `line` where it belongs. */
export function lineCauses(lines: SourceLines, line: number, swallowedBy?: number): Cause[] {
  const layout = lines.layout(line);
  const causes = layout.dashes.length > 0 ? listItemCauses(lines, line) : layout.key !== undefined ? keyCauses(lines, line, swallowedBy) : [];
  const aligned = alignWithNext(lines, line);
  return aligned ? [...causes, aligned] : causes;
}

function previousContentLine(lines: SourceLines, line: number): number | undefined {
  for (let i = line - 1; i >= 0; i--) if (!lines.layout(i).blank) return i;
  return undefined;
}

/** The line after a `key: value` line that is indented further than the key, so YAML took it for more of the value. */
function swallowedLine(lines: SourceLines, errorLine: number, error: YamlError): number | undefined {
  const layout = lines.layout(errorLine);
  if (layout.key === undefined || layout.value === undefined || error.start < lines.offset(errorLine, layout.value)) return undefined;
  const next = lines.nextContentLine(errorLine);
  if (next === undefined) return undefined;
  const below = lines.layout(next);
  return below.indent > layout.content && (below.key !== undefined || below.dashes.length > 0) ? next : undefined;
}

function keyCauses(lines: SourceLines, line: number, swallowedBy: number | undefined): Cause[] {
  const layout = lines.layout(line);
  const levels = lines.openLevels(line);
  const reindents = nearest(levels, 'map', layout.content).map((level) => reindentKey(lines, line, level, swallowedBy));
  const list = levels.find((level) => level.kind === 'seq' && level.column === layout.indent);
  if (!list) {
    const first = firstKeyWithoutDash(lines, line);
    return first ? [...reindents, first] : reindents;
  }
  const dash = missingDashCause(lines, line, layout.indent, { like: list.line });
  // The key starts a new item if the item above begins with it or has it already.
  const startsItem = lines.earlierKeys(line, lines.layout(list.line).content).some((entry) => entry.key === layout.key);
  return startsItem ? [dash, ...reindents] : [...reindents, dash];
}

function listItemCauses(lines: SourceLines, line: number): Cause[] {
  const layout = lines.layout(line);
  const reindents = nearest(lines.openLevels(line), 'seq', layout.indent).map((level) => reindentItem(lines, line, level));
  const first = firstItemWithoutDash(lines, line);
  return first ? [first, ...reindents] : reindents;
}

function nearest(levels: readonly OpenLevel[], kind: OpenLevel['kind'], column: number): OpenLevel[] {
  return levels
    .filter((level) => level.kind === kind && level.column !== column)
    .sort((a, b) => Math.abs(a.column - column) - Math.abs(b.column - column))
    .slice(0, TRIES);
}

function reindentKey(lines: SourceLines, line: number, level: OpenLevel, swallowedBy: number | undefined): Cause {
  const layout = lines.layout(line);
  const other = lines.layout(level.line).key!;
  const now = layout.content + 1;
  const wanted = level.column + 1;
  const message =
    level.line === swallowedBy
      ? `\`${layout.key}\` starts in column ${now}, right of \`${other}\` on line ${level.line + 1}, so YAML reads it as more of the value of \`${other}\`: start it in column ${wanted}, under \`${other}\``
      : `\`${layout.key}\` starts in column ${now}, out of line with \`${other}\` on line ${level.line + 1}: start it in column ${wanted}, under \`${other}\``;
  return reindentCause(lines, line, level.column - (layout.content - layout.indent), message);
}

function reindentItem(lines: SourceLines, line: number, level: OpenLevel): Cause {
  const layout = lines.layout(line);
  const message = `this list item starts in column ${layout.indent + 1}, out of line with the item on line ${level.line + 1}: start its \`-\` in column ${level.column + 1}, under the \`-\` of line ${level.line + 1}`;
  return reindentCause(lines, line, level.column, message, layout.indent);
}

/**
 * The first line of a mapping (often `- id:`) out of line with the keys after
 * it: the first item of a list sets the list's indentation, so YAML accepts it
 * and fails on the next key, which is where the writer meant it to be.
 */
function alignWithNext(lines: SourceLines, line: number): Cause | undefined {
  const layout = lines.layout(line);
  const next = lines.nextContentLine(line);
  if (next === undefined) return undefined;
  const below = lines.layout(next);
  if (layout.dashes.length > 0 && below.dashes.length > 0 && below.indent !== layout.indent && below.indent > lines.openLevels(line)[0]?.column) {
    const message = `this list item starts in column ${layout.indent + 1}, out of line with the next item on line ${next + 1}: start its \`-\` in column ${below.indent + 1}, above the \`-\` of line ${next + 1}`;
    return reindentCause(lines, line, below.indent, message, layout.indent);
  }
  if (layout.key === undefined || below.key === undefined || below.dashes.length > 0 || below.indent === layout.content) return undefined;
  const shift = below.indent - layout.content;
  const what = layout.dashes.length > 0 ? `this list item's \`${layout.key}\`` : `\`${layout.key}\``;
  const message = `${what} starts in column ${layout.content + 1}, out of line with \`${below.key}\` below it on line ${next + 1}: start \`${layout.key}\` in column ${below.indent + 1}, above \`${below.key}\``;
  return reindentCause(lines, line, layout.indent + shift, message);
}

/**
 * `steps:` whose first item has no `- ` while the next ones do: `yaml` reports
 * the second item, where a list appears inside what it took for a mapping.
 */
function firstItemWithoutDash(lines: SourceLines, line: number): Cause | undefined {
  const dashColumn = lines.layout(line).indent;
  let parent = line - 1;
  while (parent >= 0 && (lines.layout(parent).blank || lines.layout(parent).indent >= dashColumn)) parent--;
  if (parent < 0) return undefined;
  const key = lines.layout(parent);
  const first = lines.nextContentLine(parent);
  if (key.key === undefined || key.value !== undefined || first === undefined || first === line) return undefined;
  const firstLayout = lines.layout(first);
  if (firstLayout.dashes.length > 0 || firstLayout.key === undefined || firstLayout.indent < dashColumn) return undefined;
  return missingDashCause(lines, first, dashColumn, { like: line, list: key.key });
}

/**
 * The same seen from the first item: a `key:` opening a block, then `id: x`
 * with the item's other keys two columns right of it, where a `- ` would put them.
 */
function firstKeyWithoutDash(lines: SourceLines, line: number): Cause | undefined {
  const layout = lines.layout(line);
  let above = line - 1;
  while (above > 0 && lines.layout(above).blank) above--;
  const parent = lines.layout(above);
  const next = lines.nextContentLine(line);
  if (above < 0 || parent.key === undefined || parent.value !== undefined || layout.indent <= parent.content - 2 || next === undefined) return undefined;
  if (lines.layout(next).indent !== layout.indent + 2) return undefined;
  let like: number | undefined;
  for (let i = next; i < lines.count && like === undefined; i++) {
    const later = lines.layout(i);
    if (!later.blank && later.indent < layout.indent) break;
    if (later.indent === layout.indent && later.dashes.length > 0) like = i;
  }
  return missingDashCause(lines, line, layout.indent, { like, list: parent.key });
}
