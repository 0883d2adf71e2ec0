import type { Journey, Step } from '../../schema/journey.js';
import { listSteps } from '../../model/walk.js';
import { escapeMermaidText } from './escape.js';
import { NO_EMOTION_MARK, namesFor, stepLabel, titleLabel, type GeneratorOptions } from './labels.js';

interface EmotionSeries {
  /** Persona name, or undefined for the single line of a journey whose steps all have the same personas. */
  name?: string;
  values: number[];
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
 * - A step without an emotion keeps the line where it was (the previous
 *   value; 0, neutral, before the first emotion) and its label gets
 *   " (no emotion)". Dropping to 0 would draw a dip nobody measured.
 * - When steps name different personas, there is one line per persona, in
 *   order of first appearance. A step with no `personas` counts for every
 *   persona. Mermaid's xychart needs every line to have a value at every step,
 *   so at a step a persona does not take, its line holds its last value (0
 *   before its first step): flat segments mean "not involved here".
 * - Repeated step names get " (2)", " (3)"... so each step has its own x position.
 */
function emotionChart(journey: Journey, options: GeneratorOptions = {}): EmotionChart {
  const names = namesFor(journey, options.catalog);
  const steps = listSteps(journey).map((ref) => ref.step);
  const title = titleLabel(journey);
  if (steps.length === 0) return { title, labels: ['no steps'], series: [{ values: [0] }] };
  const labels = uniqueLabels(steps.map((step) => (step.emotion === undefined ? `${stepLabel(step)}${NO_EMOTION_MARK}` : stepLabel(step))));
  const personas = distinctPersonas(steps);
  if (personas === undefined) return { title, labels, series: [{ values: heldValues(steps, () => true) }] };
  const series = personas.map((id) => ({
    name: titleLabel({ id, name: names.persona(id) }),
    values: heldValues(steps, (step) => !step.personas?.length || step.personas.includes(id)),
  }));
  return { title, labels, series };
}

/**
 * The persona ids when steps differ in their personas, else undefined (one line).
 * Steps without personas do not count as a difference.
 */
function distinctPersonas(steps: readonly Step[]): string[] | undefined {
  const ids: string[] = [];
  let first: string | undefined;
  let differ = false;
  for (const step of steps) {
    if (!step.personas?.length) continue;
    const key = [...step.personas].sort().join(',');
    if (first === undefined) first = key;
    else if (key !== first) differ = true;
    for (const id of step.personas) if (!ids.includes(id)) ids.push(id);
  }
  return differ ? ids : undefined;
}

function heldValues(steps: readonly Step[], takes: (step: Step) => boolean): number[] {
  let current = 0;
  return steps.map((step) => {
    if (takes(step) && step.emotion !== undefined && Number.isFinite(step.emotion)) current = Math.min(2, Math.max(-2, step.emotion));
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

/** Mermaid `xychart-beta` line chart of the emotional curve, y from -2 to 2. */
export function renderEmotionDiagram(journey: Journey, options: GeneratorOptions = {}): string {
  const chart = emotionChart(journey, options);
  const quote = (text: string): string => `"${escapeMermaidText(text)}"`;
  const lines = [
    // Step names side by side overlap after a few steps: widen with the step
    // count (capped: 10,000 steps are unreadable at any width) and slant them.
    // A directive, not front matter: front matter must be the very first line,
    // and `cjm render` puts a `%% <file> <diagram>` comment before each diagram.
    `%%{init: {"xyChart": {"width": ${chartWidth(chart.labels.length)}, "xAxis": {"labelRotation": -45}}}}%%`,
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
