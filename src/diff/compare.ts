import type { MetricDefinition } from '../schema/builtins.js';
import type { Journey, Kpi, Pain, Stage, Step } from '../schema/journey.js';
import { listSteps, successorsOf, type StepRef } from '../model/walk.js';
import { countChanges } from './counts.js';
import { plannedImprovement } from './improvement.js';
import type { Change, FieldName, JourneyDiff, NumberDelta, StageDiff, StepDiff } from './types.js';
import { normalize, numberDelta, painText, same } from './values.js';

export interface CompareOptions {
  /**
   * Metric definitions as the new and old side see them (built-ins, shared
   * catalogue, the journey's own), for the direction of KPI changes. The new
   * side's definition wins; without one a KPI change has no trend.
   */
  newMetrics?: ReadonlyMap<string, Pick<MetricDefinition, 'direction' | 'unit'>>;
  oldMetrics?: ReadonlyMap<string, Pick<MetricDefinition, 'direction' | 'unit'>>;
}

/** The part of a JourneyDiff that depends only on the two journeys. */
type JourneyComparison = Pick<JourneyDiff, 'old' | 'new' | 'journey' | 'stages' | 'improvement' | 'counts'>;

const EMPTY: Journey = { cjm: 1, id: '', title: '', state: 'current', stages: [] };

/**
 * Compares two versions of a journey by meaning. Stages and steps are matched by
 * id, never by position or journey id, so an as-is map and its to-be twin (two
 * journey ids) compare step by step. Either side may be missing (a file added or
 * deleted): everything is then added or removed.
 */
export function compareJourneys(oldJourney: Journey | undefined, newJourney: Journey | undefined, options: CompareOptions = {}): JourneyComparison {
  const before = oldJourney ?? EMPTY;
  const after = newJourney ?? EMPTY;
  const metrics = (id: string) => options.newMetrics?.get(id) ?? options.oldMetrics?.get(id);
  const oldSteps = listSteps(before);
  const newSteps = listSteps(after);
  const context: StepContext = { oldSteps, newSteps, oldIndex: indexById(oldSteps), newIndex: indexById(newSteps), metrics };
  const journey = oldJourney && newJourney ? journeyChanges(oldJourney, newJourney) : [];
  const stages = compareStages(before, after, context);
  const counts = countChanges(journey, stages);
  const comparison: JourneyComparison = { journey, stages, counts };
  if (oldJourney) comparison.old = info(oldJourney);
  if (newJourney) comparison.new = info(newJourney);
  if (oldJourney?.state === 'current' && newJourney?.state === 'future') comparison.improvement = plannedImprovement(oldJourney, newJourney, stages, counts);
  return comparison;
}

interface StepContext {
  oldSteps: StepRef[];
  newSteps: StepRef[];
  oldIndex: ReadonlyMap<string, number>;
  newIndex: ReadonlyMap<string, number>;
  metrics: (id: string) => Pick<MetricDefinition, 'direction' | 'unit'> | undefined;
}

function indexById(steps: readonly StepRef[]): Map<string, number> {
  const index = new Map<string, number>();
  steps.forEach((ref, i) => {
    if (!index.has(ref.step.id)) index.set(ref.step.id, i);
  });
  return index;
}

function info(journey: Journey) {
  return { id: journey.id, title: journey.title, state: journey.state };
}

const JOURNEY_FIELDS: readonly FieldName[] = ['id', 'title', 'state', 'description', 'owner', 'reviewed'];
const JOURNEY_HANDLED = new Set<string>(['cjm', 'stages', ...JOURNEY_FIELDS]);

function journeyChanges(before: Journey, after: Journey): Change[] {
  const changes = fieldChanges(before, after, JOURNEY_FIELDS);
  return withOther(changes, otherFields(before, after, JOURNEY_HANDLED));
}

