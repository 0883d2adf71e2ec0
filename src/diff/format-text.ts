import { Chalk } from 'chalk';
import { plural } from '../util/words.js';
import { ARROW, describeChange, describeImprovement, summaryLine, type Style } from './describe.js';
import { printable } from '../util/printable.js';
import type { DiffReport, JourneyDiff, StageDiff } from './types.js';

interface TextOptions {
  /** 0 for none (pipes, NO_COLOR), up to 3 for truecolor: see colorLevelFor. */
  colorLevel: 0 | 1 | 2 | 3;
}

/** Terminal output: per file, the journey's own changes, then one block per stage, each change on a line of its own. */
export function formatText(report: DiffReport, options: TextOptions): string {
  const chalk = new Chalk({ level: options.colorLevel });
  const style: Style = {
    text: (value) => `"${oneLine(value)}"`,
    bare: oneLine,
    id: (value) => value,
    trend: (trend) => (trend === 'better' ? chalk.green(trend) : chalk.red(trend)),
    added: (value) => chalk.green(value),
    removed: (value) => chalk.red(value),
  };
  const lines: string[] = [];
  // Unchanged files only count in the summary: a workspace run lists hundreds.
  for (const file of report.files) if (file.status !== 'unchanged') lines.push(...fileBlock(file, style, chalk), '');
  lines.push(chalk.bold(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}

function fileBlock(file: JourneyDiff, style: Style, chalk: InstanceType<typeof Chalk>): string[] {
  const lines = [chalk.bold.underline(printable(fileTitle(file)))];
  if (file.status === 'added' || file.status === 'deleted') {
    const journey = file.new ?? file.old!;
    const stages = file.stages.length;
    const steps = file.stages.reduce((sum, stage) => sum + stage.steps.length, 0);
    const line = `  ${file.status}: ${style.text(journey.title)} (${journey.id}), ${plural(stages, 'stage')}, ${plural(steps, 'step')}`;
    lines.push(file.status === 'added' ? chalk.green(line) : chalk.red(line));
    return lines;
  }
  for (const change of file.journey) lines.push(`  journey: ${describeChange(change, style)}`);
  for (const stage of file.stages) lines.push(...stageBlock(stage, style, chalk));
  if (file.improvement) {
    lines.push('', chalk.bold('  Planned improvement (as-is → to-be)'));
    for (const phrase of describeImprovement(file.improvement, style)) lines.push(`    ${phrase}`);
  }
  return lines;
}

function fileTitle(file: JourneyDiff): string {
  const renamed = file.oldFile !== undefined && file.newFile !== undefined && file.oldFile !== file.newFile;
  if (file.status === 'added') return `${file.newFile} (added)`;
  if (file.status === 'deleted') return `${file.oldFile} (deleted)`;
  if (file.status === 'renamed') return `${file.oldFile} ${ARROW} ${file.newFile} (renamed)`;
  return renamed ? `${file.oldFile} ${ARROW} ${file.newFile}` : (file.newFile ?? file.oldFile ?? '');
}

function stageBlock(stage: StageDiff, style: Style, chalk: InstanceType<typeof Chalk>): string[] {
  const title = `stage ${stage.id} ${style.text(stage.name)}`;
  const steps = stage.steps.filter((step) => step.status !== 'kept' || step.changes.length > 0);
  if (stage.status === 'kept' && stage.changes.length === 0 && steps.length === 0) return [];
  const lines: string[] = [];
  if (stage.status === 'added') lines.push(chalk.green(`  + ${title} added`));
  else if (stage.status === 'removed') lines.push(chalk.red(`  - ${title} removed`));
  else lines.push(`  ${chalk.bold(title)}`);
  for (const change of stage.changes) lines.push(`    ${describeChange(change, style)}`);
  for (const step of steps) {
    if (step.status === 'added') lines.push(chalk.green(`    + ${step.id} ${style.text(step.name)} added`));
    else if (step.status === 'removed') lines.push(chalk.red(`    - ${step.id} ${style.text(step.name)} removed`));
    for (const change of step.changes) lines.push(`    ${chalk.cyan(step.id)}: ${describeChange(change, style)}`);
  }
  return lines;
}

/** A change is one line in a terminal; names and pains may hold newlines. */
function oneLine(text: string): string {
  return printable(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}
