import type { Journey, Step, Transition } from '../../schema/journey.js';
import { isDropoffHotspot } from '../../model/dropoff.js';
import { isLoopBack } from '../../model/graph.js';
import { listSteps, successorsOf, type StepRef } from '../../model/walk.js';
import { escapeMermaidText, foldLabel } from './escape.js';
import { namesFor, stepChannels, stepLabel, titleLabel, type GeneratorOptions, type Names } from './labels.js';

interface FlowOptions extends GeneratorOptions {
  /** Draw only these stages; steps of other stages linked to them appear as grey "external" nodes. */
  stageIds?: readonly string[];
}

/** Line break between a node's name and its channels; Mermaid keeps <br/> in strict mode. */
const NODE_LINE_BREAK = '<br/>';
/** Separates channels in a node and the condition from the share on an edge. */
const LABEL_SEPARATOR = ' · ';

/**
 * Styles, in the order their class lines are written. They are chosen to
 * combine on one node: pain sets the fill, moment the stroke width, dropoff and
 * dead end the stroke colour and dash.
 */
const CLASS_STYLES = {
  pain: 'fill:#fde2e1',
  moment: 'stroke:#0072B2,stroke-width:4px',
  dropoff: 'stroke:#D55E00,stroke-width:3px,stroke-dasharray:6 3',
  deadEnd: 'stroke:#B00020,stroke-width:3px,stroke-dasharray:2 2',
  external: 'fill:#f4f4f4,stroke:#999999,stroke-dasharray:3 3,color:#666666',
} as const;

type FlowClass = keyof typeof CLASS_STYLES;

/**
 * A `flowchart LR`: one subgraph per stage (ids s1, s2...), one node per step
 * (ids n1, n2... in file order: user ids such as `end` or `a---o1` would be
 * Mermaid syntax), edges from `next` (default: the following step) labelled
 * with the branch condition and share; edges back to an earlier or the same
 * step (loops) are dotted. Stages without steps are left out.
 */
export function renderFlowDiagram(journey: Journey, options: FlowOptions = {}): string {
  const names = namesFor(journey, options.catalog);
  const steps = listSteps(journey);
  const nodeIds = new Map<string, number>();
  steps.forEach((ref, index) => {
    if (!nodeIds.has(ref.step.id)) nodeIds.set(ref.step.id, index);
  });
  const selected = options.stageIds ? new Set(options.stageIds) : undefined;
  const isSelected = (ref: StepRef): boolean => !selected || selected.has(ref.stage.id);
  const lastStage = journey.stages.length - 1;

  const lines = ['flowchart LR'];
  const classes = new Map<FlowClass, string[]>();
  const addClass = (name: FlowClass, node: string): void => {
    const members = classes.get(name) ?? [];
    members.push(node);
    classes.set(name, members);
  };

  journey.stages.forEach((stage, stageIndex) => {
    if (!stage.steps?.length || (selected && !selected.has(stage.id))) return;
    lines.push(`  subgraph s${stageIndex + 1}["${escapeMermaidText(titleLabel(stage))}"]`);
    for (const step of stage.steps) {
      const index = nodeIds.get(step.id);
      if (index === undefined || steps[index].step !== step) continue; // a duplicate id: drawn once
      const node = nodeId(index);
      lines.push(`    ${node}["${escapeMermaidText(flowNodeLabelText(step, names, 'name'))}${channelLine(step, names)}"]`);
      for (const name of stepClasses(step, stageIndex, lastStage, options.dropoffHotspot)) addClass(name, node);
    }
    lines.push('  end');
  });

  const external = new Set<number>();
  const edges: string[] = [];
  steps.forEach((ref, index) => {
    if (nodeIds.get(ref.step.id) !== index) return;
    successorsOf(steps, index).forEach((targetId, position) => {
      const target = nodeIds.get(targetId);
      if (target === undefined) return; // an unknown id: validate reports it
      if (!isSelected(ref) && !isSelected(steps[target])) return;
      if (!isSelected(ref)) external.add(index);
      if (!isSelected(steps[target])) external.add(target);
      const label = edgeLabel(ref.step.next?.[position]);
      const arrow = isLoopBack(index, target) ? '-.->' : '-->';
      edges.push(`  ${nodeId(index)} ${arrow}${label === '' ? '' : `|"${escapeMermaidText(label)}"|`} ${nodeId(target)}`);
    });
  });
  for (const index of [...external].sort((a, b) => a - b)) {
    lines.push(`  ${nodeId(index)}["${escapeMermaidText(stepLabel(steps[index].step))}"]`);
    addClass('external', nodeId(index));
  }
  for (const edge of edges) lines.push(edge); // no spread: 10,000+ arguments would overflow the stack
  for (const name of Object.keys(CLASS_STYLES) as FlowClass[]) {
    const members = classes.get(name);
    if (!members) continue;
    lines.push(`  classDef ${name} ${CLASS_STYLES[name]}`, `  class ${members.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Per stage with steps, the flow of that stage (with links to neighbouring stages as external nodes). */
export function renderFlowPerStage(journey: Journey, options: GeneratorOptions = {}): { stageId: string; source: string }[] {
  return journey.stages
    .filter((stage) => stage.steps?.length)
    .map((stage) => ({ stageId: stage.id, source: renderFlowDiagram(journey, { ...options, stageIds: [stage.id] }) }));
}

function nodeId(index: number): string {
  return `n${index + 1}`;
}

/** The text of a node before escaping: 'name' is the first line, 'channels' the second (empty when none). */
function flowNodeLabelText(step: Step, names: Names, part: 'name' | 'channels'): string {
  if (part === 'name') return stepLabel(step);
  return stepChannels(step)
    .map((id) => foldLabel(names.channel(id)) || id)
    .join(LABEL_SEPARATOR);
}

function channelLine(step: Step, names: Names): string {
  const channels = flowNodeLabelText(step, names, 'channels');
  return channels === '' ? '' : `${NODE_LINE_BREAK}${escapeMermaidText(channels)}`;
}

/** "condition · 30%", either part alone, or '' for a plain edge. */
function edgeLabel(transition: Transition | undefined): string {
  if (transition === undefined || typeof transition === 'string') return '';
  const parts: string[] = [];
  const when = transition.when === undefined ? '' : foldLabel(transition.when);
  if (when !== '') parts.push(when);
  if (transition.share !== undefined) parts.push(`${transition.share}%`);
  return parts.join(LABEL_SEPARATOR);
}

function stepClasses(step: Step, stageIndex: number, lastStage: number, hotspot: number | undefined): FlowClass[] {
  const classes: FlowClass[] = [];
  if (step.pains?.length) classes.push('pain');
  if (step.momentOfTruth) classes.push('moment');
  if (isDropoffHotspot(step, hotspot)) classes.push('dropoff');
  if (step.next?.length === 0 && stageIndex < lastStage) classes.push('deadEnd');
  return classes;
}
