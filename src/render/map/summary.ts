import { stepEmotion } from '../../model/emotions.js';
import type { Journey } from '../../schema/journey.js';

/**
 * The picture in one paragraph, for `<desc>`: what a screen reader says, and
 * what a search finds, when the map itself cannot be seen.
 */
export function summarise(journey: Journey, view: string, steps: number, stages: number, personas: readonly string[]): string {
  const parts = [
    `${view} of "${journey.title}", ${journey.state === 'future' ? 'to-be (future state)' : 'as-is (current state)'}: ${steps} step${steps === 1 ? '' : 's'} in ${stages} stage${stages === 1 ? '' : 's'}`,
  ];
  if (personas.length > 0) parts.push(`for ${personas.join(', ')}`);
  const all = journey.stages.flatMap((stage) => stage.steps ?? []);
  const scored = all.map((step) => ({ step, score: stepEmotion(step) })).filter((entry): entry is { step: typeof entry.step; score: number } => entry.score !== undefined);
  const lowest = scored.reduce<(typeof scored)[number] | undefined>((low, entry) => (low === undefined || entry.score < low.score ? entry : low), undefined);
  const sentences = [`${parts.join(' ')}.`];
  if (lowest) sentences.push(`It feels worst at "${lowest.step.name}" (${Math.round(lowest.score * 10) / 10} on a scale from -2 to 2).`);
  const moments = all.filter((step) => step.momentOfTruth).map((step) => `"${step.name}"`);
  if (moments.length > 0) sentences.push(`Moments of truth: ${moments.join(', ')}.`);
  const pains = all.reduce((sum, step) => sum + (step.pains?.length ?? 0), 0);
  if (pains > 0) sentences.push(`${pains} pain${pains === 1 ? '' : 's'} and ${all.reduce((sum, step) => sum + (step.opportunities?.length ?? 0), 0)} opportunities are noted.`);
  return sentences.join(' ');
}
