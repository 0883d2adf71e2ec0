import type { Severity } from '../findings.js';
import type { Formatter } from './types.js';
import { printable } from '../util/printable.js';

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * GitHub shows only 10 annotations of each kind per step, so the CLI prints the
 * stylish report after these. Escaping is @actions/core's (toCommandValue /
 * escapeData / escapeProperty): a stray `%` or newline would otherwise end or
 * corrupt the command, and `:` or `,` in a property would split it.
 */
export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    if (result.ioError) lines.push(`::error ${properties({ file: result.file, title: 'cjm: cannot read file' })}::${escapeData(result.ioError)}`);
    for (const finding of result.findings) {
      const props = properties({
        file: finding.file,
        line: finding.line,
        col: finding.column,
        endLine: finding.endLine,
        endColumn: finding.endColumn,
        title: `cjm ${finding.ruleId}`,
      });
      lines.push(`::${COMMAND[finding.severity]} ${props}::${escapeData(finding.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function properties(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
}

/** A message: control characters shown as escapes first (an ANSI escape would reach the log as it is), then @actions/core's escapeData. */
export function escapeData(text: string): string {
  // Line breaks are kept for coreEscapeData (%0A): an annotation may be several lines.
  return coreEscapeData(text.split(/(\r\n|\r|\n)/).map((part, index) => (index % 2 === 1 ? part : printable(part))).join(''));
}

/** A property (file=, title=): exactly @actions/core's escapeProperty, so that `file=` still names the real file. */
export function escapeProperty(text: string): string {
  return coreEscapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function coreEscapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
