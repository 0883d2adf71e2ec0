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
  dropoffHotspot?: number;
}

/** A step's column: what its lanes may know (ColumnContext), and where it is. */
interface Column extends ColumnContext {
  x: number;
}

/** What every part of the layout shares: the columns, the personas, and the plot's extent. */
interface Frame {
  journey: Journey;
  view: View;
  options: LayoutOptions;
  stages: readonly Stage[];
  columns: readonly Column[];
  personaIds: readonly string[];
  personaName: (id: string) => string;
  left: number;
  plotX: number;
  plotWidth: number;
  width: number;
}

const MIN_WIDTH = 640;
/** The width of a cell's content. */
const INNER = MEASURES.column - 2 * MEASURES.padding;

/**
 * Lays out a journey as a view: a pure function from the journey to a scene of
 * numbers. Top to bottom: the header, the stage band, the step headers, the
 * view's rows, the key; moments of truth are washed under all of it.
 */
export function layoutJourney(journey: Journey, view: View, options: LayoutOptions): Scene {
  const frame = frameOf(journey, view, options);
  const series = emotionSeries(frame.columns.map((column) => column.step), frame.personaIds.map((id) => ({ id, name: frame.personaName(id) })));
  const marks: Mark[] = [];
  let y = MEASURES.margin;
  const place = (block: Block, gap: number): void => {
    marks.push(...block.marks);
    y += block.height + gap;
  };
  place(headerRow(frame, y), 16);
  place(stageRow(frame, y), MEASURES.spacing);
  const columnsTop = y;
  place(stepHeaderRow(frame, y), MEASURES.spacing);
  const rows = frame.view.rows.filter((row) => row.kind !== 'cells' || !view.dropEmptyLanes || frame.columns.some((column) => row.hasContent(column.step)));
  for (const row of rows) place(rowBlock(frame, row, series, y), row.kind === 'line' ? 0 : MEASURES.spacing);
  const columnsBottom = y - MEASURES.spacing;
  y += 10;
  const noScore = rows.some((row) => row.kind === 'emotion') && series.some((line) => line.values.includes('no-data'));
  place(keyRow(frame, rows, noScore, y), 0);
  return {
    width: frame.width,
    // Whole pixels: a PNG is then exactly the SVG's size times the scale (resvg rounds a fractional size).
    height: Math.ceil(y + MEASURES.margin),
    title: `${view.name}: ${journey.title}`,
    description: summarise(journey, view.name, frame.columns.length, frame.stages.length, frame.personaIds.map(frame.personaName)),
    marks: [...momentWashes(frame.columns, columnsTop, columnsBottom), ...marks],
  };
}

function frameOf(journey: Journey, view: View, options: LayoutOptions): Frame {
  const stages = options.stageIds ? journey.stages.filter((stage) => options.stageIds!.includes(stage.id)) : journey.stages;
  const personaIds = personaOrder(journey, options.catalog);
  const columns: Column[] = [];
  for (const stage of stages) {
    for (const step of stage.steps ?? []) {
      columns.push({ journey, catalog: options.catalog, step, stage, previous: columns[columns.length - 1]?.step, personas: personaIds, x: columnX(columns.length) });
    }
  }
  const plotX = columnX(0);
  const plotWidth = columnsWidth(columns.length);
  return {
    journey,
    view,
    options,
    stages,
    columns,
    personaIds,
    personaName: (id) => options.catalog.personas.get(id)?.name ?? id,
    left: MEASURES.margin,
    plotX,
    plotWidth,
    // A map of one or two steps still gets room for its title and legend.
    width: Math.max(plotX + plotWidth + MEASURES.margin, MIN_WIDTH),
  };
}

function headerRow(frame: Frame, y: number): Block {
  const { journey, view, stages, columns, personaIds, left } = frame;
  const width = frame.width - 2 * MEASURES.margin;
  const header = pageHeader(
    journey,
    {
      view: view.name,
      personas: personaIds.map((id, index) => ({ name: frame.personaName(id), styleIndex: index })),
      curves: view.rows.some((row) => row.kind === 'emotion'),
      stepCount: columns.length,
      stageCount: stages.length,
      emptyStages: stages.filter((stage) => !stage.steps?.length).map((stage) => stage.name),
      lintSummary: frame.options.lintSummary,
    },
    left,
    y,
    width,
  );
  return { marks: [{ kind: 'group', name: 'header', marks: withCell(header.marks, { x: left, y, width, height: header.height }) }], height: header.height };
}

