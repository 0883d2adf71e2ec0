import type { ResolvedCatalog } from '../load/catalog.js';
import type { Journey, Step } from '../schema/journey.js';

/**
 * A step's emotion is one score for everyone on it, or a score per persona.
 * These helpers read both forms, so rules, diagrams, the report and diff agree
 * on what a step "feels".
 */

/** Whether a persona takes the step: a step that lists no personas is taken by everyone. */
export function takesStep(step: Pick<Step, 'personas'>, personaId: string): boolean {
  return !step.personas?.length || step.personas.includes(personaId);
}

/** The persona's score at the step; undefined when it has none there (or does not take the step). */
export function personaEmotion(step: Pick<Step, 'personas' | 'emotion'>, personaId: string): number | undefined {
  if (!takesStep(step, personaId) || step.emotion === undefined) return undefined;
  return typeof step.emotion === 'number' ? step.emotion : step.emotion[personaId];
}

/** Every score given at the step (one for a single score). */
export function emotionScores(step: Pick<Step, 'emotion'>): number[] {
  if (step.emotion === undefined) return [];
  return typeof step.emotion === 'number' ? [step.emotion] : Object.values(step.emotion);
}

/**
 * One number for the step, for views with one value per step (the Mermaid
 * journey, report tables, diff): the single score, or the mean of the
 * personas' scores; undefined when there is none.
 */
export function stepEmotion(step: Pick<Step, 'emotion'>): number | undefined {
  const scores = emotionScores(step);
  if (scores.length === 0) return undefined;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/**
 * The personas of a journey in the order every picture assigns their colour,
 * marker and dash: the journey's own `personas`, then catalogue personas the
 * journey refers to, in catalogue order. Stable, so a persona looks the same in
 * the map, the blueprint, the Mermaid charts and the report.
 */
export function personaOrder(journey: Journey, catalog?: ResolvedCatalog): string[] {
  const order = (journey.personas ?? []).map((persona) => persona.id);
  const referenced = new Set<string>();
  for (const stage of journey.stages) {
    for (const step of stage.steps ?? []) {
      for (const id of step.personas ?? []) referenced.add(id);
      if (step.emotion !== undefined && typeof step.emotion !== 'number') for (const id of Object.keys(step.emotion)) referenced.add(id);
    }
  }
  const known = new Set(order);
  const fromCatalog = catalog ? [...catalog.personas.keys()] : [];
  for (const id of fromCatalog) if (referenced.has(id) && !known.has(id)) order.push(id), known.add(id);
  for (const id of referenced) if (!known.has(id)) order.push(id), known.add(id);
  return order;
}
