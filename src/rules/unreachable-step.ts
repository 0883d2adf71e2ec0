import { defineRule } from '../lint/rule.js';
import { flowGraph, reachableSteps } from '../model/graph.js';
import { stageName, stepLabel, stepName } from '../model/labels.js';

export default defineRule({
  id: 'unreachable-step',
  description: 'A step that no path from the first step reaches.',
  defaultSeverity: 'error',
  check(journey, { report }) {
    const graph = flowGraph(journey);
    if (graph.steps.length === 0) return;
    const reached = reachableSteps(graph);
    const first = graph.steps[0].step;
    graph.steps.forEach((ref, index) => {
      // A second step with the same id is validation's duplicate-id finding; `next` can never name it apart from the first.
      if (reached[index] || graph.indexById.get(ref.step.id) !== index) return;
      report({
        path: [...ref.path, 'id'],
        message:
          `${stepLabel(ref.step)} in stage ${stageName(ref.stage)} cannot be reached from the first step ${stepName(first)}: ` +
          `add \`${ref.step.id}\` to the \`next\` of the step that leads to it, or remove the step`,
      });
    });
  },
});
