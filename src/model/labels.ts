import type { Journey, Stage, Step } from '../schema/journey.js';

/**
 * Names as lint messages and reports show them: the human name and the id, so
 * a reader recognises the stage and can also search for it in the file.
 */
export function stageLabel(stage: Pick<Stage, 'id' | 'name'>): string {
  return `Stage ${stageName(stage)}`;
}

export function stepLabel(step: Pick<Step, 'id' | 'name'>): string {
  return `Step ${stepName(step)}`;
}

/** `"Report the claim" (report)`: for use inside a sentence ("in stage ..."). */
export function stageName(stage: Pick<Stage, 'id' | 'name'>): string {
  return `"${stage.name}" (${stage.id})`;
}

export function stepName(step: Pick<Step, 'id' | 'name'>): string {
  return `"${step.name}" (${step.id})`;
}

export function journeyLabel(journey: Pick<Journey, 'id' | 'title'>): string {
  return `Journey "${journey.title}" (${journey.id})`;
}
