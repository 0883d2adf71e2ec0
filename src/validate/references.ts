import type { Journey, Kpi } from '../schema/journey.js';
import type { DataPath } from '../findings.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { closestMatch } from '../util/suggest.js';
import { forEachStep } from '../model/walk.js';

interface ReferenceProblem {
  path: DataPath;
  code: 'duplicate-id' | 'unknown-persona' | 'persona-not-on-step' | 'unknown-channel' | 'unknown-metric' | 'unknown-step' | 'unknown-journey' | 'kpi-out-of-range';
  message: string;
}

interface ReferenceContext {
  /** Catalogue as seen from this journey (built-ins, shared, its own declarations). */
  catalog: ResolvedCatalog;
  /** Ids of every journey in the workspace. */
  journeyIds: ReadonlySet<string>;
}

/** Checks what JSON Schema cannot: unique ids and references to personas, channels, metrics, steps and journeys. */
export function checkReferences(journey: Journey, context: ReferenceContext): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: DataPath, code: ReferenceProblem['code'], message: string) => problems.push({ path, code, message });

  checkUnique(journey.personas, ['personas'], 'persona', report);
  checkUnique(journey.channels, ['channels'], 'channel', report);
  checkUnique(journey.metrics, ['metrics'], 'metric', report);
  checkUnique(journey.stages, ['stages'], 'stage', report);

  const stepIds = new Set<string>();
  forEachStep(journey, (step, path) => {
    if (stepIds.has(step.id)) report([...path, 'id'], 'duplicate-id', `step id \`${step.id}\` is used twice; step ids must be unique in a journey`);
    stepIds.add(step.id);
  });

  const { personas, channels } = context.catalog;
  journey.personas?.forEach((persona, p) =>
    persona.channels?.forEach((channel, c) => checkKnown(channel, channels, 'channel', ['personas', p, 'channels', c], report)),
  );
  journey.stages.forEach((stage, s) => stage.kpis?.forEach((kpi, k) => checkKpi(kpi, ['stages', s, 'kpis', k], context, report)));
  forEachStep(journey, (step, path) => {
    step.personas?.forEach((persona, i) => checkKnown(persona, personas, 'persona', [...path, 'personas', i], report));
    if (typeof step.emotion === 'object') {
      for (const persona of Object.keys(step.emotion)) {
        const at = [...path, 'emotion', persona];
        if (!personas.has(persona)) checkKnown(persona, personas, 'persona', at, report);
        else if (step.personas?.length && !step.personas.includes(persona)) {
          report(at, 'persona-not-on-step', `\`${persona}\` has an emotion at step \`${step.id}\` but is not among its personas (${step.personas.join(', ')}); add it to \`personas\` or remove its score`);
        }
      }
    }
    step.touchpoints?.forEach((touchpoint, i) => {
      if (touchpoint.channel) checkKnown(touchpoint.channel, channels, 'channel', [...path, 'touchpoints', i, 'channel'], report);
    });
    step.kpis?.forEach((kpi, k) => checkKpi(kpi, [...path, 'kpis', k], context, report));
    step.next?.forEach((transition, i) => {
      const target = typeof transition === 'string' ? transition : transition.to;
      const targetPath = typeof transition === 'string' ? [...path, 'next', i] : [...path, 'next', i, 'to'];
      if (!stepIds.has(target)) {
        report(targetPath, 'unknown-step', `\`next\` of step \`${step.id}\` goes to \`${target}\`, which is no step of this journey${suggest(target, stepIds)}`);
      }
    });
    if (step.subjourney) {
      if (step.subjourney === journey.id) {
        report([...path, 'subjourney'], 'unknown-journey', `step \`${step.id}\` names its own journey \`${journey.id}\` as subjourney; a subjourney must be another journey`);
      } else if (!context.journeyIds.has(step.subjourney)) {
        report(
          [...path, 'subjourney'],
          'unknown-journey',
          `subjourney \`${step.subjourney}\` of step \`${step.id}\` is no journey of this workspace${suggest(step.subjourney, context.journeyIds)}`,
        );
      }
    }
  });
  return problems;
}

function checkKpi(kpi: Kpi, path: DataPath, context: ReferenceContext, report: Report): void {
  const metric = context.catalog.metrics.get(kpi.metric);
  if (!metric) {
    checkKnown(kpi.metric, context.catalog.metrics, 'metric', [...path, 'metric'], report);
    return;
  }
  if (!metric.range) return;
  const [min, max] = metric.range;
  for (const key of ['target', 'actual'] as const) {
    const value = kpi[key];
    if (value !== undefined && (value < min || value > max)) {
      report([...path, key], 'kpi-out-of-range', `${key} ${value} of ${kpi.metric} is outside its range ${min}..${max}`);
    }
  }
}

type Report = (path: DataPath, code: ReferenceProblem['code'], message: string) => void;

function checkUnique(items: readonly { id: string }[] | undefined, base: DataPath, kind: string, report: Report): void {
  const seen = new Set<string>();
  items?.forEach((item, i) => {
    if (seen.has(item.id)) report([...base, i, 'id'], 'duplicate-id', `${kind} id \`${item.id}\` is declared twice; ${kind} ids must be unique in a journey`);
    seen.add(item.id);
  });
}

const CODES = { persona: 'unknown-persona', channel: 'unknown-channel', metric: 'unknown-metric' } as const;
const WHERE = {
  persona: 'declare it under `personas` in this journey or in the shared catalogue',
  channel: 'use a built-in channel or declare it under `channels`',
  metric: 'use a built-in metric or declare it under `metrics`',
} as const;

function checkKnown(id: string, known: ReadonlyMap<string, unknown>, kind: keyof typeof CODES, path: DataPath, report: Report): void {
  if (known.has(id)) return;
  report(path, CODES[kind], `unknown ${kind} \`${id}\`${suggest(id, known.keys())}; ${WHERE[kind]}`);
}

function suggest(id: string, candidates: Iterable<string>): string {
  const match = closestMatch(id, candidates);
  return match ? ` (did you mean \`${match}\`?)` : '';
}
