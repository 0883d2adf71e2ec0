import { defineRule } from '../lint/rule.js';
import { stageLabel } from '../model/labels.js';

export default defineRule({
  id: 'stage-empty',
  description: 'A stage with no steps.',
  defaultSeverity: 'error',
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      if (stage.steps && stage.steps.length > 0) return;
      report({
        path: stage.steps ? ['stages', s, 'steps'] : ['stages', s, 'id'],
        message: `${stageLabel(stage)} has no steps: add the steps the customer takes in it under \`steps:\`, or remove the stage`,
      });
    });
  },
});
