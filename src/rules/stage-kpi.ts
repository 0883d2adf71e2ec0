import { defineRule } from '../lint/rule.js';
import { stageLabel } from '../model/labels.js';
import { hasItems } from '../model/presence.js';

export default defineRule({
  id: 'stage-kpi',
  description: 'A stage with no KPI.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      if (hasItems(stage.kpis)) return;
      report({
        path: stage.kpis ? ['stages', s, 'kpis'] : ['stages', s, 'id'],
        message: `${stageLabel(stage)} has no KPI: add \`kpis:\` with the metric that tells whether this stage works for customers (e.g. \`- { metric: csat, target: 80 }\`)`,
      });
    });
  },
});
