import { defineRule } from '../lint/rule.js';

export default defineRule({
  id: 'kpi-data-unmatched',
  description: 'A row of a KPI data source that matches no KPI of any journey (reported in the data file).',
  defaultSeverity: 'error',
  check(_journey, { report, data }) {
    for (const { series, reason, at } of data?.unmatched ?? []) {
      report({ path: ['id'], at, message: `${series.metric} data matches no KPI: ${reason}` });
    }
  },
});
