import type { Pain, Step } from '../../../schema/journey.js';
import { textBlock, type Block } from '../cells.js';
import { opportunityMark, severityDots, squareBullet } from '../icons.js';
import { BUDGET, FONT, MEASURES } from '../measures.js';
import type { Mark } from '../scene.js';
import { textDirection } from '../text/direction.js';
import { lineMetrics } from '../text/measure.js';
import type { CellLane } from './lane.js';

interface Item {
  text: string;
  /** Marks in front of the item's first line, drawn from (x, centre of the first line). */
  bullet(x: number, cy: number): Mark[];
  bulletWidth: number;
}

/**
 * A list in a cell: each item wraps to a few lines; past the item budget a
 * "+N more" line says how many are not shown (their text is in the tooltip).
 * A right-to-left item has its marker on the right, where its text starts.
 */
function itemList(items: readonly Item[], x: number, y: number, width: number, name: string): Block {
  const marks: Mark[] = [];
  const line = lineMetrics({ size: FONT.cell });
  let cursor = y;
  const shown = items.length > BUDGET.items ? BUDGET.items - 1 : items.length;
  for (const item of items.slice(0, shown)) {
    const indent = item.bulletWidth + 5;
    const rtl = textDirection(item.text) === 'rtl';
    const block = textBlock(item.text, { x: rtl ? x : x + indent, y: cursor, width: width - indent, size: FONT.cell, maxLines: BUDGET.itemLines, name });
    marks.push(...item.bullet(rtl ? x + width - item.bulletWidth : x, cursor + line.lineHeight / 2), ...block.marks);
    cursor += block.height + MEASURES.spacing;
  }
  const hidden = items.slice(shown);
  if (hidden.length > 0) {
    const more = textBlock(`+${hidden.length} more`, { x, y: cursor, width, size: FONT.small, maxLines: 1, style: 'muted' });
    marks.push({ kind: 'group', name: `${name}:more`, title: hidden.map((item) => item.text).join('\n'), marks: more.marks });
    cursor += more.height + MEASURES.spacing;
  }
  return { marks, height: Math.max(0, cursor - y - MEASURES.spacing) };
}

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2, none: 3 } as const;

function painItem(pain: Pain): Item {
  const text = typeof pain === 'string' ? pain : pain.text;
  const severity = typeof pain === 'string' ? undefined : pain.severity;
  const r = 3.2;
  const count = severity === 'high' ? 3 : severity === 'medium' ? 2 : 1;
  return { text, bullet: (bx, cy) => severityDots(severity, bx, cy, r), bulletWidth: r * 2 + (count - 1) * r * 2.4 };
}

/** Pains, the most severe first, each with its severity as dots (●●● ●● ● ○) as well as colour. */
export const painsLane: CellLane = {
  kind: 'cells',
  id: 'pains',
  title: 'Pains',
  hasContent: (step) => (step.pains?.length ?? 0) > 0,
  cell(column, x, y, width) {
    const pains = [...(column.step.pains ?? [])].sort(
      (a, b) => SEVERITY_ORDER[(typeof a === 'string' ? undefined : a.severity) ?? 'none'] - SEVERITY_ORDER[(typeof b === 'string' ? undefined : b.severity) ?? 'none'],
    );
    return itemList(pains.map(painItem), x, y, width, 'pains');
  },
};

export const opportunitiesLane: CellLane = {
  kind: 'cells',
  id: 'opportunities',
  title: 'Opportunities',
  hasContent: (step) => (step.opportunities?.length ?? 0) > 0,
  cell(column, x, y, width) {
    const items = (column.step.opportunities ?? []).map((text) => ({ text, bullet: (bx: number, cy: number) => opportunityMark(bx, cy, 5), bulletWidth: 10 }));
    return itemList(items, x, y, width, 'opportunities');
  },
};

function bulletItems(texts: readonly string[]): Item[] {
  return texts.map((text) => ({ text, bullet: (bx, cy) => [squareBullet(bx, cy, 5)], bulletWidth: 5 }));
}

function textListLane(id: string, title: string, items: (step: Step) => readonly string[] | undefined): CellLane {
  return {
    kind: 'cells',
    id,
    title,
    hasContent: (step) => (items(step)?.length ?? 0) > 0,
    cell: (column, x, y, width) => itemList(bulletItems(items(column.step) ?? []), x, y, width, id),
  };
}

export const backstageLane = textListLane('backstage', 'Backstage', (step) => step.backstage);
export const supportLane = textListLane('support', 'Support processes', (step) => step.support);
