import type { ResolvedCatalog } from '../../load/catalog.js';
import { personaOrder } from '../../model/emotions.js';
import type { Journey, Stage, Step } from '../../schema/journey.js';
import { textBlock, type Block } from './cells.js';
import { emotionBand, emotionSeries, SCALE_WIDTH, type EmotionSeries } from './emotion-band.js';
import type { CellLane, ColumnContext } from './lanes/lane.js';
import { legend, type LegendNeeds } from './legend.js';
import { columnsWidth, columnX, FONT, MEASURES, OVERLAID_PERSONAS } from './measures.js';
import { pageHeader } from './page-header.js';
import type { Box, Mark, Scene } from './scene.js';
import { stageBandContent } from './stage-band.js';
import { evidenceBorder, stepHeaderContent } from './step-header.js';
import { summarise } from './summary.js';
import { lineMetrics } from './text/measure.js';

/** The rows below the step headers, top to bottom. */
export type Row = CellLane | { kind: 'emotion' } | { kind: 'line'; id: string; title: string; style: string; dash?: string };

export interface View {
  /** What the picture is, in its header: "Journey map", "Service blueprint". */
  name: string;
  rows: readonly Row[];
  /** Leave out cell lanes with nothing to show in any step (the map); a blueprint keeps its fixed structure. */
  dropEmptyLanes: boolean;
}

interface LayoutOptions {
  catalog: ResolvedCatalog;
  /** Draw only these stages (ids), in journey order. */
  stageIds?: readonly string[];
  lintSummary?: string;
}

interface Column {
  step: Step;
  stage: Stage;
  x: number;
}

const MIN_WIDTH = 640;