function compareStages(before: Journey, after: Journey, context: StepContext): StageDiff[] {
  const oldStages = new Map(before.stages.map((stage, index) => [stage.id, { stage, index }]));
  const newStageIds = new Set(after.stages.map((stage) => stage.id));
  const newStepIds = new Set(context.newSteps.map((ref) => ref.step.id));
  const reordered = movedIds(
    before.stages.map((stage) => stage.id).filter((id) => newStageIds.has(id)),
    after.stages.map((stage) => stage.id).filter((id) => oldStages.has(id)),
  );
  const diffs: StageDiff[] = after.stages.map((stage, index) => {
    const previous = oldStages.get(stage.id);
    const steps = (stage.steps ?? []).map((step) => compareStep(step, stage, context));
    if (!previous) return { id: stage.id, name: stage.name, status: 'added', changes: [], steps };
    const changes = stageChanges(previous.stage, stage, context);
    if (reordered.has(stage.id)) changes.unshift({ kind: 'position', from: previous.index + 1, to: index + 1 });
    steps.push(...removedSteps(previous.stage, newStepIds));
    return { id: stage.id, name: stage.name, status: 'kept', changes, steps };
  });
  for (const stage of before.stages) {
    if (!newStageIds.has(stage.id)) diffs.push({ id: stage.id, name: stage.name, status: 'removed', changes: [], steps: removedSteps(stage, newStepIds) });
  }
  return diffs;
}

/** A removed step takes its pains with it: they count as resolved, as everywhere a pain is counted. */
function removedSteps(stage: Stage, newStepIds: ReadonlySet<string>): StepDiff[] {
  return (stage.steps ?? [])
    .filter((step) => !newStepIds.has(step.id))
    .map((step) => ({ id: step.id, name: step.name, status: 'removed', changes: painChanges(step.pains, undefined) }));
}

const STAGE_FIELDS: readonly FieldName[] = ['name', 'owner', 'goal', 'description'];
const STAGE_HANDLED = new Set<string>(['id', 'steps', 'kpis', ...STAGE_FIELDS]);

function stageChanges(before: Stage, after: Stage, context: StepContext): Change[] {
  const changes = fieldChanges(before, after, STAGE_FIELDS);
  changes.push(...kpiChanges(before.kpis, after.kpis, context));
  const other = otherFields(before, after, STAGE_HANDLED);
  if (!changes.some((change) => change.kind === 'kpi') && !same(before.kpis, after.kpis)) other.push('kpis');
  return withOther(changes, other);
}

const STEP_HANDLED = new Set(['id', 'name', 'emotion', 'momentOfTruth', 'dropoff', 'touchpoints', 'pains', 'opportunities', 'next', 'kpis']);

function compareStep(step: Step, stage: Stage, context: StepContext): StepDiff {
  const oldIndex = context.oldIndex.get(step.id);
  // A new step brings its pains: they count as added.
  if (oldIndex === undefined) return { id: step.id, name: step.name, status: 'added', changes: painChanges(undefined, step.pains) };
  const previous = context.oldSteps[oldIndex];
  const newIndex = context.newIndex.get(step.id)!;
  const before = previous.step;
  const changes: Change[] = [];
  if (previous.stage.id !== stage.id) changes.push({ kind: 'moved', fromStage: previous.stage.id, toStage: stage.id });
  changes.push(...fieldChanges(before, step, ['name']));
  changes.push(...emotionChanges(before, step));
  const other = otherFields(before, step, STEP_HANDLED);
  changes.push(...touchpointChanges(before, step, other));
  const pains = painChanges(before.pains, step.pains);
  changes.push(...pains);
  if (pains.length === 0 && !same(before.pains, step.pains)) other.push('pains');
  changes.push(...listChanges(before.opportunities, step.opportunities, (action, text) => ({ kind: 'opportunity', action, text })));
  if (!same(before.opportunities, step.opportunities) && !changes.some((change) => change.kind === 'opportunity')) other.push('opportunities');
  changes.push(...flowChanges(context, oldIndex, newIndex, other));
  const dropoff = numberDelta(before.dropoff, step.dropoff, 'down');
  if (dropoff) changes.push({ kind: 'dropoff', ...dropoff });
  if (Boolean(before.momentOfTruth) !== Boolean(step.momentOfTruth)) changes.push({ kind: 'moment-of-truth', from: Boolean(before.momentOfTruth), to: Boolean(step.momentOfTruth) });
  const kpis = kpiChanges(before.kpis, step.kpis, context);
  changes.push(...kpis);
  if (kpis.length === 0 && !same(before.kpis, step.kpis)) other.push('kpis');
  return { id: step.id, name: step.name, status: 'kept', changes: withOther(changes, other) };
}

