import type { Journey, Step } from '../../schema/journey.js';
import { escapeJourneyText, escapeMermaidText } from './escape.js';
import { NO_EMOTION_MARK, namesFor, stepLabel, titleLabel, type GeneratorOptions, type Names } from './labels.js';
import { stepEmotion } from '../../model/emotions.js';

/**
 * Mermaid user-journey diagram: one section per stage, one task per step.
 * Score: emotion -2..2 mapped to Mermaid's 1..5 (values outside are clamped,
 * since Mermaid draws them off the chart); a step without an emotion gets the
 * neutral 3 and " (no emotion)" after its name. Actors: the step's persona names.
 */
export function renderJourneyDiagram(journey: Journey, options: GeneratorOptions = {}): string {
  const names = namesFor(journey, options.catalog);
  const lines = ['journey', `  title ${escapeJourneyText(titleLabel(journey))}`];
  for (const stage of journey.stages) {
    lines.push(`  section ${escapeJourneyText(titleLabel(stage))}`);
    for (const step of stage.steps ?? []) lines.push(`    ${taskLine(step, names)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The task as drawn (before escaping): its name, marked when it has no emotion. */
function journeyTaskLabel(step: Pick<Step, 'id' | 'name' | 'emotion'>): string {
  return step.emotion === undefined ? `${stepLabel(step)}${NO_EMOTION_MARK}` : stepLabel(step);
}

/** Emotion -2..2 to Mermaid's score 1..5; missing or not a number: 3. */
function journeyScore(emotion: number | undefined): number {
  if (emotion === undefined || !Number.isFinite(emotion)) return 3;
  return Math.min(5, Math.max(1, Math.round(emotion) + 3));
}

function taskLine(step: Step, names: Names): string {
  const task = `${escapeJourneyText(journeyTaskLabel(step))}: ${journeyScore(stepEmotion(step))}`;
  const actors = journeyActors(step, names).map((actor) => escapeMermaidText(actor, 'actor'));
  return actors.length > 0 ? `${task}: ${actors.join(', ')}` : task;
}

/** Persona names of a step, folded, without duplicates (Mermaid merges equal names anyway). */
function journeyActors(step: Pick<Step, 'personas'>, names: Names): string[] {
  const actors: string[] = [];
  for (const id of step.personas ?? []) {
    const name = titleLabel({ id, name: names.persona(id) });
    if (!actors.includes(name)) actors.push(name);
  }
  return actors;
}
