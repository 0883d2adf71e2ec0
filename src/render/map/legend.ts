import { textBlock, type Block } from './cells.js';
import { handoffArrow, opportunityMark, severityDots, star, warning } from './icons.js';
import { FONT } from './measures.js';
import { circlePath } from './path.js';
import type { Mark } from './scene.js';
import { evidenceBorder } from './step-header.js';
import { measureText } from './text/measure.js';

/** Which symbols the picture uses: the key explains only those. */
export interface LegendNeeds {
  evidence: boolean;
  momentOfTruth: boolean;
  pains: boolean;
  opportunities: boolean;
  handoffs: boolean;
  noScore: boolean;
}

interface Entry {
  /** Draws the symbol in a 24 x 14 box at (x, y). */
  symbol(x: number, y: number): Mark[];
  symbolWidth: number;
  label: string;
}

const ROW = 20;

/** The key at the bottom: what borders, stars, dots and arrows mean, so the map reads without a separate guide. */
export function legend(needs: LegendNeeds, x: number, y: number, width: number): Block {
  const entries: Entry[] = [];
  if (needs.evidence) {
    for (const evidence of ['observed', 'reported', 'inferred', 'assumed'] as const) {
      entries.push({ symbol: (sx, sy) => [{ kind: 'rect', x: sx, y: sy, width: 24, height: 14, radius: 3, style: 'head' }, ...evidenceBorder(evidence, { x: sx, y: sy, width: 24, height: 14 })], symbolWidth: 24, label: `${evidence} (evidence)` });
    }
  }
  if (needs.momentOfTruth) entries.push({ symbol: (sx, sy) => [star(sx + 7, sy + 7, 7)], symbolWidth: 14, label: 'moment of truth' });
  if (needs.pains) {
    entries.push({ symbol: (sx, sy) => severityDots('high', sx, sy + 7, 3), symbolWidth: 20, label: 'high' });
    entries.push({ symbol: (sx, sy) => severityDots('medium', sx, sy + 7, 3), symbolWidth: 13, label: 'medium' });
    entries.push({ symbol: (sx, sy) => severityDots('low', sx, sy + 7, 3), symbolWidth: 6, label: 'low' });
    entries.push({ symbol: (sx, sy) => severityDots(undefined, sx, sy + 7, 3), symbolWidth: 6, label: 'unrated pain' });
  }
  if (needs.opportunities) entries.push({ symbol: (sx, sy) => opportunityMark(sx, sy + 7, 5), symbolWidth: 10, label: 'opportunity' });
  if (needs.handoffs) {
    entries.push({ symbol: (sx, sy) => [handoffArrow(sx, sy + 1, 12)], symbolWidth: 12, label: 'channel change with handoff' });
    entries.push({ symbol: (sx, sy) => warning(sx, sy + 1, 12), symbolWidth: 12, label: 'channel change, no handoff' });
  }
  if (needs.noScore) {
    entries.push({ symbol: (sx, sy) => [{ kind: 'path', d: circlePath(sx + 6.5, sy + 7, 4.5), style: 'no-data', dash: '2 1.5' }], symbolWidth: 13, label: 'takes the step, no emotion score' });
  }
  if (entries.length === 0) return { marks: [], height: 0 };

  const marks: Mark[] = [];
  let cursorX = x;
  let cursorY = y;
  for (const entry of entries) {
    const labelWidth = measureText(entry.label, { size: FONT.small });
    const itemWidth = entry.symbolWidth + 6 + labelWidth;
    if (cursorX > x && cursorX + itemWidth > x + width) {
      cursorX = x;
      cursorY += ROW;
    }
    marks.push(...entry.symbol(cursorX, cursorY + 3));
    marks.push(...textBlock(entry.label, { x: cursorX + entry.symbolWidth + 6, y: cursorY + 2, width: Math.min(labelWidth, width), size: FONT.small, maxLines: 1, style: 'muted' }).marks);
    cursorX += itemWidth + 16;
  }
  return { marks: [{ kind: 'group', name: 'legend', marks }], height: cursorY + ROW - y };
}
