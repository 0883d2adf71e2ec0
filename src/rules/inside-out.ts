import { defineRule } from '../lint/rule.js';
import { stageLabel } from '../model/labels.js';
import { hasItems, hasText } from '../model/presence.js';

export default defineRule({
  id: 'inside-out',
  description: "A stage whose steps describe backstage work with no customer action (internal processes, not the customer's view).",
  defaultSeverity: 'warn',
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      const steps = stage.steps ?? [];
      if (!steps.some((step) => hasItems(step.backstage)) || steps.some((step) => hasText(step.action))) return;
      report({
        path: ['stages', s, 'id'],
        message:
          `${stageLabel(stage)} describes backstage work but no step says what the customer does: ` +
          "add `action:` to the steps from the customer's point of view (what they do, see or wait for), and keep internal work under `backstage`",
      });
    });
  },
});
