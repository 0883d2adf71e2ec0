import { kpiShortfall } from '../../../model/kpis.js';
import type { MetricDefinition } from '../../../schema/builtins.js';
import type { Kpi } from '../../../schema/journey.js';
import { textBlock, type Block } from '../cells.js';
import { BUDGET, FONT, MEASURES } from '../measures.js';
import type { Mark } from '../scene.js';
import { lineMetrics, measureText } from '../text/measure.js';
import type { CellLane } from './lane.js';
import { changeLabel, kpiTrend } from '../../../data/trend.js';

const BAR = 7;
/** The trend sparkline beside the caption: wide enough for six periods to read as a shape. */
const SPARK_WIDTH = 30;

// One formatter for every number: constructing an Intl.NumberFormat costs more than drawing a cell.
const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A number as people read it: 1,234.5 and a real minus sign. */
function formatNumber(value: number): string {
  return NUMBER.format(value).replace('-', '\u2212');
}

function withUnit(value: number, metric: MetricDefinition | undefined): string {
  const unit = metric?.unit;
  if (!unit || unit === 'currency') return formatNumber(value);
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** The scale of a bullet chart: the metric's range, or zero to a little past the largest value. */
function scaleOf(kpi: Kpi, metric: MetricDefinition | undefined): [number, number] {
  if (metric?.range) return metric.range;
  const values = [kpi.actual, kpi.target].filter((value): value is number => value !== undefined);
  const low = Math.min(0, ...values);
  const high = Math.max(...values.map((value) => Math.abs(value) * 1.25), 1);
  return [low, high];
}

/**
 * One KPI as a bullet chart: the bar is the actual, the tick the target; the
 * bar is green on target and orange off it, in the metric's direction, and the
 * bar's end against the tick says the same without colour.
 */
function kpiBullet(kpi: Kpi, metric: MetricDefinition | undefined, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  const label = metric?.name ?? kpi.metric;
  const value = kpi.actual === undefined ? 'no data' : withUnit(kpi.actual, metric);
  const figures = kpi.target === undefined ? value : `${value} / ${withUnit(kpi.target, metric)}`;
  const figuresWidth = Math.min(measureText(figures, { size: FONT.small, weight: 'bold' }), width);
  const line = lineMetrics({ size: FONT.small });
  // Name and figures share a line when the name keeps a readable share of it; otherwise figures go below.
  const shared = width - figuresWidth - 6 >= Math.min(70, measureText(label, { size: FONT.small }));
  const labelWidth = shared ? width - figuresWidth - 6 : width;
  marks.push(...textBlock(label, { x, y, width: labelWidth, size: FONT.small, maxLines: 1, style: 'muted', name: 'kpi' }).marks);
  let cursor = shared ? y : y + line.lineHeight;
  marks.push(...textBlock(figures, { x: x + width - figuresWidth, y: cursor, width: figuresWidth, size: FONT.small, weight: 'bold', maxLines: 1 }).marks);
  cursor += line.lineHeight + 2;

  const [low, high] = scaleOf(kpi, metric);
  const position = (v: number): number => x + (Math.min(high, Math.max(low, v)) - low) / (high - low || 1) * width;
  marks.push({ kind: 'rect', x, y: cursor, width, height: BAR, style: 'kpi-track', radius: 1.5 });
  if (kpi.actual !== undefined) {
    const shortfall = kpiShortfall(kpi, metric);
    const style = shortfall === undefined ? 'kpi-none' : shortfall > 0 ? 'kpi-bad' : 'kpi-good';
    const end = position(kpi.actual);
    const start = position(Math.max(low, 0));
    marks.push({ kind: 'rect', x: Math.min(start, end), y: cursor, width: Math.max(1.5, Math.abs(end - start)), height: BAR, style, radius: 1.5 });
  }
  if (kpi.target !== undefined) {
    const tick = position(kpi.target);
    marks.push({ kind: 'line', x1: tick, y1: cursor - 3, x2: tick, y2: cursor + BAR + 3, style: 'kpi-target' });
  }
  cursor += BAR + 4;
  // From KPI data: the last periods as a sparkline and the last change as an arrow (up or down, not colour).
  const trend = kpiTrend(kpi);
  if (kpi.measured || kpi.source || trend) {
    const caption = [trend && changeLabel(trend.change, (v) => withUnit(v, metric)), kpi.measured, kpi.source].filter(Boolean).join(' · ');
    const indent = trend ? SPARK_WIDTH + 4 : 0;
    if (trend) marks.push({ kind: 'path', d: sparklinePath(trend.values, x, cursor + 2, SPARK_WIDTH, line.lineHeight - 5), style: 'kpi-trend' });
    const block = textBlock(caption, { x: x + indent, y: cursor, width: width - indent, size: FONT.small, maxLines: 1, style: 'muted', name: 'kpi:source' });
    marks.push(...block.marks);
    cursor += block.height;
  }
  const history = trend && `trend: ${trend.values.map(formatNumber).join(' → ')} (${trend.periods[0]} to ${trend.periods.at(-1)})`;
  const title = [`${label}: ${figures}`, kpi.measured && `measured ${kpi.measured}`, kpi.source && `source: ${kpi.source}`, history, kpi.note].filter(Boolean).join('\n');
  return { marks: [{ kind: 'group', name: `kpi:${kpi.metric}`, title, marks }], height: cursor - y };
}

/** A polyline through the values, lowest at the bottom of the box; a flat series is a line through its middle. */
function sparklinePath(values: readonly number[], x: number, y: number, width: number, height: number): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = width / (values.length - 1);
  const round = (n: number) => Math.round(n * 100) / 100;
  return values.map((value, i) => `${i === 0 ? 'M' : 'L'}${round(x + i * step)} ${round(high === low ? y + height / 2 : y + height - ((value - low) / (high - low)) * height)}`).join(' ');
}

/** Several KPIs stacked, with "+N more" past the budget. */
export function kpiStack(kpis: readonly Kpi[], metrics: ReadonlyMap<string, MetricDefinition>, x: number, y: number, width: number): Block {
  const marks: Mark[] = [];
  let cursor = y;
  const shown = kpis.length > BUDGET.kpis ? BUDGET.kpis - 1 : kpis.length;
  for (const kpi of kpis.slice(0, shown)) {
    const block = kpiBullet(kpi, metrics.get(kpi.metric), x, cursor, width);
    marks.push(...block.marks);
    cursor += block.height + MEASURES.spacing + 2;
  }
  const hidden = kpis.slice(shown);
  if (hidden.length > 0) {
    const more = textBlock(`+${hidden.length} more`, { x, y: cursor, width, size: FONT.small, maxLines: 1, style: 'muted' });
    marks.push({ kind: 'group', name: 'kpis:more', title: hidden.map((kpi) => kpi.metric).join(', '), marks: more.marks });
    cursor += more.height + MEASURES.spacing + 2;
  }
  return { marks, height: Math.max(0, cursor - y - MEASURES.spacing - 2) };
}

export const kpisLane: CellLane = {
  kind: 'cells',
  id: 'kpis',
  title: 'KPIs',
  hasContent: (step) => (step.kpis?.length ?? 0) > 0,
  cell: (column, x, y, width) => kpiStack(column.step.kpis ?? [], column.catalog.metrics, x, y, width),
};
