import type { Cause, Diagnosis } from './cause.js';
import type { SourceLines } from './lines.js';
import { lineCauses } from './indentation.js';
import { missingDashCause } from './missing-dash.js';

/**
 * A key that appears twice in one mapping. Either a real duplicate, or the
 * first key of a new list item whose `- ` was forgotten: then every key of that
 * item repeats one of the item above (one forgotten `- ` gave 7 errors). The
 * item's first key coming again tells the two apart.
 */
export const duplicateKey: Diagnosis = ({ error, lines }) => {
  if (error.code !== 'DUPLICATE_KEY') return [];
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  const column = error.start - lines.start(line);
  if (layout.key === undefined || layout.content !== column) return [duplicate(lines, error.start, error.end, lines.text.slice(error.start, error.end))];
  const earlier = lines.earlierKeys(line, column);
  const first = earlier.find((entry) => entry.key === layout.key);
  const real = duplicate(lines, error.start, error.start + layout.key.length, layout.key, first?.line);
  // A key indented like the mapping above it, by mistake, repeats one of its keys too.
  const reindents = lineCauses(lines, line);
  const item = earlier.at(-1);
  if (!item?.opensItem || layout.dashes.length > 0 || layout.indent < 2) return [real, ...reindents];
  const dash = missingDashCause(lines, line, column - 2, { like: item.line });
  return item.key === layout.key ? [dash, real, ...reindents] : [real, dash, ...reindents];
};

function duplicate(lines: SourceLines, start: number, end: number, key: string, firstLine?: number): Cause {
  const where = firstLine === undefined ? 'appears twice in this mapping' : `is already set on line ${firstLine + 1} of this mapping`;
  return {
    start,
    end,
    code: 'duplicate-key',
    message: `\`${key}\` ${where}; a key may appear only once: remove one of the two`,
    // Renamed for the re-parse, so that a third occurrence is still found.
    repair: [{ start, end: start, insert: `duplicate-${lines.lineOf(start) + 1}-` }],
  };
}
