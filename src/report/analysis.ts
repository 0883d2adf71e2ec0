/**
 * The numbers behind a report page: KPI status against the metric's
 * direction, "where it hurts" rankings, the channel by stage matrix, average
 * emotion and review age. Pure functions of a journey and its catalogue, so
 * pages and tests share one definition of each figure.
 */
import type { MetricDefinition } from '../schema/builtins.js';
import type { Journey, Kpi, Pain, Stage, Step } from '../schema/journey.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { stepChannels } from '../model/channels.js';
import { kpiShortfall } from '../model/kpis.js';
import { emotionScores, stepEmotion } from '../model/emotions.js';
import { DROPOFF_HOTSPOT, isDropoffHotspot } from '../model/dropoff.js';

type Severity = 'high' | 'medium' | 'low';

export interface StepPlace {
  stage: Stage;
  stageIndex: number;
  step: Step;
  /** Position of the step in file order across the journey: the tie-breaker of every ranking. */
  order: number;
}

export function stepPlaces(journey: Journey): StepPlace[] {
  const places: StepPlace[] = [];
  journey.stages.forEach((stage, stageIndex) => {
    for (const step of stage.steps ?? []) places.push({ stage, stageIndex, step, order: places.length });
  });
  return places;
}

// ---- KPIs ----

export type KpiState = 'on-target' | 'off-target' | 'no-target' | 'no-actual' | 'unknown-metric';

export interface KpiStatus {
  state: KpiState;
  /** off-target: how far the actual misses the target (always positive), in the metric's unit or, for a % metric, in points (see gapUnit). */
  gap?: number;
  /** off-target: the gap as a share of the metric's range (or of the target when the metric has no range), 0..1+. */
  relativeGap?: number;
  /** off-target: 'below' when higher is better, 'above' when lower is better. */
  side?: 'below' | 'above';
}

/** A KPI against its target, in the direction its metric counts as better. */
export function kpiStatus(kpi: Kpi, metric: Pick<MetricDefinition, 'direction' | 'range'> | undefined): KpiStatus {
  if (!metric) return { state: 'unknown-metric' };
  if (kpi.target === undefined) return { state: 'no-target' };
  if (kpi.actual === undefined) return { state: 'no-actual' };
  const shortfall = kpiShortfall(kpi, metric)!;
  if (shortfall === 0) return { state: 'on-target' };
  return { state: 'off-target', gap: shortfall, relativeGap: relativeGap(shortfall, kpi.target, metric.range), side: metric.direction === 'up' ? 'below' : 'above' };
}

/**
 * KPIs on different scales become comparable as a share of their range: NPS 12
 * against 30 (18 of 200) hurts less than CSAT 62 against 80 (18 of 100).
 * Without a range, the target is the scale (cycle time 16 days against 10 is
 * 60 % off); with a target of 0, any miss counts as fully off.
 */
function relativeGap(shortfall: number, target: number, range: readonly [number, number] | undefined): number {
  const span = range ? Math.abs(range[1] - range[0]) : Math.abs(target);
  return span > 0 ? shortfall / span : 1;
}

export interface KpiPlace {
  kpi: Kpi;
  metric?: MetricDefinition;
  stage: Stage;
  /** Set for a step's KPI. */
  step?: Step;
  status: KpiStatus;
}

export function journeyKpis(journey: Journey, catalog: ResolvedCatalog): KpiPlace[] {
  const places: KpiPlace[] = [];
  const add = (kpi: Kpi, stage: Stage, step?: Step): void => {
    const metric = catalog.metrics.get(kpi.metric);
    places.push({ kpi, metric, stage, step, status: kpiStatus(kpi, metric) });
  };
  for (const stage of journey.stages) {
    for (const kpi of stage.kpis ?? []) add(kpi, stage);
    for (const step of stage.steps ?? []) for (const kpi of step.kpis ?? []) add(kpi, stage, step);
  }
  return places;
}

/** Off-target KPIs, furthest from their target (relative to their range) first. */
export function rankKpisOffTarget(kpis: readonly KpiPlace[]): KpiPlace[] {
  return stableSort(
    kpis.filter((place) => place.status.state === 'off-target'),
    (a, b) => b.status.relativeGap! - a.status.relativeGap!,
  );
}

// ---- pains, dropoff, emotion ----

interface PainPlace extends StepPlace {
  text: string;
  severity?: Severity;
  evidence?: string;
}

