import type { ResolvedCatalog } from '../../load/catalog.js';
import { personaOrder } from '../../model/emotions.js';
import type { Journey } from '../../schema/journey.js';
import { textBlock } from './cells.js';
import { measureText } from './text/measure.js';
import { emotionBand, emotionSeries } from './emotion-band.js';
import { FONT } from './measures.js';
import type { Mark, Scene } from './scene.js';
import { summarise } from './summary.js';

const STEP = 28;
const MIN_WIDTH = 360;
const MARGIN = 12;

/**
 * A small picture of a journey for the report's index: its stages and the
 * emotion curve per persona, nothing else. A separate file, since Markdown
 * cannot scale an image down.
 */
export function overviewScene(journey: Journey, catalog: ResolvedCatalog): Scene {
  const steps = journey.stages.flatMap((stage) => (stage.steps ?? []).map((step) => ({ step, stage })));
  const plotWidth = Math.max(MIN_WIDTH - 2 * MARGIN, steps.length * STEP);
  const step = steps.length > 0 ? plotWidth / steps.length : plotWidth;
  const width = plotWidth + 2 * MARGIN;
  const marks: Mark[] = [];
  const bandTop = MARGIN;
  const bandHeight = 34;
  let start = 0;
  for (const stage of journey.stages) {
    const count = stage.steps?.length ?? 0;
    if (count === 0) continue;
    const x = MARGIN + start * step;
    const cell = { x, y: bandTop, width: count * step - 2, height: bandHeight };
    const font = { size: FONT.small, weight: 'bold' } as const;
    // A chip of one or two steps is narrower than "Consideration": a first word that does not fit
    // ends in "…" on one line, rather than breaking into "Conside / ration". A later one starts
    // the second line and ends in "…" there ("Initial / consi…").
    const firstWordTooWide = measureText(stage.name.trim().split(/\s+/)[0], font) > cell.width - 8;
    marks.push({
      kind: 'group',
      name: `stage:${stage.id}`,
      title: stage.name,
      marks: [{ kind: 'rect', ...cell, radius: 3, style: 'band' }, ...textBlock(stage.name, { x: x + 4, y: bandTop + 4, width: cell.width - 8, ...font, maxLines: firstWordTooWide ? 1 : 2, cell }).marks],
    });
    start += count;
  }
  const personas = personaOrder(journey, catalog).map((id) => ({ id, name: catalog.personas.get(id)?.name ?? id }));
  const series = emotionSeries(steps.map((entry) => entry.step), personas);
  const box = { x: MARGIN, y: bandTop + bandHeight + 6, width: plotWidth, height: 84 };
  const centres = steps.map((_, index) => MARGIN + (index + 0.5) * step);
  marks.push({ kind: 'group', name: 'lane:emotion', marks: emotionBand(series, { box, centres, scale: false }) });
  return {
    width,
    height: box.y + box.height + MARGIN,
    title: `Overview: ${journey.title}`,
    description: summarise(journey, 'Overview', steps.length, journey.stages.length, personas.map((persona) => persona.name)),
    marks,
  };
}
