import { z } from 'zod';
import { defineRule } from '../lint/rule.js';
import { forEachKpi, kpiShortfall } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-off-target',
  description: "A KPI whose actual misses its target, in the metric's direction.",
  defaultSeverity: 'info',
  options: z.object({}),
  check(journey, { report, catalog }) {
    forEachKpi(journey, (kpi, path, owner) => {
      const metric = catalog.metrics.get(kpi.metric);
      const shortfall = kpiShortfall(kpi, metric);
      if (!shortfall || !metric) return;
      const unit = metric.unit && metric.unit !== 'currency' ? ` ${metric.unit}` : '';
      const better = metric.direction === 'up' ? 'higher is better' : 'lower is better';
      report({
        path: [...path, 'actual'],
        message:
          `KPI \`${kpi.metric}\` of ${owner} misses its target: actual ${kpi.actual}, target ${kpi.target} (${better}), ` +
          `${round(shortfall)}${unit} short: add an opportunity that closes the gap, or revisit the target`,
      });
    });
  },
});

/** Floating-point gaps such as 6.3 - 5.6 print as 0.7, not 0.7000000000000002. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
