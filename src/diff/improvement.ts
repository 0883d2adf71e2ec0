import type { Journey } from '../schema/journey.js';
import { forEachStep } from '../model/walk.js';
import { normalize, painText, trendOf } from './values.js';
import type { NumberDelta, PlannedImprovement, StageDiff } from './types.js';
import { emotionScores } from '../model/emotions.js';

/**
 * The headline of an as-is versus to-be comparison: how the whole journey feels
 * and leaks before and after, and how KPI targets move. Per-step detail stays in
 * the stage diffs.
 */
export function plannedImprovement(asIs: Journey, toBe: Journey, stages: readonly StageDiff[]): PlannedImprovement {
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
    pains: {
      from: before.pains.length,
      to: after.pains.length,
      resolved: before.pains.filter((pain) => !after.painSet.has(pain)).length,
      added: after.pains.filter((pain) => !before.painSet.has(pain)).length,
    },
    dropoff,
    kpiTargets: kpiTargetTally(stages),
  };
}

function journeyFigures(journey: Journey) {
  const emotions: number[] = [];
  const pains: string[] = [];
  let dropoff = 0;
  forEachStep(journey, (step) => {
    emotions.push(...emotionScores(step));
    for (const pain of step.pains ?? []) pains.push(normalize(painText(pain)));
    dropoff += step.dropoff ?? 0;
  });
  const emotion = emotions.length ? round(emotions.reduce((sum, value) => sum + value, 0) / emotions.length) : undefined;
  return { emotion, pains, painSet: new Set(pains), dropoff: round(dropoff) };
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
