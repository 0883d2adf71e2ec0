import { Chalk } from 'chalk';
import { countFindings, type Finding, type Severity } from '../findings.js';
import type { Formatter } from './types.js';

const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/** Human output, grouped by file, coloured by severity, with a summary line. */
export const stylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.colorLevel });
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  const all: Finding[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    all.push(...result.findings);
    lines.push(chalk.underline(result.file));
    const width = Math.max(...result.findings.map((f) => `${f.line}:${f.column}`.length));
    for (const finding of result.findings) {
      const where = `${finding.line}:${finding.column}`.padEnd(width);
      const severity = paint[finding.severity](LABEL[finding.severity].padEnd(7));
      lines.push(`  ${chalk.dim(where)}  ${severity}  ${oneLine(finding.message)}  ${chalk.dim(finding.ruleId)}`);
    }
    lines.push('');
  }
  const counts = countFindings(all);
  const checked = results.filter((result) => !result.ioError).length;
  const fileWord = `${checked} file${checked === 1 ? '' : 's'}`;
  if (all.length === 0) {
    lines.push(chalk.green(`✔ ${fileWord} checked, no problems`));
  } else {
    const total = all.length;
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}) in ${fileWord}`;
    lines.push(counts.errors > 0 ? chalk.red.bold(summary) : counts.warnings > 0 ? chalk.yellow.bold(summary) : chalk.blue(summary));
  }
  return `${lines.join('\n')}\n`;
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Findings are one line each in a terminal; user text may hold newlines. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}
