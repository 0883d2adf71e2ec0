import { defineRule } from '../lint/rule.js';
import { stageName, stepLabel } from '../model/labels.js';
import { hasText } from '../model/presence.js';
import { forEachStep } from '../model/walk.js';

export default defineRule({
  id: 'dead-end',
  description: 'A step with `next: []` that is not in the last stage and has no dropoff or note.',
  defaultSeverity: 'warn',
  check(journey, { report }) {
    const lastStage = lastStageWithSteps(journey.stages);
    forEachStep(journey, (step, path, stage, stageIndex) => {
      if (!step.next || step.next.length > 0 || stageIndex >= lastStage) return;
      if (step.dropoff !== undefined || hasText(step.note)) return;
      report({
        path: [...path, 'next'],
        message:
          `${stepLabel(step)} ends the journey in stage ${stageName(stage)}, before the last stage: ` +
          'add `dropoff:` with the share of customers lost here, a `note:` saying why the journey ends, or `next:` with where customers go',
      });
    });
  },
});

/** The end of the journey is its last stage that has steps: an empty last stage is stage-empty's finding, not a reason to flag every ending. */
function lastStageWithSteps(stages: readonly { steps?: readonly unknown[] }[]): number {
  for (let s = stages.length - 1; s >= 0; s--) if (stages[s].steps?.length) return s;
  return -1;
}
