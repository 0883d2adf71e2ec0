import type { Change, DiffReport, NumberDelta, PlannedImprovement, Trend } from './types.js';
import { plural } from '../util/words.js';

/**
 * How a renderer marks up the parts of a sentence. The text renderer colours,
 * the markdown renderer escapes user text and puts ids in code spans: both say
 * the same words, written once here.
 */
export interface Style {
  /** User text (names, pains, owners): quoted in text, escaped in markdown. */
  text(value: string): string;
  /** User text shown without quotes (a metric's unit): as is in text, escaped in markdown. */
  bare(value: string): string;
  /** Ids of steps, stages, channels, metrics. */
  id(value: string): string;
  /** A trend word: better or worse. */
  trend(trend: Trend): string;
  added(value: string): string;
  removed(value: string): string;
}

export const ARROW = '→';
const NONE = '(none)';

/** One change as a short phrase, e.g. `emotion -2 → 0 (better)`. */
export function describeChange(change: Change, style: Style): string {
  switch (change.kind) {
    case 'field':
      if (change.field === 'description' || change.field === 'goal') return describeProse(change.field, change.from, change.to, style);
      return fromTo(change.field, fieldValue(change.field, change.from, style), fieldValue(change.field, change.to, style));
    case 'moved':
      return `moved from stage ${style.id(change.fromStage)} to ${style.id(change.toStage)}`;
    case 'position':
      return `moved from position ${change.from} to ${change.to}`;
    case 'emotion':
      return `emotion${change.persona ? ` of ${style.id(change.persona)}` : ''} ${delta(change, style, signed)}`;
    case 'dropoff':
      return `dropoff ${delta(change, style, (value) => `${value} %`)}`;
    case 'moment-of-truth':
      return change.to ? 'now a moment of truth' : 'no longer a moment of truth';
    case 'channel':
      return change.action === 'added' ? style.added(`channel added: ${style.id(change.channel)}`) : style.removed(`channel dropped: ${style.id(change.channel)}`);
    case 'touchpoint-owner':
      return fromTo(`owner of the ${style.id(change.channel)} touchpoint`, owner(change.from, style), owner(change.to, style));
    case 'pain':
      return change.action === 'resolved' ? style.added(`pain resolved: ${style.text(change.text)}`) : style.removed(`pain added: ${style.text(change.text)}`);
    case 'opportunity':
      return `opportunity ${change.action}: ${style.text(change.text)}`;
    case 'next':
      return change.action === 'added' ? `now leads to ${style.id(change.step)}` : `no longer leads to ${style.id(change.step)}`;
    case 'kpi':
      return describeKpi(change, style);
    case 'other':
      return `also changed: ${change.fields.join(', ')}`;
  }
}

function describeProse(field: string, from: string | undefined, to: string | undefined, style: Style): string {
  if (from === undefined) return `${field} added: ${style.text(to ?? '')}`;
  if (to === undefined) return `${field} removed`;
  // Descriptions run to paragraphs: say that it changed; the JSON output has both texts.
  return field === 'description' ? 'description changed' : `${field} ${style.text(from)} ${ARROW} ${style.text(to)}`;
}

/** `owner "a" → "b"`, `owner added: "b"`, `owner removed (was "a")`: a lost owner must read as lost. */
function fromTo(label: string, from: string | undefined, to: string | undefined): string {
  if (from === undefined) return `${label} added: ${to}`;
  if (to === undefined) return `${label} removed (was ${from})`;
  return `${label} ${from} ${ARROW} ${to}`;
}

function fieldValue(field: string, value: string | undefined, style: Style): string | undefined {
  if (value === undefined) return undefined;
  return field === 'name' || field === 'title' || field === 'owner' ? style.text(value) : style.id(value);
}

function owner(value: string | undefined, style: Style): string | undefined {
  return value === undefined ? undefined : style.text(value);
}

