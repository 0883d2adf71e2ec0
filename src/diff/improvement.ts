import type { Journey } from '../schema/journey.js';
import { forEachStep } from '../model/walk.js';
import { emotionScores } from '../model/emotions.js';
import { trendOf } from './values.js';
import type { DiffCounts, NumberDelta, PlannedImprovement, StageDiff } from './types.js';

/**
 * The headline of an as-is versus to-be comparison: how the whole journey feels
 * and leaks before and after, and how KPI targets move. Per-step detail stays in
 * the stage diffs.
 */
export function plannedImprovement(asIs: Journey, toBe: Journey, stages: readonly StageDiff[], counts: Pick<DiffCounts, 'painsResolved' | 'painsAdded'>): PlannedImprovement {
  const before = journeyFigures(asIs);
  const after = journeyFigures(toBe);
  const emotion: NumberDelta = {};
  if (before.emotion !== undefined) emotion.from = before.emotion;
  if (after.emotion !== undefined) emotion.to = after.emotion;
  const emotionTrend = trendOf(before.emotion, after.emotion, 'up');
  if (emotionTrend) emotion.trend = emotionTrend;
  const dropoff: NumberDelta = { from: before.dropoff, to: after.dropoff };
  const dropoffTrend = trendOf(before.dropoff, after.dropoff, 'down');
  if (dropoffTrend) dropoff.trend = dropoffTrend;
  return {
    emotion,
    pains: { from: before.pains, to: after.pains, resolved: counts.painsResolved, added: counts.painsAdded },
    dropoff,
    kpiTargets: kpiTargetTally(stages),
  };
}

function journeyFigures(journey: Journey) {
  const emotions: number[] = [];
  let pains = 0;
  let dropoff = 0;
  forEachStep(journey, (step) => {
    emotions.push(...emotionScores(step));
    pains += step.pains?.length ?? 0;
    dropoff += step.dropoff ?? 0;
  });
  const emotion = emotions.length ? round(emotions.reduce((sum, value) => sum + value, 0) / emotions.length) : undefined;
  return { emotion, pains, dropoff: round(dropoff) };
}

/** Targets that moved, better or worse, on KPIs both sides have. */
function kpiTargetTally(stages: readonly StageDiff[]): PlannedImprovement['kpiTargets'] {
  const tally = { better: 0, worse: 0 };
  const changes = stages.flatMap((stage) => [...stage.changes, ...stage.steps.flatMap((step) => step.changes)]);
  for (const change of changes) {
    if (change.kind !== 'kpi' || change.action !== 'changed' || !change.target?.trend) continue;
    tally[change.target.trend]++;
  }
  return tally;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
