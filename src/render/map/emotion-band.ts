import { personaEmotion, stepEmotion, takesStep } from '../../model/emotions.js';
import type { Step } from '../../schema/journey.js';
import { personaStyle } from '../persona-style.js';
import { textBlock } from './cells.js';
import { monotoneCurvePath } from './curve.js';
import { face, markerOutline } from './icons.js';
import { FONT, MEASURES } from './measures.js';
import { lineMetrics } from './text/measure.js';
import type { Box, Mark } from './scene.js';
import { PERSONA_STYLES } from './theme.js';

/** One line of the band: a persona (or everyone, for a journey without personas). */
export interface EmotionSeries {
  /** The persona's place in personaOrder: its colour, marker and dash. */
  styleIndex: number;
  name: string;
  /** Per column: a score, 'no-data' (takes the step, no score) or 'skip' (does not take it: a gap). */
  values: readonly (number | 'no-data' | 'skip')[];
}

export function emotionSeries(steps: readonly Step[], personas: readonly { id: string; name: string }[]): EmotionSeries[] {
  if (personas.length === 0) {
    return [{ styleIndex: 0, name: 'Customers', values: steps.map((step) => stepEmotion(step) ?? 'no-data') }];
  }
  return personas.map((persona, index) => ({
    styleIndex: index,
    name: persona.name,
    values: steps.map((step) => (!takesStep(step, persona.id) ? 'skip' : (personaEmotion(step, persona.id) ?? 'no-data'))),
  }));
}

const PAD_TOP = 12;
const MARKER = 9;
/** How far a marker reaches from its point: the diamond's half diagonal, plus half the no-data marker's stroke. */
const MARKER_REACH = (MARKER / 2) * 1.15 + 0.75;
/** Overlaid curves are drawn this far apart, so equal scores show as parallel lines, not one. */
const SPREAD = 4.5;
/** The scale's numbers and faces take up to this much of the gutter, left of the plot. */
export const SCALE_WIDTH = 50;

interface BandOptions {
  /** The plot area across the columns. */
  box: Box;
  /** Column centres, one per step. */
  centres: readonly number[];
  /** Feeling labels under the plot (the first band only). */
  feelings?: readonly (string | undefined)[];
  /** Faces and numbers for the scale, drawn in the gutter left of box.x. */
  scale: boolean;
}

/**
 * The emotion band: gridlines at every score, a stronger zero line, the
 * positive half faintly green and the negative half faintly red, and one
 * smooth curve per persona through the step centres. A step a persona does not
 * take is a gap in its curve; a step it takes without a score is a hollow
 * marker on the zero line, never a value.
 */
export function emotionBand(series: readonly EmotionSeries[], options: BandOptions): Mark[] {
  const { box, centres } = options;
  const captions = options.feelings !== undefined;
  const plotTop = box.y + PAD_TOP;
  // Equal scores are drawn a few px apart, as parallel lines; with many personas, closer, so every marker stays in the band.
  const spread = series.length > 1 ? Math.min(SPREAD, (PAD_TOP - MARKER_REACH) / ((series.length - 1) / 2)) : 0;
  // Feeling captions start below the lowest a marker at -2 can reach, the outermost curve's offset included.
  const captionGap = ((series.length - 1) / 2) * spread + MARKER_REACH + 1;
  const captionHeight = lineMetrics({ size: FONT.small }).lineHeight;
  const plotHeight = box.height - PAD_TOP - (captions ? captionGap + captionHeight : PAD_TOP);
  const yOf = (score: number): number => plotTop + ((2 - Math.max(-2, Math.min(2, score))) / 4) * plotHeight;
  const marks: Mark[] = [
    { kind: 'rect', x: box.x, y: yOf(2), width: box.width, height: yOf(0) - yOf(2), style: 'tint-good' },
    { kind: 'rect', x: box.x, y: yOf(0), width: box.width, height: yOf(-2) - yOf(0), style: 'tint-bad' },
  ];
  for (const score of [2, 1, -1, -2]) marks.push({ kind: 'line', x1: box.x, y1: yOf(score), x2: box.x + box.width, y2: yOf(score), style: 'grid' });
  marks.push({ kind: 'line', x1: box.x, y1: yOf(0), x2: box.x + box.width, y2: yOf(0), style: 'grid-zero' });
  if (options.scale) marks.push(...scaleMarks(box.x, yOf, plotHeight));
  if (captions) marks.push(...feelingCaptions(options.feelings!, centres, plotTop + plotHeight + captionGap, box));

  series.forEach((line, index) => {
    const offset = (index - (series.length - 1) / 2) * spread;
    marks.push({ kind: 'group', name: `emotion:${line.name}`, marks: seriesMarks(line, centres, (score) => yOf(score) + offset, yOf(0) + offset, box) });
  });
  return marks;
}

function seriesMarks(line: EmotionSeries, centres: readonly number[], yOf: (score: number) => number, zeroY: number, band: Box): Mark[] {
  const style = personaStyle(line.styleIndex);
  const curveStyle = `persona-${line.styleIndex % PERSONA_STYLES}`;
  const markerStyle = `marker-${line.styleIndex % PERSONA_STYLES}`;
  const marks: Mark[] = [];
  let run: [number, number][] = [];
  const flush = (): void => {
    if (run.length > 1) {
      const curve = monotoneCurvePath(run);
      marks.push({ kind: 'path', d: curve.toString(), style: curveStyle, dash: style.dash || undefined, extent: curve.extent(), cell: band });
    }
    run = [];
  };
  line.values.forEach((value, column) => {
    if (typeof value !== 'number') return flush();
    run.push([centres[column], yOf(value)]);
  });
  flush();
  line.values.forEach((value, column) => {
    if (value === 'skip') return;
    if (value === 'no-data') {
      marks.push({ kind: 'path', ...markerOutline(style.marker, centres[column], zeroY, MARKER), style: 'no-data', dash: '2 1.5', cell: band });
      return;
    }
    marks.push({ kind: 'path', ...markerOutline(style.marker, centres[column], yOf(value), MARKER), style: markerStyle, cell: band });
  });
  return marks;
}

/** Faces and signed numbers at each score, right-aligned in the gutter. */
function scaleMarks(plotX: number, yOf: (score: number) => number, plotHeight: number): Mark[] {
  const marks: Mark[] = [];
  const radius = Math.min(7, plotHeight / 10);
  for (const score of [2, 1, 0, -1, -2]) {
    const cy = yOf(score);
    marks.push(...face(plotX - 10 - radius, cy, radius, score));
    const label = score > 0 ? `+${score}` : score < 0 ? `\u2212${-score}` : '0';
    const numberX = plotX - 10 - 2 * radius - 26; // at most SCALE_WIDTH left of the plot
    marks.push(...textBlock(label, { x: numberX, y: cy - 7, width: 22, size: FONT.small, maxLines: 1, style: 'muted', anchor: 'middle' }).marks);
  }
  return marks;
}

function feelingCaptions(feelings: readonly (string | undefined)[], centres: readonly number[], y: number, band: Box): Mark[] {
  const width = MEASURES.column - 2 * MEASURES.padding;
  return feelings.flatMap((feeling, column) => {
    if (!feeling?.trim()) return [];
    const cell = { x: centres[column] - MEASURES.column / 2, y: band.y, width: MEASURES.column, height: band.height };
    return textBlock(feeling, { x: centres[column] - width / 2, y, width, size: FONT.small, maxLines: 1, style: 'muted', anchor: 'middle', name: 'feeling', cell }).marks;
  });
}
