import { defineRule } from '../lint/rule.js';
import { forEachKpi, gapUnit, kpiShortfall } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-off-target',
  description: "A KPI whose actual misses its target, in the metric's direction.",
  defaultSeverity: 'info',
  check(journey, { report, catalog }) {
    forEachKpi(journey, (kpi, path, owner) => {
      const metric = catalog.metrics.get(kpi.metric);
      const shortfall = kpiShortfall(kpi, metric);
      if (!shortfall || !metric) return;
      const better = metric.direction === 'up' ? 'higher is better' : 'lower is better';
      const side = metric.direction === 'up' ? 'below' : 'above';
      report({
        path: [...path, 'actual'],
        message:
          `KPI \`${kpi.metric}\` of ${owner} is off target: actual ${kpi.actual}, target ${kpi.target}, ` +
          `${withUnit(shortfall, gapUnit(shortfall, metric.unit))} ${side} (${better}): add an opportunity that closes the gap, or revisit the target`,
      });
    });
  },
});

/** `7 points`, `2.5 days`, or the bare number for a metric without a unit. */
function withUnit(value: number, unit: string | undefined): string {
  return unit ? `${value} ${unit}` : String(value);
}
