import { defineRule } from '../lint/rule.js';
import { stepChannels } from '../model/channels.js';
import { stepLabel } from '../model/labels.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'persona-channel',
  description: 'A step on a channel none of its personas prefer.',
  defaultSeverity: 'info',
  check(journey, { report, catalog }) {
    forEachStep(journey, (step, path) => {
      const channels = stepChannels(step);
      if (channels.length === 0 || !step.personas?.length) return;
      // Personas with no stated preference (or unknown ids, which validation reports) say nothing about channels.
      const personas = step.personas.map((id) => catalog.personas.get(id)).filter((persona) => persona?.channels?.length);
      if (personas.length === 0) return;
      const preferred = new Set(personas.flatMap((persona) => persona!.channels!));
      if (channels.some((channel) => preferred.has(channel))) return;
      const names = personas.map((persona) => persona!.id).join(', ');
      report({
        path: [...path, 'touchpoints'],
        target: 'key',
        message:
          `${stepLabel(step)} happens on ${channels.join(', ')}, which ${personas.length === 1 ? 'its persona' : 'none of its personas'} (${names}) ` +
          `${personas.length === 1 ? 'does not prefer' : 'prefer'}: offer it on one of ${[...preferred].join(', ')}, or update the persona's \`channels\``,
      });
    });
  },
});
