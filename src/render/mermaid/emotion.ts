import type { Journey, Step } from '../../schema/journey.js';
import { personaEmotion, personaOrder, stepEmotion, takesStep } from '../../model/emotions.js';
import { listSteps } from '../../model/walk.js';
import { personaStyle } from '../persona-style.js';
import { escapeMermaidText } from './escape.js';
import { NO_EMOTION_MARK, namesFor, stepLabel, titleLabel, type GeneratorOptions } from './labels.js';

interface EmotionSeries {
  /** Persona name, or undefined for the single line of a journey whose steps all have the same personas. */
  name?: string;
  values: number[];
  /** The persona's colour in every picture (personaStyle), when the line is a persona's. */
  color?: string;
}

interface EmotionChart {
  title: string;
  /** One per step, unique (xychart puts equal labels on the same spot). */
  labels: string[];
  series: EmotionSeries[];
}

/**
 * The emotional curve as data, before escaping.
 *
 * - Mermaid's xychart cannot leave a gap, so it draws only what was measured
 *   on every step: one line per persona who takes every step (in personaOrder,
 *   coloured as in the map), else one line of the step's score (the mean of
 *   the personas' scores where they differ). Personas who skip steps are left
 *   to the journey map, which shows their gaps.
 * - A step without a score keeps the line where it was (the previous value;
 *   0, neutral, before the first score) and its label gets " (no emotion)".
 *   Dropping to 0 would draw a dip nobody measured.
 * - Repeated step names get " (2)", " (3)"... so each step has its own x position.
 */
function emotionChart(journey: Journey, options: GeneratorOptions = {}): EmotionChart {
  const names = namesFor(journey, options.catalog);
  const steps = listSteps(journey).map((ref) => ref.step);
  const title = titleLabel(journey);
  if (steps.length === 0) return { title, labels: ['no steps'], series: [{ values: [0] }] };
  const labels = uniqueLabels(steps.map((step) => (stepEmotion(step) === undefined ? `${stepLabel(step)}${NO_EMOTION_MARK}` : stepLabel(step))));
  const order = personaOrder(journey, options.catalog);
  const everywhere = order.filter((id) => steps.every((step) => takesStep(step, id)));
  const perPersona = everywhere.length > 1 && steps.some((step) => typeof step.emotion === 'object');
  if (!perPersona) return { title, labels, series: [{ values: heldValues(steps, stepEmotion) }] };
  const series = everywhere.map((id) => ({
    name: titleLabel({ id, name: names.persona(id) }),
    values: heldValues(steps, (step) => personaEmotion(step, id)),
    color: personaStyle(order.indexOf(id)).color,
  }));
  return { title, labels, series };
}

function heldValues(steps: readonly Step[], scoreAt: (step: Step) => number | undefined): number[] {
  let current = 0;
  return steps.map((step) => {
    const score = scoreAt(step);
    if (score !== undefined && Number.isFinite(score)) current = Math.round(Math.min(2, Math.max(-2, score)) * 100) / 100;
    return current;
  });
}

function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  const nextSuffix = new Map<string, number>(); // keeps 10,000 equal names linear
  return labels.map((label) => {
    let candidate = label;
    let n = nextSuffix.get(label) ?? 2;
    while (seen.has(candidate)) candidate = `${label} (${n++})`;
    nextSuffix.set(label, n);
    seen.add(candidate);
    return candidate;
  });
}

const MIN_WIDTH = 700; // Mermaid's default
const MAX_WIDTH = 2400;
const WIDTH_PER_STEP = 50;

function chartWidth(steps: number): number {
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, steps * WIDTH_PER_STEP + 250));
}

/** The personas' colours, so a persona has the same colour here as in the journey map. */
function palette(chart: EmotionChart): string {
  const colors = chart.series.map((series) => series.color);
  if (colors.some((color) => color === undefined)) return '';
  return `, "themeVariables": {"xyChart": {"plotColorPalette": "${colors.join(', ')}"}}`;
}

/** Mermaid `xychart-beta` line chart of the emotional curve, y from -2 to 2. */
export function renderEmotionDiagram(journey: Journey, options: GeneratorOptions = {}): string {
  const chart = emotionChart(journey, options);
  const quote = (text: string): string => `"${escapeMermaidText(text)}"`;
  const lines = [
    // Step names side by side overlap after a few steps: widen with the step
    // count (capped: 10,000 steps are unreadable at any width) and slant them.
    // A directive, not front matter: front matter must be the very first line,
    // and `cjm render` puts a `%% <file> <diagram>` comment before each diagram.
    `%%{init: {"xyChart": {"width": ${chartWidth(chart.labels.length)}, "xAxis": {"labelRotation": -45}}${palette(chart)}}}%%`,
    'xychart-beta',
    `  title ${quote(chart.title)}`,
    `  x-axis [${chart.labels.map(quote).join(', ')}]`,
    '  y-axis "Emotion" -2 --> 2',
  ];
  for (const series of chart.series) {
    const name = series.name === undefined ? '' : `${quote(series.name)} `;
    lines.push(`  line ${name}[${series.values.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
