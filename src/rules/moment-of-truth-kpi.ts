import { defineRule } from '../lint/rule.js';
import { hasStepOrStageKpi } from '../model/kpis.js';
import { stageName, stepLabel } from '../model/labels.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'moment-of-truth-kpi',
  description: 'A moment of truth with no KPI on its step or stage.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    forEachStep(journey, (step, path, stage) => {
      if (!step.momentOfTruth || hasStepOrStageKpi(step, stage)) return;
      report({
        path: [...path, 'momentOfTruth'],
        message:
          `${stepLabel(step)} is a moment of truth but neither it nor stage ${stageName(stage)} has a KPI: ` +
          'add `kpis:` to the step with the metric that shows whether this moment goes well',
      });
    });
  },
});
