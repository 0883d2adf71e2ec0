import { defineRule } from '../lint/rule.js';
import { stepChannels } from '../model/channels.js';
import { flowGraph, isLoopBack, predecessorsOf } from '../model/graph.js';
import { stepLabel, stepName } from '../model/labels.js';
import { hasText } from '../model/presence.js';

export default defineRule({
  id: 'channel-handoff',
  description: 'Consecutive steps on different channels where the later step has no handoff.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    const graph = flowGraph(journey);
    const channels = graph.steps.map((ref) => stepChannels(ref.step));
    const predecessors = predecessorsOf(graph);
    graph.steps.forEach((ref, later) => {
      if (hasText(ref.step.handoff) || channels[later].length === 0) return;
      const laterChannels = new Set(channels[later]);
      // Steps without channels are step-channel's finding. A loop back (the loyalty loop, a retry) returns the
      // customer to a step whose handoff, if any, is about the way in: it asks for none.
      const switches = predecessors[later].filter(
        (earlier) => !isLoopBack(earlier, later) && channels[earlier].length > 0 && !channels[earlier].some((channel) => laterChannels.has(channel)),
      );
      if (switches.length === 0) return;
      const first = graph.steps[switches[0]].step;
      const others = switches.length > 1 ? ` (and ${switches.length - 1} other step${switches.length > 2 ? 's' : ''})` : '';
      report({
        path: [...ref.path, 'id'],
        message:
          `${stepLabel(ref.step)} moves the customer from ${channels[switches[0]].join(', ')} after step ${stepName(first)}${others} ` +
          `to ${channels[later].join(', ')} with no handoff: add \`handoff:\` saying how what the customer already said or did follows them`,
      });
    });
  },
});
