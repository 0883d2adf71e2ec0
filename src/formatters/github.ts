import type { Severity } from '../findings.js';
import type { Formatter } from './types.js';

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

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
