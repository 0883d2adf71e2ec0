import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-target',
  description: 'A KPI with no target.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    forEachKpi(journey, (kpi, path, owner) => {
      if (kpi.target !== undefined) return;
      const actual = kpi.actual !== undefined ? ` (the last actual is ${kpi.actual})` : '';
      report({
        path,
        message: `KPI \`${kpi.metric}\` of ${owner} has no target${actual}: add \`target:\` with the value the team aims for, so the gap can be tracked`,
      });
    });
  },
});
