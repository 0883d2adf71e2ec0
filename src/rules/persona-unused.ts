import { defineRule } from '../lint/rule.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'persona-unused',
  description: 'A persona the journey declares that no step involves.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    if (!journey.personas?.length) return;
    const involved = new Set<string>();
    forEachStep(journey, (step) => step.personas?.forEach((persona) => involved.add(persona)));
    journey.personas.forEach((persona, p) => {
      if (involved.has(persona.id)) return;
      report({
        path: ['personas', p, 'id'],
        message:
          `Persona "${persona.name}" (${persona.id}) is declared but no step involves it: ` +
          'add its id to the `personas` of the steps this person takes, or remove the persona from this journey',
      });
    });
  },
});