const SEVERITY_RANK: Record<Severity | 'none', number> = { high: 0, medium: 1, low: 2, none: 3 };

export function painOf(pain: Pain): { text: string; severity?: Severity; evidence?: string } {
  return typeof pain === 'string' ? { text: pain } : pain;
}

/**
 * Every pain, high severity first, then medium, low and unrated; within a
 * severity, the pain at the step that feels worst first, then file order.
 */
export function rankPains(journey: Journey): PainPlace[] {
  const pains: PainPlace[] = [];
  for (const place of stepPlaces(journey)) for (const pain of place.step.pains ?? []) pains.push({ ...place, ...painOf(pain) });
  return stableSort(
    pains,
    (a, b) => SEVERITY_RANK[a.severity ?? 'none'] - SEVERITY_RANK[b.severity ?? 'none'] || (stepEmotion(a.step) ?? 0) - (stepEmotion(b.step) ?? 0),
  );
}

interface DropoffPlace extends StepPlace {
  dropoff: number;
}

/**
 * Dropoff hotspots, the largest share first: steps that lose `threshold` % of
 * customers or more, the same steps the dropoff-hotspot rule checks with that
 * threshold (pass the rule's configured one).
 */
export function rankDropoffHotspots(journey: Journey, threshold = DROPOFF_HOTSPOT): DropoffPlace[] {
  const places = stepPlaces(journey)
    .filter((place) => isDropoffHotspot(place.step, threshold))
    .map((place) => ({ ...place, dropoff: place.step.dropoff! }));
  return stableSort(places, (a, b) => b.dropoff - a.dropoff);
}

interface EmotionPlace extends StepPlace {
  emotion: number;
}

/** Steps that feel bad (emotion below 0), the worst first; moments of truth first among equals. */
export function lowestEmotions(journey: Journey): EmotionPlace[] {
  const places = stepPlaces(journey)
    .map((place) => ({ ...place, emotion: stepEmotion(place.step) }))
    .filter((place): place is EmotionPlace => place.emotion !== undefined && place.emotion < 0);
  return stableSort(places, (a, b) => a.emotion - b.emotion || Number(Boolean(b.step.momentOfTruth)) - Number(Boolean(a.step.momentOfTruth)));
}

/** Mean emotion of the steps that have one, or undefined when none has. */
export function averageEmotion(journey: Journey): number | undefined {
  const emotions = stepPlaces(journey).flatMap((place) => emotionScores(place.step));
  if (emotions.length === 0) return undefined;
  return emotions.reduce((sum, emotion) => sum + emotion, 0) / emotions.length;
}

// ---- channels ----

interface ChannelStageMatrix {
  /** Channel ids in order of first use along the journey. */
  channels: string[];
  stages: Stage[];
  /** counts[c][s]: steps of stage s that happen on channel c. */
  counts: number[][];
}

/** Which channels each stage uses, counted in steps; stages with no steps still get a column. */
export function channelStageMatrix(journey: Journey): ChannelStageMatrix {
  const channels: string[] = [];
  const rows = new Map<string, number[]>();
  journey.stages.forEach((stage, stageIndex) => {
    for (const step of stage.steps ?? []) {
      for (const channel of stepChannels(step)) {
        let row = rows.get(channel);
        if (!row) {
          row = journey.stages.map(() => 0);
          rows.set(channel, row);
          channels.push(channel);
        }
        row[stageIndex]++;
      }
    }
  });
  return { channels, stages: journey.stages, counts: channels.map((channel) => rows.get(channel)!) };
}

/** Channels a journey uses, with the number of steps on each, in order of first use. */
export function channelUse(journey: Journey): Map<string, number> {
  const matrix = channelStageMatrix(journey);
  return new Map(matrix.channels.map((channel, i) => [channel, matrix.counts[i].reduce((sum, count) => sum + count, 0)]));
}

// ---- dates ----

const DAY_MS = 86_400_000;

/** Whole days from a YYYY-MM-DD review date to "today" (UTC days, as the stale-review rule counts). */
export function reviewAgeDays(reviewed: string | undefined, now: Date): number | undefined {
  if (!reviewed) return undefined;
  const then = Date.parse(`${reviewed}T00:00:00Z`);
  if (Number.isNaN(then)) return undefined;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - then) / DAY_MS);
}

function stableSort<T>(items: readonly T[], compare: (a: T, b: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compare(a.item, b.item) || a.index - b.index)
    .map(({ item }) => item);
}
