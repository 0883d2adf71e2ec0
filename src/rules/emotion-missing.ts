import { defineRule } from '../lint/rule.js';
import { personaOrder } from '../model/emotions.js';
import { stepLabel } from '../model/labels.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'emotion-missing',
  description: 'A step with no emotion score, or with scores per persona that leave out a persona who takes the step.',
  defaultSeverity: 'warn',
  check(journey, { report, catalog }) {
    let everyone: string[] | undefined;
    forEachStep(journey, (step, path) => {
      if (step.emotion === undefined) {
        report({
          path: [...path, 'id'],
          message: `${stepLabel(step)} has no emotion score: add \`emotion:\` from -2 (very bad) to 2 (very good) with how the customer feels here`,
        });
        return;
      }
      if (typeof step.emotion === 'number') return;
      // Scores per persona: every persona on the step needs one, or the map shows a "no data" mark there.
      const takers = step.personas?.length ? step.personas : (everyone ??= personaOrder(journey, catalog));
      const missing = takers.filter((persona) => !(persona in (step.emotion as Record<string, number>)));
      if (missing.length === 0) return;
      report({
        path: [...path, 'emotion'],
        message: `${stepLabel(step)} has no emotion score for ${missing.map((id) => `\`${id}\``).join(', ')}, who ${missing.length === 1 ? 'takes' : 'take'} this step: add ${missing.map((id) => `\`${id}: <score>\``).join(', ')} to \`emotion\``,
      });
    });
  },
});