/** Lays out a journey as a view: a pure function from the journey to a scene of numbers. */
export function layoutJourney(journey: Journey, view: View, options: LayoutOptions): Scene {
  const stages = options.stageIds ? journey.stages.filter((stage) => options.stageIds!.includes(stage.id)) : journey.stages;
  const columns: Column[] = [];
  for (const stage of stages) for (const step of stage.steps ?? []) columns.push({ step, stage, x: columnX(columns.length) });
  const personaIds = personaOrder(journey, options.catalog);
  const personaName = (id: string): string => options.catalog.personas.get(id)?.name ?? id;
  const contexts: ColumnContext[] = columns.map((column, index) => ({
    journey,
    catalog: options.catalog,
    step: column.step,
    stage: column.stage,
    previous: columns[index - 1]?.step,
    personas: personaIds,
  }));

  const series = emotionSeries(columns.map((column) => column.step), personaIds.map((id) => ({ id, name: personaName(id) })));
  const left = MEASURES.margin;
  const plotX = columnX(0);
  const plotWidth = columnsWidth(columns.length);
  // A map of one or two steps still gets room for its title and legend.
  const width = Math.max(plotX + plotWidth + MEASURES.margin, MIN_WIDTH);
  const inner = MEASURES.column - 2 * MEASURES.padding;
  const under: Mark[] = [];
  const marks: Mark[] = [];
  let y = MEASURES.margin;

  const header = pageHeader(
    journey,
    {
      view: view.name,
      personas: personaIds.map((id, index) => ({ name: personaName(id), styleIndex: index })),
      curves: view.rows.some((row) => row.kind === 'emotion'),
      stepCount: columns.length,
      stageCount: stages.length,
      emptyStages: stages.filter((stage) => !stage.steps?.length).map((stage) => stage.name),
      lintSummary: options.lintSummary,
    },
    left,
    y,
    width - 2 * MEASURES.margin,
  );
  marks.push({ kind: 'group', name: 'header', marks: withCell(header.marks, { x: left, y, width: width - 2 * MEASURES.margin, height: header.height }) });
  y += header.height + 16;

  // Stage band: each stage spans its steps.
  const stageBoxes = stages.map((stage) => {
    const first = columns.findIndex((column) => column.stage === stage);
    const count = stage.steps?.length ?? 0;
    return { stage, x: first >= 0 ? columns[first].x : plotX, width: columnsWidth(Math.max(count, 1)), empty: first < 0 };
  }).filter((box) => !box.empty);
  const stageHeight = Math.max(...stageBoxes.map((box) => stageBandContent(box.stage, options.catalog, 0, 0, box.width - 2 * MEASURES.padding).height), 0) + 2 * MEASURES.padding;
  marks.push(gutterTitle('Stages', left, y, stageHeight));
  for (const box of stageBoxes) {
    const content = stageBandContent(box.stage, options.catalog, box.x + MEASURES.padding, y + MEASURES.padding, box.width - 2 * MEASURES.padding);
    const band: Box = { x: box.x, y, width: box.width, height: stageHeight };
    marks.push({ kind: 'group', name: `stage:${box.stage.id}`, marks: [{ kind: 'rect', ...band, radius: 4, style: 'band' }, ...withCell(content.marks, band)] });
  }
  y += stageHeight + MEASURES.spacing;
  const columnsTop = y;

  // Step headers.
  const headerHeight = Math.max(...contexts.map((context) => stepHeaderContent(context.step, personaIds, 0, 0, inner).height), 16) + 2 * MEASURES.padding;
  marks.push(gutterTitle('Steps', left, y, headerHeight));
  for (const column of columns) {
    const box = { x: column.x, y, width: MEASURES.column, height: headerHeight };
    const content = stepHeaderContent(column.step, personaIds, column.x + MEASURES.padding, y + MEASURES.padding, inner);
    marks.push({ kind: 'group', name: `step:${column.step.id}`, marks: [{ kind: 'rect', ...box, radius: 4, style: 'head' }, ...evidenceBorder(column.step.evidence, box), ...withCell(content.marks, box)] });
  }
  y += headerHeight + MEASURES.spacing;

  const rows = view.rows.filter((row) => row.kind !== 'cells' || !view.dropEmptyLanes || columns.some((column) => row.hasContent(column.step)));
  for (const row of rows) {
    if (row.kind === 'line') {
      y += 4;
      marks.push(...blueprintLine(row, left, y + 8, plotX + plotWidth));
      y += 20;
      continue;
    }
    if (row.kind === 'emotion') {
      const block = emotionRows(series, columns, left, y, plotX, plotWidth);
      marks.push(...block.marks);
      y += block.height + MEASURES.spacing;
      continue;
    }
    const height = Math.max(MEASURES.minLane, ...contexts.map((context) => row.cell(context, 0, 0, inner).height + 2 * MEASURES.padding));
    const lane: Mark[] = [gutterTitle(row.title, left, y, height)];
    contexts.forEach((context, index) => {
      const x = columns[index].x;
      const content = row.cell(context, x + MEASURES.padding, y + MEASURES.padding, inner);
      const cell: Box = { x, y, width: MEASURES.column, height };
      lane.push({ kind: 'rect', ...cell, radius: 4, style: 'lane' }, ...withCell(content.marks, cell));
    });
    marks.push({ kind: 'group', name: `lane:${row.id}`, marks: lane });
    y += height + MEASURES.spacing;
  }
  const columnsBottom = y - MEASURES.spacing;

  // Moments of truth: the whole column is washed, through every lane, under the content.
  for (const column of columns) {
    if (column.step.momentOfTruth) under.push({ kind: 'rect', x: column.x - 3, y: columnsTop - 3, width: MEASURES.column + 6, height: columnsBottom - columnsTop + 6, radius: 6, style: 'moment' });
  }

  y += 10;
  const noScore = rows.some((row) => row.kind === 'emotion') && series.some((line) => line.values.includes('no-data'));
  const key = legend(legendNeeds(columns, rows, noScore), left, y, width - 2 * MEASURES.margin);
  marks.push(...withCell(key.marks, { x: left, y, width: width - 2 * MEASURES.margin, height: key.height }));
  y += key.height;

  // Whole pixels: a PNG is then exactly the SVG's size times the scale (resvg rounds a fractional size).
  const height = Math.ceil(y + MEASURES.margin);
  return {
    width,
    height,
    title: `${view.name}: ${journey.title}`,
    description: summarise(journey, view.name, columns.length, stages.length, personaIds.map(personaName)),
    marks: [...under, ...marks],
  };
}