function describeKpi(change: Extract<Change, { kind: 'kpi' }>, style: Style): string {
  const metric = `KPI ${style.id(change.metric)}${change.unit && change.unit !== 'currency' ? ` (${style.bare(change.unit)})` : ''}`;
  if (change.action === 'added') return `${metric} added${kpiValues(change, 'to')}`;
  if (change.action === 'removed') return `${metric} removed${kpiValues(change, 'from')}`;
  const parts: string[] = [];
  if (change.target) parts.push(`target ${delta(change.target, style)}`);
  if (change.actual) parts.push(`actual ${delta(change.actual, style)}`);
  return `${metric}: ${parts.join(', ')}`;
}

function kpiValues(change: Extract<Change, { kind: 'kpi' }>, side: 'from' | 'to'): string {
  const parts: string[] = [];
  if (change.target?.[side] !== undefined) parts.push(`target ${number(change.target[side]!)}`);
  if (change.actual?.[side] !== undefined) parts.push(`actual ${number(change.actual[side]!)}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** `-2 → 0 (better)`; a missing side reads (none). */
export function delta(value: NumberDelta, style: Style, show: (value: number) => string = number): string {
  const from = value.from === undefined ? NONE : show(value.from);
  const to = value.to === undefined ? NONE : show(value.to);
  return `${from} ${ARROW} ${to}${value.trend ? ` (${style.trend(value.trend)})` : ''}`;
}

function number(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Emotions read as a scale: +1 is clearer than 1 next to -1. */
export function signed(value: number): string {
  return value > 0 ? `+${number(value)}` : number(value);
}

/** The planned improvement as phrases, one per figure. */
export function describeImprovement(improvement: PlannedImprovement, style: Style): string[] {
  const { emotion, pains, dropoff, kpiTargets } = improvement;
  return [
    `average emotion ${delta(emotion, style, signed)}`,
    `pains ${pains.from} ${ARROW} ${pains.to} (${pains.resolved} resolved, ${pains.added} added)`,
    `dropoff summed over steps ${delta(dropoff, style, (value) => `${number(value)} %`)}`,
    `KPI targets: ${kpiTargets.better} better, ${kpiTargets.worse} worse`,
  ];
}

/** The one-line summary of a whole run. */
export function summaryLine(report: Pick<DiffReport, 'counts' | 'files'>): string {
  const c = report.counts;
  const files: string[] = [];
  if (c.filesChanged) files.push(`${c.filesChanged} changed`);
  if (c.filesAdded) files.push(`${c.filesAdded} added`);
  if (c.filesDeleted) files.push(`${c.filesDeleted} deleted`);
  if (files.length === 0) return `no differences in ${plural(report.files.length, 'journey')}`;
  const total = plural(c.filesChanged + c.filesAdded + c.filesDeleted, 'journey');
  const parts = [files.length === 1 ? `${total} ${files[0].replace(/^\d+ /, '')}` : `${total}: ${files.join(', ')}`];
  const steps = counted([
    [c.stagesAdded, 'stage', 'added'],
    [c.stagesRemoved, 'stage', 'removed'],
  ]).concat(
    counted([
      [c.stepsAdded, 'step', 'added'],
      [c.stepsRemoved, 'step', 'removed'],
      [c.stepsMoved, 'step', 'moved'],
      [c.stepsChanged, 'step', 'changed'],
    ]),
  );
  if (steps.length) parts.push(steps.join(', '));
  if (c.emotionBetter || c.emotionWorse) parts.push(`emotion ${c.emotionBetter} better, ${c.emotionWorse} worse`);
  if (c.kpiBetter || c.kpiWorse) parts.push(`KPIs ${c.kpiBetter} better, ${c.kpiWorse} worse`);
  if (c.painsResolved || c.painsAdded) parts.push(`pains ${c.painsResolved} resolved, ${c.painsAdded} added`);
  return parts.join('; ');
}

/** `3 steps added, 2 removed, 1 moved`: the noun once, on the first figure that is not zero. */
function counted(figures: readonly [number, string, string][]): string[] {
  const shown = figures.filter(([count]) => count > 0);
  return shown.map(([count, noun, verb], index) => (index === 0 ? `${plural(count, noun)} ${verb}` : `${count} ${verb}`));
}

