import { Chalk } from 'chalk';
import { countFindings, type Severity } from '../findings.js';
import type { Formatter } from './types.js';
import { printable } from '../util/printable.js';
import { plural } from '../util/words.js';

const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/**
 * Human output, grouped by file, coloured by severity, with a summary line.
 * Infos are counted in the summary but listed only with `verbose`: they never
 * fail a run, and a repository with nothing to fix should fit on one screen.
 */
export const stylish: Formatter = (results, context) => {
  const chalk = new Chalk({ level: context.colorLevel });
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warn: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const result of results) {
    const shown = context.verbose ? result.findings : result.findings.filter((finding) => finding.severity !== 'info');
    if (shown.length === 0) continue;
    lines.push(chalk.underline(printable(result.file)));
    // A loop, not Math.max(...): spreading a long list overflows the stack.
    let width = 0;
    for (const f of shown) width = Math.max(width, `${f.line}:${f.column}`.length);
    for (const finding of shown) {
      const where = `${finding.line}:${finding.column}`.padEnd(width);
      const severity = paint[finding.severity](LABEL[finding.severity].padEnd(7));
      lines.push(`  ${chalk.dim(where)}  ${severity}  ${oneLine(finding.message)}  ${chalk.dim(finding.ruleId)}`);
    }
    lines.push('');
  }
  const counts = countFindings(results.flatMap((result) => result.findings));
  const checked = results.filter((result) => !result.ioError).length;
  const fileWord = plural(checked, 'file');
  const infos = counts.infos === 0 ? '' : context.verbose ? `; ${plural(counts.infos, 'info')}` : `; ${plural(counts.infos, 'info')} (--verbose lists them)`;
  const problems = counts.errors + counts.warnings;
  if (problems === 0) {
    lines.push(chalk.green(`✔ ${fileWord} checked, no problems`) + chalk.blue(infos));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}) in ${fileWord}`;
    lines.push((counts.errors > 0 ? chalk.red.bold(summary) : chalk.yellow.bold(summary)) + chalk.blue(infos));
  }
  return `${lines.join('\n')}\n`;
};

/** Findings are one line each in a terminal; user text may hold newlines, and escapes that would reach the terminal. */
function oneLine(text: string): string {
  return printable(text.replace(/\r?\n/g, ' '));
}