function fieldChanges<T extends object>(before: T, after: T, fields: readonly FieldName[]): Change[] {
  const changes: Change[] = [];
  for (const field of fields) {
    const from = (before as Record<string, unknown>)[field] as string | undefined;
    const to = (after as Record<string, unknown>)[field] as string | undefined;
    if (from === to) continue;
    const change: Change = { kind: 'field', field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    changes.push(change);
  }
  return changes;
}

/** Channels added or dropped, and owner changes of touchpoints on a channel both sides have. */
function touchpointChanges(before: Step, after: Step, other: string[]): Change[] {
  const oldByChannel = byChannel(before);
  const newByChannel = byChannel(after);
  const changes: Change[] = [];
  for (const channel of newByChannel.keys()) if (!oldByChannel.has(channel)) changes.push({ kind: 'channel', action: 'added', channel });
  for (const channel of oldByChannel.keys()) if (!newByChannel.has(channel)) changes.push({ kind: 'channel', action: 'removed', channel });
  for (const [channel, owners] of newByChannel) {
    const oldOwners = oldByChannel.get(channel);
    if (!oldOwners) continue;
    // Several touchpoints on one channel are matched in file order.
    owners.forEach((owner, index) => {
      if (index >= oldOwners.length || oldOwners[index] === owner) return;
      const change: Change = { kind: 'touchpoint-owner', channel };
      if (oldOwners[index] !== undefined) change.from = oldOwners[index];
      if (owner !== undefined) change.to = owner;
      changes.push(change);
    });
  }
  if (changes.length === 0 && !same(before.touchpoints, after.touchpoints)) other.push('touchpoints');
  return changes;
}

function byChannel(step: Step): Map<string, (string | undefined)[]> {
  const owners = new Map<string, (string | undefined)[]>();
  for (const touchpoint of step.touchpoints ?? []) {
    if (touchpoint.channel === undefined) continue;
    owners.set(touchpoint.channel, [...(owners.get(touchpoint.channel) ?? []), touchpoint.owner]);
  }
  return owners;
}

/**
 * The one definition of a resolved and an added pain: a pain a step listed
 * and no longer lists (or the step is gone), and a pain a step lists and did
 * not before (or the step is new), matched by step id and normalised text.
 * The change list, the summary line and the planned improvement all count these.
 */
function painChanges(before: readonly Pain[] | undefined, after: readonly Pain[] | undefined): Change[] {
  return listChanges(before?.map(painText), after?.map(painText), (action, text) => ({ kind: 'pain', action: action === 'removed' ? 'resolved' : 'added', text }));
}

/** Texts added and removed, matched after trimming and collapsing white space (a reflowed line is not a change). */
/** One emotion change per step, or one per persona when either side scores the step per persona. */
function emotionChanges(before: Step, after: Step): Change[] {
  if (typeof before.emotion !== 'object' && typeof after.emotion !== 'object') {
    const delta = numberDelta(before.emotion, after.emotion, 'up');
    return delta ? [{ kind: 'emotion', ...delta }] : [];
  }
  const scoreOf = (step: Step, persona: string): number | undefined => (typeof step.emotion === 'object' ? step.emotion[persona] : step.emotion);
  const personas = new Set([...Object.keys(typeof before.emotion === 'object' ? before.emotion : {}), ...Object.keys(typeof after.emotion === 'object' ? after.emotion : {})]);
  return [...personas].flatMap((persona): Change[] => {
    const delta = numberDelta(scoreOf(before, persona), scoreOf(after, persona), 'up');
    return delta ? [{ kind: 'emotion', persona, ...delta }] : [];
  });
}

function listChanges(before: readonly string[] | undefined, after: readonly string[] | undefined, make: (action: 'added' | 'removed', text: string) => Change): Change[] {
  const oldKeys = new Set((before ?? []).map(normalize));
  const newKeys = new Set((after ?? []).map(normalize));
  return [
    ...(before ?? []).filter((text) => !newKeys.has(normalize(text))).map((text) => make('removed', text)),
    ...(after ?? []).filter((text) => !oldKeys.has(normalize(text))).map((text) => make('added', text)),
  ];
}

/** Successors compared with walk.ts semantics, so an implicit default `next` that now leads elsewhere is a change. */
function flowChanges(context: StepContext, oldIndex: number, newIndex: number, other: string[]): Change[] {
  const before = successorsOf(context.oldSteps, oldIndex);
  const after = successorsOf(context.newSteps, newIndex);
  const changes: Change[] = [
    ...before.filter((id) => !after.includes(id)).map((step): Change => ({ kind: 'next', action: 'removed', step })),
    ...after.filter((id) => !before.includes(id)).map((step): Change => ({ kind: 'next', action: 'added', step })),
  ];
  const oldNext = context.oldSteps[oldIndex].step.next;
  const newNext = context.newSteps[newIndex].step.next;
  if (changes.length === 0 && oldNext && newNext && !same(oldNext, newNext)) other.push('next');
  return changes;
}

function kpiChanges(before: readonly Kpi[] | undefined, after: readonly Kpi[] | undefined, context: StepContext): Change[] {
  const oldKpis = keyedKpis(before);
  const newKpis = keyedKpis(after);
  const changes: Change[] = [];
  for (const [key, kpi] of newKpis) {
    const metric = context.metrics(kpi.metric);
    const previous = oldKpis.get(key);
    const base = { kind: 'kpi' as const, metric: kpi.metric, ...(metric?.unit ? { unit: metric.unit } : {}) };
    if (!previous) {
      changes.push({ ...base, action: 'added', ...values(undefined, kpi, metric?.direction) });
      continue;
    }
    const delta = values(previous, kpi, metric?.direction);
    if (delta.target || delta.actual) changes.push({ ...base, action: 'changed', ...delta });
  }
  for (const [key, kpi] of oldKpis) {
    if (newKpis.has(key)) continue;
    const metric = context.metrics(kpi.metric);
    changes.push({ kind: 'kpi', metric: kpi.metric, ...(metric?.unit ? { unit: metric.unit } : {}), action: 'removed', ...values(kpi, undefined, metric?.direction) });
  }
  return changes;
}

function values(before: Kpi | undefined, after: Kpi | undefined, direction: 'up' | 'down' | undefined): { target?: NumberDelta; actual?: NumberDelta } {
  const result: { target?: NumberDelta; actual?: NumberDelta } = {};
  const target = numberDelta(before?.target, after?.target, direction);
  const actual = numberDelta(before?.actual, after?.actual, direction);
  if (target) result.target = target;
  if (actual) result.actual = actual;
  return result;
}

/** KPIs by metric; a metric listed twice on one stage or step is matched by its occurrence. */
function keyedKpis(kpis: readonly Kpi[] | undefined): Map<string, Kpi> {
  const keyed = new Map<string, Kpi>();
  const seen = new Map<string, number>();
  for (const kpi of kpis ?? []) {
    const occurrence = seen.get(kpi.metric) ?? 0;
    seen.set(kpi.metric, occurrence + 1);
    keyed.set(occurrence === 0 ? kpi.metric : `${kpi.metric}#${occurrence + 1}`, kpi);
  }
  return keyed;
}

/** Fields outside the ones compared one by one whose value changed, by name. */
function otherFields(before: object, after: object, handled: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)].filter((key) => !handled.has(key)));
  return [...keys].filter((key) => !same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]));
}

function withOther(changes: Change[], other: string[]): Change[] {
  if (other.length > 0) changes.push({ kind: 'other', fields: other });
  return changes;
}

/**
 * Ids that changed place: both lists hold the same ids; those outside a longest
 * common subsequence moved (inserting one stage does not "move" the others).
 */
function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i][j] = before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (before[i] === after[j]) {
      kept.add(before[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return new Set(after.filter((id) => !kept.has(id)));
}
