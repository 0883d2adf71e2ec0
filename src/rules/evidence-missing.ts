import { defineRule } from '../lint/rule.js';
import { stepLabel, stepName } from '../model/labels.js';
import { forEachStep } from '../model/walk.js';

const LEVELS = 'observed, reported, inferred or assumed';

export default defineRule({
  id: 'evidence-missing',
  description: 'A step or pain with no evidence level.',
  defaultSeverity: 'off',
  check(journey, { report }) {
    forEachStep(journey, (step, path) => {
      if (!step.evidence) {
        report({
          path: [...path, 'id'],
          message: `${stepLabel(step)} has no evidence level: add \`evidence:\` (${LEVELS}) saying how the team knows this step happens this way`,
        });
      }
      step.pains?.forEach((pain, p) => {
        // A plain-text pain shares its step's evidence; a pain written out as an object is a claim of its own.
        if (typeof pain === 'string' || pain.evidence) return;
        report({
          path: [...path, 'pains', p],
          message: `Pain "${pain.text}" of step ${stepName(step)} has no evidence level: add \`evidence:\` (${LEVELS}) to the pain`,
        });
      });
    });
  },
});
