import type { Step } from '../../schema/journey.js';
import { isDropoffHotspot } from '../../model/dropoff.js';
import { personaStyle } from '../persona-style.js';
import { textBlock, type Block } from './cells.js';
import { markerPath, star, subjourneyArrow } from './icons.js';
import { BUDGET, FONT, MEASURES } from './measures.js';
import type { Box, Mark } from './scene.js';
import { measureText } from './text/measure.js';
import { PERSONA_STYLES } from './theme.js';
import { takesStep } from '../../model/emotions.js';

const STAR = 8;

/**
 * A step's header: its name (clamped, full text in the tooltip), a star for a
 * moment of truth, the drop-off as a badge, the sub-journey it opens, and
 * which personas take it. The evidence level is the box's border (evidenceBorder).
 */
export function stepHeaderContent(step: Step, personas: readonly string[], hotspot: number | undefined, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  const nameWidth = step.momentOfTruth ? width - 2 * STAR - 4 : width;
  const name = textBlock(step.name, { x, y, width: nameWidth, size: FONT.step, weight: 'bold', maxLines: BUDGET.stepNameLines, name: 'step-name' });
  marks.push(...name.marks);
  if (step.momentOfTruth) marks.push({ kind: 'group', name: 'moment-of-truth', title: 'Moment of truth', marks: [star(x + width - STAR, y + STAR, STAR)] });
  let cursor = y + name.height + 4;

  const badges = badgeRow(step, hotspot, x, cursor, width);
  if (badges.height > 0) {
    marks.push(...badges.marks);
    cursor += badges.height + 4;
  }
  if (step.subjourney) {
    const icon = 12;
    const text = textBlock(step.subjourney, { x: x + icon + 4, y: cursor, width: width - icon - 4, size: FONT.small, maxLines: 1, style: 'muted', name: 'subjourney' });
    marks.push({ kind: 'group', name: 'subjourney', title: `Sub-journey: ${step.subjourney}`, marks: [subjourneyArrow(x, cursor + 1, icon), ...text.marks] });
    cursor += text.height + 4;
  }
  const takers = personas.map((id, index) => ({ id, index })).filter(({ id }) => step.personas?.length && takesStep(step, id));
  if (takers.length > 0) {
    const size = 9;
    const pitch = size + 5;
    // Past what fits, the last place says how many more ("+4"); the tooltip names them all.
    const fits = Math.floor(width / pitch);
    const shown = takers.length > fits ? Math.max(0, fits - 3) : takers.length;
    const more = takers.length - shown;
    marks.push({
      kind: 'group',
      name: 'personas',
      title: `Personas: ${takers.map(({ id }) => id).join(', ')}`,
      marks: [
        ...takers.slice(0, shown).map(({ index }, i) => ({
          kind: 'path' as const,
          d: markerPath(personaStyle(index).marker, x + size / 2 + i * pitch, cursor + size / 2, size),
          style: `marker-${index % PERSONA_STYLES}`,
        })),
        ...(more > 0 ? textBlock(`+${more}`, { x: x + shown * pitch, y: cursor - 2, width: width - shown * pitch, size: FONT.small, maxLines: 1, style: 'muted' }).marks : []),
      ],
    });
    cursor += size + 4;
  }
  return { marks, height: cursor - 4 - y };
}

function badgeRow(step: Step, hotspot: number | undefined, x: number, y: number, width: number): Block {
  if (step.dropoff === undefined) return { marks: [], height: 0 };
  const hot = isDropoffHotspot(step, hotspot);
  const text = `${formatPercent(step.dropoff)}% drop off${hot ? ' · hotspot' : ''}`;
  const textWidth = Math.min(measureText(text, { size: FONT.small, weight: 'bold' }), width - 12);
  const label = textBlock(text, { x: x + 6, y: y + 2, width: textWidth, size: FONT.small, weight: 'bold', maxLines: 1 });
  const height = label.height + 4;
  return {
    marks: [{ kind: 'group', name: 'dropoff', marks: [{ kind: 'rect', x, y, width: textWidth + 12, height, radius: height / 2, style: hot ? 'badge-hot' : 'badge' }, ...label.marks] }],
    height,
  };
}

function formatPercent(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * How we know, drawn as the header's border: solid observed, dashed reported,
 * dotted inferred, hatched (no border) assumed; a plain thin rule when unknown.
 */
export function evidenceBorder(evidence: Step['evidence'], box: Box): Mark[] {
  switch (evidence) {
    case 'observed':
      return [{ kind: 'rect', ...box, radius: 4, style: 'evidence-border' }];
    case 'reported':
      return [{ kind: 'rect', ...box, radius: 4, style: 'evidence-border', dash: '6 3' }];
    case 'inferred':
      return [{ kind: 'rect', ...box, radius: 4, style: 'evidence-border', dash: '1.5 2.5' }];
    case 'assumed':
      return hatch(box);
    default:
      return [];
  }
}

/** Diagonal lines across a box, clipped to it by geometry (no clip paths, which some viewers drop). */
function hatch(box: Box, spacing = 9): Mark[] {
  const marks: Mark[] = [];
  for (let offset = spacing; offset < box.width + box.height; offset += spacing) {
    // The line x + y = offset (from the box's top-left), cut to the box.
    const x1 = Math.max(0, offset - box.height);
    const y1 = offset - x1;
    const x2 = Math.min(box.width, offset);
    const y2 = offset - x2;
    marks.push({ kind: 'line', x1: box.x + x1, y1: box.y + y1, x2: box.x + x2, y2: box.y + y2, style: 'evidence-hatch' });
  }
  return marks;
}

