import { codeSpan, escapeInline, table } from '../markdown/escape.js';
import { ARROW, delta, describeChange, describeImprovement, signed, summaryLine, type Style } from './describe.js';
import type { Change, DiffReport, JourneyDiff, NumberDelta, Trend } from './types.js';

/** Past this many change lines a journey's list is folded in <details>, so the tables stay in view. */
const FOLD_AFTER = 15;

const TREND: Record<Trend, string> = { better: '🟢 better', worse: '🔴 worse' };

const STYLE: Style = {
  text: (value) => `"${escapeInline(value)}"`,
  bare: escapeInline,
  id: codeSpan,
  trend: (trend) => TREND[trend],
  added: (value) => value,
  removed: (value) => value,
};

/**
 * A pull-request comment: a one-line summary, then per journey the planned
 * improvement (as-is vs to-be), a table of emotion deltas, a table of KPI deltas
 * and the list of every change grouped by stage.
 */
export function formatMarkdown(report: DiffReport): string {
  const against = report.rev ? ` (against ${codeSpan(report.rev)})` : '';
  const blocks = [`**cjm diff${against}:** ${escapeInline(summaryLine(report))}`];
  for (const file of report.files) if (file.status !== 'unchanged') blocks.push(journeySection(file));
  return `${blocks.join('\n\n')}\n`;
}

function journeySection(file: JourneyDiff): string {
  const journey = file.new ?? file.old;
  const heading = `### ${journey ? escapeInline(journey.title) : codeSpan(file.newFile ?? file.oldFile ?? '')}`;
  const parts = [heading, fileLine(file)];
  if (file.status === 'added' || file.status === 'deleted') {
    const steps = file.stages.reduce((sum, stage) => sum + stage.steps.length, 0);
    parts.push(`Journey ${file.status}: ${file.stages.length} stages, ${steps} steps.`);
    return parts.join('\n\n');
  }
  if (file.improvement) parts.push(`**Planned improvement** (as-is ${ARROW} to-be): ${describeImprovement(file.improvement, STYLE).join(' · ')}`);
  const emotions = emotionTable(file);
  if (emotions) parts.push(emotions);
  const kpis = kpiTable(file);
  if (kpis) parts.push(kpis);
  parts.push(changeList(file));
  return parts.join('\n\n');
}

function fileLine(file: JourneyDiff): string {
  const oldFile = file.oldFile ? codeSpan(file.oldFile) : undefined;
  const newFile = file.newFile ? codeSpan(file.newFile) : undefined;
  if (file.status === 'added') return `${newFile} (added)`;
  if (file.status === 'deleted') return `${oldFile} (deleted)`;
  if (oldFile && newFile && file.oldFile !== file.newFile) return `${oldFile} ${ARROW} ${newFile}${file.status === 'renamed' ? ' (renamed)' : ''}`;
  return newFile ?? oldFile ?? '';
}

function emotionTable(file: JourneyDiff): string | undefined {
  const rows: string[][] = [];
  for (const stage of file.stages) {
    for (const step of stage.steps) {
      for (const change of step.changes) {
        if (change.kind !== 'emotion') continue;
        const who = change.persona ? ` (${codeSpan(change.persona)})` : '';
        rows.push([`${escapeInline(step.name)} ${codeSpan(step.id)}${who}`, codeSpan(stage.id), delta({ from: change.from, to: change.to }, STYLE, signed), trendCell(change)]);
      }
    }
  }
  if (rows.length === 0) return undefined;
  return table(['Step', 'Stage', 'Emotion', 'Trend'], rows);
}

function kpiTable(file: JourneyDiff): string | undefined {
  const rows: string[][] = [];
  for (const stage of file.stages) {
    if (stage.status !== 'kept') continue;
    for (const change of stage.changes) if (change.kind === 'kpi') rows.push(kpiRow(change, `stage ${codeSpan(stage.id)}`));
    for (const step of stage.steps) for (const change of step.changes) if (change.kind === 'kpi') rows.push(kpiRow(change, `step ${codeSpan(step.id)}`));
  }
  if (rows.length === 0) return undefined;
  return table(['KPI', 'On', 'Target', 'Actual'], rows);
}

function kpiRow(change: Extract<Change, { kind: 'kpi' }>, where: string): string[] {
  const unit = change.unit && change.unit !== 'currency' ? ` (${escapeInline(change.unit)})` : '';
  const label = `${codeSpan(change.metric)}${unit}${change.action === 'changed' ? '' : ` ${change.action}`}`;
  return [label, where, kpiCell(change.target), kpiCell(change.actual)];
}

function kpiCell(value: NumberDelta | undefined): string {
  if (!value) return '';
  return delta(value, STYLE);
}

function trendCell(value: NumberDelta): string {
  return value.trend ? TREND[value.trend] : '';
}

function changeList(file: JourneyDiff): string {
  const lines: string[] = [];
  if (file.journey.length) {
    lines.push('**Journey**');
    for (const change of file.journey) lines.push(`- ${describeChange(change, STYLE)}`);
  }
  for (const stage of file.stages) {
    const steps = stage.steps.filter((step) => step.status !== 'kept' || step.changes.length > 0);
    if (stage.status === 'kept' && stage.changes.length === 0 && steps.length === 0) continue;
    const status = stage.status === 'kept' ? '' : ` (${stage.status})`;
    lines.push('', `**Stage ${escapeInline(stage.name)}** ${codeSpan(stage.id)}${status}`);
    for (const change of stage.changes) lines.push(`- ${describeChange(change, STYLE)}`);
    for (const step of steps) {
      const name = `${codeSpan(step.id)} ${escapeInline(step.name)}`;
      if (step.status === 'kept' && step.changes.length === 1) {
        lines.push(`- ${name}: ${describeChange(step.changes[0], STYLE)}`);
        continue;
      }
      // An added or removed step lists the pains it brings or takes, which the summary counts.
      lines.push(step.status === 'kept' ? `- ${name}:` : `- ${step.status === 'added' ? '➕ added' : '➖ removed'}: ${name}`);
      for (const change of step.changes) lines.push(`  - ${describeChange(change, STYLE)}`);
    }
  }
  const body = lines.join('\n').replace(/^\n/, '');
  const count = lines.filter((line) => /^\s*- /.test(line)).length;
  if (count <= FOLD_AFTER) return body;
  return `<details><summary>All changes (${count})</summary>\n\n${body}\n\n</details>`;
}
