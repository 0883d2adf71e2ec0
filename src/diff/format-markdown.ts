import { ARROW, delta, describeChange, describeImprovement, signed, summaryLine, type Style } from './describe.js';
import type { Change, DiffReport, JourneyDiff, NumberDelta, Trend } from './types.js';

/** Past this many change lines a journey's list is folded in <details>, so the tables stay in view. */
const FOLD_AFTER = 15;

const TREND: Record<Trend, string> = { better: '🟢 better', worse: '🔴 worse' };

const STYLE: Style = {
  text: (value) => `"${escapeMarkdown(value)}"`,
  id: (value) => code(value),
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
  const against = report.rev ? ` (against ${code(report.rev)})` : '';
  const blocks = [`**cjm diff${against}:** ${escapeMarkdown(summaryLine(report))}`];
  for (const file of report.files) if (file.status !== 'unchanged') blocks.push(journeySection(file));
  return `${blocks.join('\n\n')}\n`;
}

function journeySection(file: JourneyDiff): string {
  const journey = file.new ?? file.old;
  const heading = `### ${journey ? escapeMarkdown(journey.title) : code(file.newFile ?? file.oldFile ?? '')}`;
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
  const oldFile = file.oldFile ? code(file.oldFile) : undefined;
  const newFile = file.newFile ? code(file.newFile) : undefined;
  if (file.status === 'added') return `${newFile} (added)`;
  if (file.status === 'deleted') return `${oldFile} (deleted)`;
  if (oldFile && newFile && file.oldFile !== file.newFile) return `${oldFile} ${ARROW} ${newFile}${file.status === 'renamed' ? ' (renamed)' : ''}`;
  return newFile ?? oldFile ?? '';
}

function emotionTable(file: JourneyDiff): string | undefined {
  const rows: string[] = [];
  for (const stage of file.stages) {
    for (const step of stage.steps) {
      for (const change of step.changes) {
        if (change.kind !== 'emotion') continue;
        rows.push(row([`${escapeMarkdown(step.name)} ${code(step.id)}`, code(stage.id), delta({ from: change.from, to: change.to }, STYLE, signed), trendCell(change)]));
      }
    }
  }
  if (rows.length === 0) return undefined;
  return [row(['Step', 'Stage', 'Emotion', 'Trend']), row(['---', '---', '---', '---']), ...rows].join('\n');
}

function kpiTable(file: JourneyDiff): string | undefined {
  const rows: string[] = [];
  for (const stage of file.stages) {
    if (stage.status !== 'kept') continue;
    for (const change of stage.changes) if (change.kind === 'kpi') rows.push(kpiRow(change, `stage ${code(stage.id)}`));
    for (const step of stage.steps) for (const change of step.changes) if (change.kind === 'kpi') rows.push(kpiRow(change, `step ${code(step.id)}`));
  }
  if (rows.length === 0) return undefined;
  return [row(['KPI', 'On', 'Target', 'Actual']), row(['---', '---', '---', '---']), ...rows].join('\n');
}

function kpiRow(change: Extract<Change, { kind: 'kpi' }>, where: string): string {
  const unit = change.unit && change.unit !== 'currency' ? ` (${escapeMarkdown(change.unit)})` : '';
  const label = `${code(change.metric)}${unit}${change.action === 'changed' ? '' : ` ${change.action}`}`;
  return row([label, where, kpiCell(change.target), kpiCell(change.actual)]);
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
    lines.push('', `**Stage ${escapeMarkdown(stage.name)}** ${code(stage.id)}${status}`);
    for (const change of stage.changes) lines.push(`- ${describeChange(change, STYLE)}`);
    for (const step of steps) {
      const name = `${code(step.id)} ${escapeMarkdown(step.name)}`;
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

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * User text made inert inside a line of markdown: no emphasis, links, HTML,
 * table breaks, @mentions or #references, one line (a newline would end a table
 * row or a list item). Line-start syntax (lists, headings) cannot occur: user
 * text never starts a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_[\]|~@#]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A code span that survives backticks in its content. */
export function code(value: string): string {
  const clean = value.replace(/\s*\r?\n\s*/g, ' ');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  // A `|` ends a table cell even inside a code span on GitHub.
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}
