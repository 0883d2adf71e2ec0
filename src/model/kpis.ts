import type { Journey, Kpi, Stage, Step } from '../schema/journey.js';
import type { DataPath } from '../findings.js';
import type { MetricDefinition } from '../schema/builtins.js';
import { stageName, stepName } from './labels.js';

/**
 * Visits every KPI of a journey, stage KPIs first within each stage and then
 * its steps' KPIs, with the KPI's data path and a label of what it measures
 * (`stage "Report" (report)` or `step "Pays" (pay)`).
 */
export function forEachKpi(journey: Journey, visit: (kpi: Kpi, path: DataPath, owner: string) => void): void {
  journey.stages.forEach((stage, s) => {
    stage.kpis?.forEach((kpi, k) => visit(kpi, ['stages', s, 'kpis', k], `stage ${stageName(stage)}`));
    stage.steps?.forEach((step, i) => step.kpis?.forEach((kpi, k) => visit(kpi, ['stages', s, 'steps', i, 'kpis', k], `step ${stepName(step)}`)));
  });
}

/** How far the actual falls short of the target in the metric's direction; 0 when on target, undefined when unknown. */
export function kpiShortfall(kpi: Kpi, metric: Pick<MetricDefinition, 'direction'> | undefined): number | undefined {
  if (kpi.target === undefined || kpi.actual === undefined || !metric) return undefined;
  const gap = metric.direction === 'up' ? kpi.target - kpi.actual : kpi.actual - kpi.target;
  // Binary floating point: 6.3 - 5.6 is 0.7000000000000002; KPI values carry a few decimals at most.
  return Math.max(0, Math.round(gap * 1e6) / 1e6);
}

/**
 * The unit a gap between two values of a metric is counted in. The difference
 * of two percentages is in percentage points, not percent: an actual of 18 %
 * against a target of 25 % is 7 points below (7 % below 25 % would be 23.25 %).
 * Currency amounts and unitless metrics have no unit to show.
 */
export function gapUnit(gap: number, unit: string | undefined): string | undefined {
  if (unit === '%') return gap === 1 ? 'point' : 'points';
  return !unit || unit === 'currency' ? undefined : unit;
}

/** True when the step or its stage carries at least one KPI. */
export function hasStepOrStageKpi(step: Pick<Step, 'kpis'>, stage: Pick<Stage, 'kpis'>): boolean {
  return Boolean(step.kpis?.length || stage.kpis?.length);
}
