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
      const better = metric.direction === 'up' ? 'higher is better' : 'lower is better';
      const side = metric.direction === 'up' ? 'below' : 'above';
      report({
        path: [...path, 'actual'],
        message:
          `KPI \`${kpi.metric}\` of ${owner} is off target: actual ${kpi.actual}, target ${kpi.target}, ` +
          `${withUnit(round(shortfall), metric.unit)} ${side} (${better}): add an opportunity that closes the gap, or revisit the target`,
      });
    });
  },
});

/** `8%`, `2.5 days`; currency amounts stay bare because the unit says nothing about which currency. */
function withUnit(value: number, unit: string | undefined): string {
  if (!unit || unit === 'currency') return String(value);
  return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

/** Floating-point gaps such as 6.3 - 5.6 print as 0.7, not 0.7000000000000002. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
