import { defineRule } from '../lint/rule.js';
import { stageLabel } from '../model/labels.js';
import { hasItems } from '../model/presence.js';

export default defineRule({
  id: 'pain-without-opportunity',
  description: 'A stage with pains and no opportunity.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      const steps = stage.steps ?? [];
      const pains = steps.reduce((count, step) => count + (step.pains?.length ?? 0), 0);
      if (pains === 0 || steps.some((step) => hasItems(step.opportunities))) return;
      report({
        path: ['stages', s, 'id'],
        message:
          `${stageLabel(stage)} has ${pains === 1 ? '1 pain' : `${pains} pains`} and no opportunity: ` +
          'add `opportunities:` to the step where the team could relieve the pain',
      });
    });
  },
});
