import type { Journey, Kpi, Step } from '../schema/journey.js';
import type { Catalog } from '../schema/config.js';
import type { DataPath } from '../findings.js';
import { extendCatalog, type ResolvedCatalog } from '../load/catalog.js';
import { closestMatch } from '../util/suggest.js';
import type { Salvaged } from './salvage.js';

interface ReferenceProblem {
  path: DataPath;
  code: 'duplicate-id' | 'unknown-persona' | 'persona-not-on-step' | 'unknown-channel' | 'unknown-metric' | 'unknown-step' | 'unknown-journey' | 'kpi-out-of-range';
  message: string;
  /** Where the finding points: the value (the default) or, for a mapping key that is itself the reference, the key. */
  target?: 'value' | 'key';
}

interface ReferenceContext {
  /** The shared catalogue (built-ins, config, catalog files); the journey's own declarations are added here. */
  catalog: ResolvedCatalog;
  /** Ids of every journey in the workspace. */
  journeyIds: ReadonlySet<string>;
}

/**
 * A journey as far as it has the right shape: a valid journey, or what
 * `salvage` kept of a broken one (parts that fail the schema are left out, so
 * no check here repeats a schema error).
 */
export type PartialJourney = Salvaged<Journey>;
type PartialStep = Salvaged<Step>;
type PartialKpi = Salvaged<Kpi>;

/**
 * Ids written in a shape the schema refused (`Open_Claim`). A reference that
 * only differs from one of them in that way is the same mistake, already
 * reported by the schema: reporting it again as unknown would be a second
 * finding for one cause.
 */
export interface RefusedIds {
  personas: readonly string[];
  channels: readonly string[];
  metrics: readonly string[];
  steps: readonly string[];
}

const NO_REFUSED_IDS: RefusedIds = { personas: [], channels: [], metrics: [], steps: [] };

type Report = (path: DataPath, code: ReferenceProblem['code'], message: string, target?: 'value' | 'key') => void;

/** Checks what JSON Schema cannot: unique ids and references to personas, channels, metrics, steps and journeys. */
export function checkReferences(journey: PartialJourney, context: ReferenceContext, refused: RefusedIds = NO_REFUSED_IDS): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report: Report = (path, code, message, target) => problems.push({ path, code, message, ...(target && { target }) });
  const catalog = extendCatalog(context.catalog, declarations(journey));
  const steps = listPartialSteps(journey);

  checkUnique(journey.personas, ['personas'], 'persona', report);
  checkUnique(journey.channels, ['channels'], 'channel', report);
  checkUnique(journey.metrics, ['metrics'], 'metric', report);
  checkUnique(journey.stages, ['stages'], 'stage', report);
  const stepIds = checkUniqueStepIds(steps, report);

  const known = {
    persona: (id: string) => catalog.personas.has(id) || isRefused(id, refused.personas),
    channel: (id: string) => catalog.channels.has(id) || isRefused(id, refused.channels),
    metric: (id: string) => catalog.metrics.has(id) || isRefused(id, refused.metrics),
  };
  journey.personas?.forEach((persona, p) =>
    persona?.channels?.forEach((channel, c) => checkKnown(channel, known.channel, catalog.channels, 'channel', ['personas', p, 'channels', c], report)),
  );
  journey.stages?.forEach((stage, s) => stage?.kpis?.forEach((kpi, k) => checkKpi(kpi, ['stages', s, 'kpis', k], catalog, known.metric, report)));
  for (const { step, path } of steps) {
    step.personas?.forEach((persona, i) => checkKnown(persona, known.persona, catalog.personas, 'persona', [...path, 'personas', i], report));
    checkEmotionPersonas(step, path, known.persona, catalog.personas, report);
    step.touchpoints?.forEach((touchpoint, i) => checkKnown(touchpoint?.channel, known.channel, catalog.channels, 'channel', [...path, 'touchpoints', i, 'channel'], report));
    step.kpis?.forEach((kpi, k) => checkKpi(kpi, [...path, 'kpis', k], catalog, known.metric, report));
    checkTransitions(step, path, stepIds, refused.steps, report);
    checkSubjourney(step, path, journey.id, context.journeyIds, report);
  }
  return problems;
}

/** Scores per persona name declared personas, and only personas the step lists (when it lists any). */
function checkEmotionPersonas(step: PartialStep, path: DataPath, isKnown: (id: string) => boolean, personas: ReadonlyMap<string, unknown>, report: Report): void {
  if (step.emotion === undefined || typeof step.emotion !== 'object') return;
  for (const persona of Object.keys(step.emotion)) {
    const at = [...path, 'emotion', persona];
    // The persona is the key (`emotion: { giulia: -1 }`): point at it, not at the score.
    const atKey: Report = (where, code, message) => report(where, code, message, 'key');
    if (!isKnown(persona)) checkKnown(persona, isKnown, personas, 'persona', at, atKey);
    else if (step.personas?.length && !step.personas.includes(persona)) {
      atKey(at, 'persona-not-on-step', `\`${persona}\` has an emotion at step \`${step.id}\` but is not among its personas (${step.personas.join(', ')}); add it to \`personas\` or remove its score`);
    }
  }
}

