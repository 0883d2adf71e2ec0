import type { Journey, Stage, Step } from '../schema/journey.js';
import type { DataPath } from '../findings.js';

/** Visits every step in file order with its stage and data path (stages[s].steps[i]). */
export function forEachStep(journey: Journey, visit: (step: Step, path: DataPath, stage: Stage, stageIndex: number) => void): void {
  journey.stages.forEach((stage, s) => stage.steps?.forEach((step, i) => visit(step, ['stages', s, 'steps', i], stage, s)));
}

export interface StepRef {
  step: Step;
  stage: Stage;
  stageIndex: number;
  path: DataPath;
}

/** Every step in file order, with its stage and path. */
export function listSteps(journey: Journey): StepRef[] {
  const steps: StepRef[] = [];
  forEachStep(journey, (step, path, stage, stageIndex) => steps.push({ step, stage, stageIndex, path }));
  return steps;
}

/**
 * Where the customer goes after each step: its `next` ids, or by default the
 * following step in file order (across stage boundaries); `next: []` ends the journey.
 */
export function successorsOf(steps: readonly StepRef[], index: number): string[] {
  const { step } = steps[index];
  if (step.next) return step.next.map((transition) => (typeof transition === 'string' ? transition : transition.to));
  const following = steps[index + 1];
  return following ? [following.step.id] : [];
}
