import type { ResolvedCatalog } from '../../load/catalog.js';
import type { Stage } from '../../schema/journey.js';
import { textBlock, type Block } from './cells.js';
import { warning } from './icons.js';
import { kpiStack } from './lanes/kpis.js';
import { BUDGET, FONT, MEASURES } from './measures.js';
import type { Mark } from './scene.js';

/** A stage above its steps: name, owner (or a visible "no owner"), and its KPIs. */
export function stageBandContent(stage: Stage, catalog: ResolvedCatalog, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  const name = textBlock(stage.name, { x, y, width, size: FONT.stage, weight: 'bold', maxLines: BUDGET.stageNameLines, name: 'stage-name' });
  marks.push(...name.marks);
  let cursor = y + name.height + 2;
  if (stage.owner?.trim()) {
    const owner = textBlock(`Owner: ${stage.owner.trim()}`, { x, y: cursor, width, size: FONT.small, maxLines: 1, style: 'muted', name: 'stage-owner' });
    marks.push(...owner.marks);
    cursor += owner.height;
  } else {
    const icon = 11;
    const owner = textBlock('No owner', { x: x + icon + 4, y: cursor, width: width - icon - 4, size: FONT.small, weight: 'bold', maxLines: 1 });
    marks.push({ kind: 'group', name: 'stage-owner:missing', title: 'No one owns this stage', marks: [...warning(x, cursor + 2, icon), ...owner.marks] });
    cursor += owner.height;
  }
  if (stage.kpis?.length) {
    cursor += MEASURES.spacing;
    const kpis = kpiGrid(stage, catalog, x, cursor, width);
    marks.push(...kpis.marks);
    cursor += kpis.height;
  }
  return { marks, height: cursor - y };
}

/**
 * Stage KPIs side by side in rows, one per step column the stage spans. A
 * stage with fewer KPIs than columns shares its width among them (up to two
 * columns each), so names like "Average handling time" are not cut short.
 */
function kpiGrid(stage: Stage, catalog: ResolvedCatalog, x: number, y: number, width: number): Block {
  const perRow = Math.max(1, Math.floor((width + 2 * MEASURES.padding + MEASURES.gap) / (MEASURES.column + MEASURES.gap)));
  const kpis = stage.kpis ?? [];
  const inRow = Math.min(perRow, kpis.length);
  const pitch = Math.min(2 * (MEASURES.column + MEASURES.gap), (width + 2 * MEASURES.padding + MEASURES.gap) / inRow);
  const slot = pitch - MEASURES.gap - 2 * MEASURES.padding;
  const marks: Mark[] = [];
  let rowTop = y;
  let height = 0;
  for (let start = 0; start < kpis.length; start += perRow) {
    let rowHeight = 0;
    kpis.slice(start, start + perRow).forEach((kpi, column) => {
      const block = kpiStack([kpi], catalog.metrics, x + column * pitch, rowTop, slot);
      marks.push(...block.marks);
      rowHeight = Math.max(rowHeight, block.height);
    });
    height = rowTop + rowHeight - y;
    rowTop += rowHeight + MEASURES.spacing + 2;
  }
  return { marks, height };
}