/** The personas, channels and metrics the journey declares: each declared id counts, even if the rest of its declaration has problems. */
function declarations(journey: PartialJourney): Catalog {
  const withId = <T extends { id?: string }>(items: readonly (T | undefined)[] | undefined) => items?.filter((item): item is T & { id: string } => item?.id !== undefined);
  return {
    personas: withId(journey.personas),
    channels: withId(journey.channels),
    metrics: withId(journey.metrics),
  } as Catalog;
}

interface PartialStepRef {
  step: PartialStep;
  path: DataPath;
}

function listPartialSteps(journey: PartialJourney): PartialStepRef[] {
  const steps: PartialStepRef[] = [];
  journey.stages?.forEach((stage, s) =>
    stage?.steps?.forEach((step, i) => {
      if (step) steps.push({ step, path: ['stages', s, 'steps', i] });
    }),
  );
  return steps;
}

function checkUniqueStepIds(steps: readonly PartialStepRef[], report: Report): Set<string> {
  const stepIds = new Set<string>();
  for (const { step, path } of steps) {
    if (step.id === undefined) continue;
    if (stepIds.has(step.id)) report([...path, 'id'], 'duplicate-id', `step id \`${step.id}\` is used twice; step ids must be unique in a journey`);
    stepIds.add(step.id);
  }
  return stepIds;
}

function checkTransitions(step: PartialStep, path: DataPath, stepIds: ReadonlySet<string>, refused: readonly string[], report: Report): void {
  step.next?.forEach((transition, i) => {
    const target = typeof transition === 'string' ? transition : transition?.to;
    if (target === undefined || stepIds.has(target) || isRefused(target, refused)) return;
    const targetPath = typeof transition === 'string' ? [...path, 'next', i] : [...path, 'next', i, 'to'];
    const from = step.id === undefined ? 'a step' : `step \`${step.id}\``;
    report(targetPath, 'unknown-step', `\`next\` of ${from} goes to \`${target}\`, which is no step of this journey${suggest(target, stepIds)}`);
  });
}

function checkSubjourney(step: PartialStep, path: DataPath, journeyId: string | undefined, journeyIds: ReadonlySet<string>, report: Report): void {
  const subjourney = step.subjourney;
  if (subjourney === undefined) return;
  const name = step.id === undefined ? 'a step' : `step \`${step.id}\``;
  if (subjourney === journeyId) {
    report([...path, 'subjourney'], 'unknown-journey', `${name} names its own journey \`${journeyId}\` as subjourney; a subjourney must be another journey`);
  } else if (!journeyIds.has(subjourney)) {
    report([...path, 'subjourney'], 'unknown-journey', `subjourney \`${subjourney}\` of ${name} is no journey of this workspace${suggest(subjourney, journeyIds)}`);
  }
}

function checkKpi(kpi: PartialKpi | undefined, path: DataPath, catalog: ResolvedCatalog, isKnown: (id: string) => boolean, report: Report): void {
  if (kpi?.metric === undefined) return;
  const metric = catalog.metrics.get(kpi.metric);
  if (!metric) {
    checkKnown(kpi.metric, isKnown, catalog.metrics, 'metric', [...path, 'metric'], report);
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

function checkUnique(items: readonly ({ id?: string } | undefined)[] | undefined, base: DataPath, kind: string, report: Report): void {
  const seen = new Set<string>();
  items?.forEach((item, i) => {
    if (item?.id === undefined) return;
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

function checkKnown(
  id: string | undefined,
  isKnown: (id: string) => boolean,
  known: ReadonlyMap<string, unknown>,
  kind: keyof typeof CODES,
  path: DataPath,
  report: Report,
): void {
  if (id === undefined || isKnown(id)) return;
  report(path, CODES[kind], `unknown ${kind} \`${id}\`${suggest(id, known.keys())}; ${WHERE[kind]}`);
}

/** The ids of `raw` that `salvage` left out of `journey` because of their shape. */
export function findRefusedIds(raw: unknown, journey: PartialJourney): RefusedIds {
  const data = asMapping(raw);
  const stages = asList(data.stages);
  return {
    personas: refusedIn(data.personas, journey.personas),
    channels: refusedIn(data.channels, journey.channels),
    metrics: refusedIn(data.metrics, journey.metrics),
    steps: stages.flatMap((stage, s) => refusedIn(asMapping(stage).steps, journey.stages?.[s]?.steps)),
  };
}

function refusedIn(items: unknown, kept: readonly ({ id?: string } | undefined)[] | undefined): string[] {
  return asList(items).flatMap((item, i) => {
    const id = asMapping(item).id;
    return typeof id === 'string' && kept?.[i]?.id !== id ? [id] : [];
  });
}

function asMapping(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRefused(id: string, refused: readonly string[]): boolean {
  return refused.length > 0 && closestMatch(id, refused) !== undefined;
}

function suggest(id: string, candidates: Iterable<string>): string {
  const match = closestMatch(id, candidates);
  return match ? ` (did you mean \`${match}\`?)` : '';
}
