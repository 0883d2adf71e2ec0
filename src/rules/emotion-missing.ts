import { z } from 'zod';
import { defineRule } from '../lint/rule.js';
import { stepLabel } from '../model/labels.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'emotion-missing',
  description: 'A step with no emotion score.',
  defaultSeverity: 'warn',
  options: z.object({}),
  check(journey, { report }) {
    forEachStep(journey, (step, path) => {
      if (step.emotion !== undefined) return;
      report({
        path: [...path, 'id'],
        message: `${stepLabel(step)} has no emotion score: add \`emotion:\` from -2 (very bad) to 2 (very good) with how the customer feels here`,
      });
    });
  },
});
