import type { Finding } from '../findings.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import type { Journey, Kpi } from '../schema/journey.js';
import { closestMatch } from '../util/suggest.js';
import type { KpiData } from './index.js';
import type { DataPosition, KpiPoint, KpiSeries } from './load.js';

/**
 * Matches a workspace's KPI series to one journey's KPIs, by stage or step id
 * and metric id, and gives the journey with each fed KPI's `actual`,
 * `measured` and `source` from the data: what validate, lint, render, report
 * and diff see. The journey as written is left untouched.
 */

/** What the data says about one KPI. */
export interface KpiFeed {
  series: KpiSeries;
  /** The points within the metric's range, oldest first; the last one is the KPI's actual. */
  points: KpiPoint[];
  /** The KPI as written in the journey file, before the data replaced its values. */
  written: Kpi;
}

/** Series that name this journey but none of its KPIs: a typo in the data, or a KPI not declared yet. */
export interface UnmatchedSeries {
  series: KpiSeries;
  /** Why, with a did-you-mean when a close id exists. */
  reason: string;
  at: DataPosition;
}

export interface JourneyData {
  unmatched: UnmatchedSeries[];
  /** Data values a fed KPI cannot take (outside its metric's range), at their file:line:col. */
  findings: Finding[];
}

/**
 * A merged KPI carries its feed on itself: rules, the map and the report get
 * KPIs, not paths, and the feed must survive a structured clone (a journey
 * that crossed to or from a worker thread, or was copied). The key is not in
 * the format, so nothing writes it to a journey file.
 */
interface FedKpi extends Kpi {
  dataFeed?: KpiFeed;
}

/** The data behind a KPI of a journey that went through applyKpiData, if any. */
export function kpiFeed(kpi: Kpi): KpiFeed | undefined {
  return (kpi as FedKpi).dataFeed;
}

/** Series by journey id, built once per run and reused for every journey. */
const INDEXES = new WeakMap<KpiData, Map<string, KpiSeries[]>>();

function seriesByJourney(data: KpiData): Map<string, KpiSeries[]> {
  let index = INDEXES.get(data);
  if (!index) {
    index = new Map();
    for (const series of data.series) index.set(series.journey, [...(index.get(series.journey) ?? []), series]);
    INDEXES.set(data, index);
  }
  return index;
}

export function applyKpiData(journey: Journey, data: KpiData, catalog: ResolvedCatalog): { journey: Journey; data: JourneyData } {
  const result: JourneyData = { unmatched: [], findings: [] };
  const feeds = new Map<Kpi, KpiSeries>();
  for (const series of seriesByJourney(data).get(journey.id) ?? []) {
    const found = findKpi(journey, series);
    if ('reason' in found) result.unmatched.push({ series, ...found });
    else if (!feeds.has(found.kpi)) feeds.set(found.kpi, series);
  }
  if (feeds.size === 0) return { journey, data: result };

  const merge = (kpi: Kpi): Kpi => {
    const series = feeds.get(kpi);
    if (!series) return kpi;
    const range = catalog.metrics.get(kpi.metric)?.range;
    const points = series.points.filter((point) => {
      if (!range || (point.value >= range[0] && point.value <= range[1])) return true;
      result.findings.push(outOfRange(point, kpi.metric, range));
      return false;
    });
    const latest = points.at(-1);
    if (!latest) return kpi;
    const merged: FedKpi = { ...kpi, actual: latest.value, measured: latest.measured, source: sourceText(series, latest), dataFeed: { series, points, written: kpi } };
    return merged;
  };
  const merged: Journey = {
    ...journey,
    stages: journey.stages.map((stage) => ({
      ...stage,
      ...(stage.kpis ? { kpis: stage.kpis.map(merge) } : {}),
      ...(stage.steps ? { steps: stage.steps.map((step) => (step.kpis ? { ...step, kpis: step.kpis.map(merge) } : step)) } : {}),
    })),
  };
  return { journey: merged, data: result };
}

