import type { Change, DiffCounts, DiffReport, JourneyDiff, StageDiff } from './types.js';

export function emptyCounts(): DiffCounts {
  return {
    stagesAdded: 0,
    stagesRemoved: 0,
    stepsAdded: 0,
    stepsRemoved: 0,
    stepsMoved: 0,
    stepsChanged: 0,
    emotionBetter: 0,
    emotionWorse: 0,
    kpiBetter: 0,
    kpiWorse: 0,
    painsAdded: 0,
    painsResolved: 0,
    changes: 0,
  };
}

/** Tallies a journey's changes for summary lines and --exit-code. */
export function countChanges(journey: readonly Change[], stages: readonly StageDiff[]): DiffCounts {
  const counts = emptyCounts();
  tallyChanges(counts, journey);
  for (const stage of stages) {
    if (stage.status === 'added') counts.stagesAdded++;
    if (stage.status === 'removed') counts.stagesRemoved++;
    if (stage.status !== 'kept') counts.changes++;
    tallyChanges(counts, stage.changes);
    for (const step of stage.steps) {
      if (step.status === 'added') counts.stepsAdded++;
      if (step.status === 'removed') counts.stepsRemoved++;
      if (step.status === 'kept' && step.changes.length > 0) counts.stepsChanged++;
      if (step.changes.some((change) => change.kind === 'moved')) counts.stepsMoved++;
      // An added or removed step is one change; the pains it brings or takes still count as pains.
      if (step.status !== 'kept') counts.changes++;
      tallyChanges(counts, step.changes, step.status === 'kept');
    }
  }
  return counts;
}

function tallyChanges(counts: DiffCounts, changes: readonly Change[], eachIsAChange = true): void {
  for (const change of changes) {
    if (eachIsAChange) counts.changes++;
    if (change.kind === 'emotion' && change.trend) counts[change.trend === 'better' ? 'emotionBetter' : 'emotionWorse']++;
    if (change.kind === 'pain') counts[change.action === 'added' ? 'painsAdded' : 'painsResolved']++;
    if (change.kind === 'kpi') {
      for (const delta of [change.target, change.actual]) if (delta?.trend) counts[delta.trend === 'better' ? 'kpiBetter' : 'kpiWorse']++;
    }
  }
}

/** Totals over every file of a run. */
export function reportCounts(files: readonly JourneyDiff[]): DiffReport['counts'] {
  const total = { ...emptyCounts(), filesChanged: 0, filesAdded: 0, filesDeleted: 0 };
  for (const file of files) {
    if (file.status === 'added') total.filesAdded++;
    else if (file.status === 'deleted') total.filesDeleted++;
    else if (file.status !== 'unchanged') total.filesChanged++;
    // An added or deleted file counts once, as a file: its stages and steps are not "added" to the run.
    if (file.status === 'added' || file.status === 'deleted') continue;
    for (const key of Object.keys(file.counts) as (keyof DiffCounts)[]) total[key] += file.counts[key];
  }
  return total;
}

/** True when the report holds any difference (for --exit-code). */
export function hasDifferences(report: Pick<DiffReport, 'files'>): boolean {
  return report.files.some((file) => file.status !== 'unchanged');
}
