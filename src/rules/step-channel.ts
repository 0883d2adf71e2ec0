import { defineRule } from '../lint/rule.js';
import { forEachStep } from '../model/walk.js';
import { stepLabel } from '../model/labels.js';

export default defineRule({
  id: 'step-channel',
  description: 'A step with no touchpoint, or a touchpoint with no channel.',
  defaultSeverity: 'error',
  check(journey, { report }) {
    forEachStep(journey, (step, path) => {
      if (!step.touchpoints) {
        report({
          path: [...path, 'id'],
          message: `${stepLabel(step)} has no touchpoint: add \`touchpoints:\` with the channel where it happens (e.g. \`- { channel: web }\`)`,
        });
        return;
      }
      if (step.touchpoints.length === 0) {
        report({
          path: [...path, 'touchpoints'],
          message: `${stepLabel(step)} has an empty \`touchpoints\` list: add the channel where it happens (e.g. \`- { channel: web }\`)`,
        });
        return;
      }
      step.touchpoints.forEach((touchpoint, t) => {
        if (touchpoint.channel) return;
        report({
          path: [...path, 'touchpoints', t],
          message: `Touchpoint ${t + 1} of ${stepLabel(step)} has no channel: add \`channel:\` (a built-in such as web, app, phone, store, or one declared in \`channels\`)`,
        });
      });
    });
  },
});
