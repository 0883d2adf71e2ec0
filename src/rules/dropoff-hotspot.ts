import { defineRule } from '../lint/rule.js';
import { DROPOFF_HOTSPOT, isDropoffHotspot } from '../model/dropoff.js';
import { stepLabel } from '../model/labels.js';
import { hasItems } from '../model/presence.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'dropoff-hotspot',
  description: `A step whose dropoff is at or above \`threshold\` (default ${DROPOFF_HOTSPOT}) with no opportunity.`,
  defaultSeverity: 'warn',
  options: {
    defaults: { threshold: DROPOFF_HOTSPOT },
    schema: (z) => z.object({ threshold: z.number().min(0).max(100).describe('Dropoff in % from which a step is a hotspot (the report lists the same steps).') }),
  },
  check(journey, { report, options }) {
    forEachStep(journey, (step, path) => {
      if (!isDropoffHotspot(step, options.threshold) || hasItems(step.opportunities)) return;
      report({
        path: [...path, 'dropoff'],
        message:
          `${stepLabel(step)} loses ${step.dropoff}% of customers (threshold ${options.threshold}%) and has no opportunity: ` +
          'add `opportunities:` with how the team could keep them',
      });
    });
  },
});