/** A row's name in the left gutter, in as many lines as the row's height holds. */
function gutterTitle(title: string, x: number, y: number, height: number, width: number = MEASURES.gutter - 16): Mark {
  const lines = Math.max(1, Math.floor((height - MEASURES.padding) / lineMetrics({ size: FONT.small, weight: 'bold' }).lineHeight));
  const cell = { x, y, width, height };
  const block = textBlock(title, { x, y: y + MEASURES.padding, width, size: FONT.small, weight: 'bold', maxLines: lines, style: 'text', name: 'lane-name', cell });
  return { kind: 'group', name: `gutter:${title}`, marks: block.marks };
}

/** Sets the box (lane cell, band, header) every text among the marks must stay inside, for the layout tests. */
function withCell(marks: readonly Mark[], cell: Box): Mark[] {
  return marks.map((mark) => {
    if (mark.kind === 'group') return { ...mark, marks: withCell(mark.marks, cell) };
    if (mark.kind === 'text') return { ...mark, cell };
    return mark;
  });
}

/** One band for up to five personas; past that, a smaller band per persona, each named in the gutter. */
function emotionRows(series: readonly EmotionSeries[], columns: readonly Column[], left: number, y: number, plotX: number, plotWidth: number): Block {
  const centres = columns.map((column) => column.x + MEASURES.column / 2);
  const feelings = columns.map((column) => column.step.feeling);
  const marks: Mark[] = [];
  // The scale's numbers and faces sit at the gutter's right: the name keeps clear of them.
  const titleWidth = MEASURES.gutter - SCALE_WIDTH - 6;
  if (series.length <= OVERLAID_PERSONAS) {
    const box = { x: plotX, y, width: plotWidth, height: MEASURES.emotionHeight };
    marks.push(gutterTitle('Emotion', left, y, box.height, titleWidth), ...emotionBand(series, { box, centres, feelings, scale: true }));
    return { marks: [{ kind: 'group', name: 'lane:emotion', marks }], height: box.height };
  }
  const bandHeight = 84;
  let cursor = y;
  series.forEach((line, index) => {
    const box = { x: plotX, y: cursor, width: plotWidth, height: bandHeight };
    marks.push(gutterTitle(`Emotion: ${line.name}`, left, cursor, bandHeight, titleWidth), ...emotionBand([line], { box, centres, feelings: index === 0 ? feelings : undefined, scale: true }));
    cursor += bandHeight + MEASURES.spacing;
  });
  return { marks: [{ kind: 'group', name: 'lane:emotion', marks }], height: cursor - MEASURES.spacing - y };
}

/** A line of the blueprint across the whole width, labelled in the gutter (after NN/g). */
function blueprintLine(row: Extract<Row, { kind: 'line' }>, left: number, y: number, right: number): Mark[] {
  // The label sits in the gap above the line, from the lane above's bottom (y - 14) to the line's stroke.
  const cell = { x: left, y: y - 14, width: MEASURES.gutter + 160, height: 13 };
  const label = textBlock(row.title, { x: left, y: y - 15, width: MEASURES.gutter + 160, size: FONT.small, weight: 'bold', maxLines: 1, style: 'muted', cell });
  return [{ kind: 'group', name: `line:${row.id}`, marks: [{ kind: 'line', x1: left, y1: y, x2: right, y2: y, style: row.style, dash: row.dash }, ...label.marks] }];
}

function legendNeeds(columns: readonly Column[], rows: readonly Row[], noScore: boolean): LegendNeeds {
  const steps = columns.map((column) => column.step);
  const shows = (id: string): boolean => rows.some((row) => row.kind === 'cells' && row.id === id);
  return {
    evidence: steps.some((step) => step.evidence !== undefined),
    momentOfTruth: steps.some((step) => step.momentOfTruth),
    pains: shows('pains'),
    opportunities: shows('opportunities'),
    handoffs: (shows('touchpoints') || shows('frontstage')) && steps.some((step, index) => index > 0 && (step.touchpoints?.length ?? 0) > 0),
    noScore,
  };
}
