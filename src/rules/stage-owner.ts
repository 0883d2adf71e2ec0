import { defineRule } from '../lint/rule.js';
import { stageLabel } from '../model/labels.js';
import { hasText } from '../model/presence.js';

export default defineRule({
  id: 'stage-owner',
  description: 'A stage with no owner: no one is accountable for that part of the experience.',
  defaultSeverity: 'error',
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      if (hasText(stage.owner)) return;
      report({
        path: ['stages', s, 'id'],
        message: `${stageLabel(stage)} has no owner: add \`owner:\` with the team accountable for this part of the experience`,
      });
    });
  },
});