/**
 * Where a value comes from, as a KPI's `source` says it: the file and row of a
 * measurement, or the file, period and number of answers of an aggregate.
 */
export function sourceText(series: KpiSeries, point: KpiPoint): string {
  if (point.responses === undefined) return `${series.file}:${point.at.line}`;
  const counted = series.aggregate === 'share' || series.aggregate === 'count' ? 'row' : 'answer';
  return `${series.file}: ${series.aggregate} of ${point.responses} ${counted}${point.responses === 1 ? '' : 's'} in ${point.period}`;
}

/** Series naming a journey the workspace does not have, with a did-you-mean among its journey ids. */
export function seriesOfUnknownJourneys(data: KpiData, journeyIds: ReadonlySet<string>): UnmatchedSeries[] {
  const unmatched: UnmatchedSeries[] = [];
  for (const [journey, list] of seriesByJourney(data)) {
    if (journeyIds.has(journey)) continue;
    const reason = `no journey ${journey} in the workspace${didYouMean(journey, [...journeyIds])}: fix the journey id in the data`;
    // One finding per journey id: every row with the same typo has the same cause.
    unmatched.push({ series: list[0], reason, at: list[0].first.journey ?? list[0].first.row! });
  }
  return unmatched;
}

function findKpi(journey: Journey, series: KpiSeries): { kpi: Kpi } | { reason: string; at: DataPosition } {
  const stages = journey.stages;
  const first = series.first;
  const fallback = first.row!;
  let kpis: readonly Kpi[] | undefined;
  let owner: string;
  if (series.step !== undefined) {
    const stage = stages.find((candidate) => candidate.steps?.some((step) => step.id === series.step));
    if (!stage) {
      const ids = stages.flatMap((candidate) => (candidate.steps ?? []).map((step) => step.id));
      return { reason: `journey ${journey.id} has no step ${series.step}${didYouMean(series.step, ids)}`, at: first.step ?? fallback };
    }
    if (series.stage !== undefined && series.stage !== stage.id) {
      return { reason: `step ${series.step} of journey ${journey.id} is in stage ${stage.id}, not ${series.stage}`, at: first.stage ?? fallback };
    }
    kpis = stage.steps!.find((step) => step.id === series.step)!.kpis;
    owner = `step ${series.step}`;
  } else {
    const stage = stages.find((candidate) => candidate.id === series.stage);
    if (!stage) return { reason: `journey ${journey.id} has no stage ${series.stage}${didYouMean(series.stage!, stages.map((candidate) => candidate.id))}`, at: first.stage ?? fallback };
    kpis = stage.kpis;
    owner = `stage ${series.stage}`;
  }
  const kpi = kpis?.find((candidate) => candidate.metric === series.metric);
  if (kpi) return { kpi };
  const metrics = (kpis ?? []).map((candidate) => candidate.metric);
  const known = metrics.length > 0 ? ` (its KPIs: ${metrics.join(', ')})` : '';
  return {
    reason: `${owner} of journey ${journey.id} has no KPI ${series.metric}${didYouMean(series.metric, metrics) || known}: fix the id, or declare the KPI (with its target) in the journey`,
    at: first.metric ?? fallback,
  };
}

function didYouMean(id: string, candidates: readonly string[]): string {
  const suggestion = closestMatch(id, candidates);
  return suggestion ? ` (did you mean ${suggestion}?)` : '';
}

function outOfRange(point: KpiPoint, metric: string, range: [number, number]): Finding {
  const { file, line, column } = point.at;
  return {
    file,
    line,
    column,
    endLine: line,
    endColumn: column,
    ruleId: 'data-value',
    severity: 'error',
    message: `${metric} ${point.value} for ${point.period} is outside the metric's range ${range[0]}..${range[1]}: the value is left out (a percentage written as 0.62 instead of 62?)`,
  };
}
