import type { Journey } from '../../schema/journey.js';
import { personaStyle } from '../persona-style.js';
import { textBlock, type Block } from './cells.js';
import { markerPath } from './icons.js';
import { FONT, MEASURES } from './measures.js';
import type { Mark } from './scene.js';
import { measureText } from './text/measure.js';
import { PERSONA_STYLES } from './theme.js';

interface LegendPersona {
  name: string;
  styleIndex: number;
}

interface HeaderOptions {
  /** "Journey map" or "Service blueprint": what this picture is. */
  view: string;
  personas: readonly LegendPersona[];
  /** Whether the picture draws emotion curves: the legend then shows each persona's line style too. */
  curves: boolean;
  stepCount: number;
  stageCount: number;
  /** Names of the stages drawn without steps: they have no column, so the header names them. */
  emptyStages?: readonly string[];
  /** e.g. "Lint: 0 errors, 3 warnings" (--lint). */
  lintSummary?: string;
}

/** The title, what the map is (as-is or to-be, owner, last review), and the persona legend. */
export function pageHeader(journey: Journey, options: HeaderOptions, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  const title = textBlock(journey.title, { x, y, width, size: FONT.title, weight: 'bold', maxLines: 2, style: 'title', name: 'title' });
  marks.push(...title.marks);
  let cursor = y + title.height + 4;
  const facts = [
    options.view,
    journey.state === 'future' ? 'To-be (future state)' : 'As-is (current state)',
    journey.owner ? `Owner: ${journey.owner}` : 'No owner',
    journey.reviewed ? `Reviewed ${journey.reviewed}` : 'Never reviewed',
    `${options.stepCount} step${options.stepCount === 1 ? '' : 's'} in ${options.stageCount} stage${options.stageCount === 1 ? '' : 's'}`,
    ...(options.emptyStages?.length ? [`${options.emptyStages.length === 1 ? 'Stage' : 'Stages'} without steps: ${options.emptyStages.join(', ')}`] : []),
    ...(options.lintSummary ? [options.lintSummary] : []),
  ];
  const meta = textBlock(facts.join('  ·  '), { x, y: cursor, width, size: FONT.cell, maxLines: 2, style: 'muted', name: 'facts' });
  marks.push(...meta.marks);
  cursor += meta.height;
  if (options.personas.length > 0) {
    cursor += MEASURES.spacing;
    const legend = personaLegend(options.personas, options.curves, x, cursor, width);
    marks.push(...legend.marks);
    cursor += legend.height;
  }
  return { marks, height: cursor - y };
}

const SAMPLE = 28;

/** Each persona as its line sample (when there are curves), marker and name, wrapped over as many rows as needed. */
function personaLegend(personas: readonly LegendPersona[], curves: boolean, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  const rowHeight = 18;
  let cursorX = x;
  let cursorY = y;
  for (const persona of personas) {
    const style = personaStyle(persona.styleIndex);
    const nameWidth = Math.min(measureText(persona.name, { size: FONT.small }), width - SAMPLE - 8);
    const sample = curves ? SAMPLE : 10;
    const itemWidth = sample + 6 + nameWidth;
    if (cursorX > x && cursorX + itemWidth > x + width) {
      cursorX = x;
      cursorY += rowHeight;
    }
    const cy = cursorY + rowHeight / 2;
    const index = persona.styleIndex % PERSONA_STYLES;
    marks.push({
      kind: 'group',
      name: `persona:${persona.name}`,
      marks: [
        ...(curves ? [{ kind: 'line' as const, x1: cursorX, y1: cy, x2: cursorX + SAMPLE, y2: cy, style: `persona-${index}`, dash: style.dash || undefined }] : []),
        { kind: 'path', d: markerPath(style.marker, cursorX + sample / 2, cy, 9), style: `marker-${index}` },
        ...textBlock(persona.name, { x: cursorX + sample + 6, y: cy - 7, width: nameWidth, size: FONT.small, maxLines: 1 }).marks,
      ],
    });
    cursorX += itemWidth + 18;
  }
  return { marks, height: cursorY + rowHeight - y };
}
