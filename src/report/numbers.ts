/**
 * How numbers, emotions, KPI values and dates read in the report pages.
 * Everything here is cjm's own text (no user input), ready for markdown.
 */
import type { MetricDefinition } from '../schema/builtins.js';
import { gapUnit } from '../model/kpis.js';
import { escapeInline } from '../markdown/escape.js';
import type { KpiStatus } from './analysis.js';

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** 1,234.5 and a real minus sign (U+2212): a `-` reads as a dash or a list bullet. */
export function formatNumber(value: number): string {
  return NUMBER.format(value).replace('-', '\u2212');
}

/** GitHub, GitLab and Backstage draw these; each face also says its number, for wikis without emoji fonts. */
const FACES: Record<number, string> = { [-2]: '😣', [-1]: '🙁', 0: '😐', 1: '🙂', 2: '😀' };

/** `−1 🙁`; a mean (−0.4) gets the face of its nearest whole emotion. */
export function formatEmotion(value: number | undefined): string {
  if (value === undefined) return '—';
  const face = FACES[Math.max(-2, Math.min(2, Math.round(value)))];
  const number = Number.isInteger(value) ? formatNumber(value) : formatNumber(Math.round(value * 10) / 10);
  return `${value > 0 ? '+' : ''}${number} ${face}`;
}

/** A value with its metric's unit: `55 %`, `640 s`, `16.4 days`; currency amounts have no unit to show. */
export function formatValue(value: number, metric: Pick<MetricDefinition, 'unit'> | undefined): string {
  const unit = metric?.unit;
  if (!unit || unit === 'currency') return formatNumber(value);
  return `${formatNumber(value)} ${escapeInline(unit)}`;
}

/** A KPI's gap to its target: `7 points` for a % metric (not `7 %`), else like formatValue. */
export function formatGap(gap: number, metric: Pick<MetricDefinition, 'unit'> | undefined): string {
  const unit = gapUnit(gap, metric?.unit);
  return unit ? `${formatNumber(gap)} ${escapeInline(unit)}` : formatNumber(gap);
}

export function directionWord(metric: Pick<MetricDefinition, 'direction'> | undefined): string {
  if (!metric) return '';
  return metric.direction === 'up' ? 'higher is better' : 'lower is better';
}

/** The status column of a KPI table: a mark and words, with the gap when off target. */
export function formatKpiStatus(status: KpiStatus, metric: Pick<MetricDefinition, 'unit' | 'range'> | undefined): string {
  switch (status.state) {
    case 'on-target':
      return '✔ on target';
    case 'off-target':
      return `✘ off target: ${formatGap(status.gap!, metric)} ${status.side} (${formatShare(status.relativeGap!)} of ${metric?.range ? 'range' : 'target'})`;
    case 'no-target':
      return 'no target';
    case 'no-actual':
      return 'no actual';
    case 'unknown-metric':
      return 'unknown metric';
  }
}

/** 0.04 -> `4 %`, 0.005 -> `0.5 %`. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${formatNumber(percent >= 10 ? Math.round(percent) : Math.round(percent * 10) / 10)} %`;
}

/** `2026-09-30 (53 days ago)`, `today`, or `in 3 days` for a date in the future. */
export function formatReview(reviewed: string | undefined, ageDays: number | undefined): string {
  if (!reviewed || ageDays === undefined) return 'never';
  if (ageDays === 0) return `${reviewed} (today)`;
  if (ageDays < 0) return `${reviewed} (in ${formatNumber(-ageDays)} day${ageDays === -1 ? '' : 's'})`;
  return `${reviewed} (${formatNumber(ageDays)} day${ageDays === 1 ? '' : 's'} ago)`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

export function stateLabel(state: 'current' | 'future'): string {
  return state === 'current' ? 'current (as-is)' : 'future (to-be)';
}
