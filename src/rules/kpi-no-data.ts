import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-no-data',
  description: 'A KPI with a target and no actual, from the journey file or any data source.',
  defaultSeverity: 'off',
  check(journey, { report }) {
    forEachKpi(journey, (kpi, path, owner) => {
      if (kpi.target === undefined || kpi.actual !== undefined) return;
      report({
        path,
        message: `KPI \`${kpi.metric}\` of ${owner} has a target (${kpi.target}) but no value: feed it from a data source in cjm.config.yaml (docs/data.md), or write \`actual\` and \`measured\``,
      });
    });
  },
});