/** The stage band: each stage over the steps it spans. */
function stageRow(frame: Frame, y: number): Block {
  const { columns, options } = frame;
  const boxes = frame.stages.flatMap((stage) => {
    const first = columns.find((column) => column.stage === stage);
    return first ? [{ stage, x: first.x, width: columnsWidth(stage.steps?.length ?? 0) }] : [];
  });
  const contentWidth = (box: { width: number }) => box.width - 2 * MEASURES.padding;
  const height = Math.max(...boxes.map((box) => stageBandContent(box.stage, options.catalog, 0, 0, contentWidth(box)).height), 0) + 2 * MEASURES.padding;
  const marks: Mark[] = [gutterTitle('Stages', frame.left, y, height)];
  for (const box of boxes) {
    const content = stageBandContent(box.stage, options.catalog, box.x + MEASURES.padding, y + MEASURES.padding, contentWidth(box));
    const band: Box = { x: box.x, y, width: box.width, height };
    marks.push({ kind: 'group', name: `stage:${box.stage.id}`, marks: [{ kind: 'rect', ...band, radius: 4, style: 'band' }, ...withCell(content.marks, band)] });
  }
  return { marks, height };
}

function stepHeaderRow(frame: Frame, y: number): Block {
  const { columns, personaIds } = frame;
  const hotspot = frame.options.dropoffHotspot;
  const height = Math.max(...columns.map((column) => stepHeaderContent(column.step, personaIds, hotspot, 0, 0, INNER).height), 16) + 2 * MEASURES.padding;
  const marks: Mark[] = [gutterTitle('Steps', frame.left, y, height)];
  for (const column of columns) {
    const box = { x: column.x, y, width: MEASURES.column, height };
    const content = stepHeaderContent(column.step, personaIds, hotspot, column.x + MEASURES.padding, y + MEASURES.padding, INNER);
    marks.push({ kind: 'group', name: `step:${column.step.id}`, marks: [{ kind: 'rect', ...box, radius: 4, style: 'head' }, ...evidenceBorder(column.step.evidence, box), ...withCell(content.marks, box)] });
  }
  return { marks, height };
}

function rowBlock(frame: Frame, row: Row, series: readonly EmotionSeries[], y: number): Block {
  if (row.kind === 'line') return { marks: blueprintLine(row, frame.left, y + 12, frame.plotX + frame.plotWidth), height: 24 };
  if (row.kind === 'emotion') return emotionRows(series, frame.columns, frame.left, y, frame.plotX, frame.plotWidth);
  return cellLaneRow(frame, row, y);
}

/** A lane with a cell per step, as high as its fullest cell. */
function cellLaneRow(frame: Frame, row: CellLane, y: number): Block {
  const { columns } = frame;
  const height = Math.max(MEASURES.minLane, ...columns.map((column) => row.cell(column, 0, 0, INNER).height + 2 * MEASURES.padding));
  const lane: Mark[] = [gutterTitle(row.title, frame.left, y, height)];
  for (const column of columns) {
    const content = row.cell(column, column.x + MEASURES.padding, y + MEASURES.padding, INNER);
    const cell: Box = { x: column.x, y, width: MEASURES.column, height };
    lane.push({ kind: 'rect', ...cell, radius: 4, style: 'lane' }, ...withCell(content.marks, cell));
  }
  return { marks: [{ kind: 'group', name: `lane:${row.id}`, marks: lane }], height };
}

/** Moments of truth: the whole column is washed, through every lane, under the content. */
function momentWashes(columns: readonly Column[], top: number, bottom: number): Mark[] {
  return columns
    .filter((column) => column.step.momentOfTruth)
    .map((column) => ({ kind: 'rect' as const, x: column.x - 3, y: top - 3, width: MEASURES.column + 6, height: bottom - top + 6, radius: 6, style: 'moment' }));
}

function keyRow(frame: Frame, rows: readonly Row[], noScore: boolean, y: number): Block {
  const width = frame.width - 2 * MEASURES.margin;
  const key = legend(legendNeeds(frame.columns, rows, noScore), frame.left, y, width);
  return { marks: withCell(key.marks, { x: frame.left, y, width, height: key.height }), height: key.height };
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
