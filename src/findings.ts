/** The one finding type, shared by validation, lint and every formatter. Positions are 1-based. */

export type Severity = 'error' | 'warn' | 'info';

export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Position {
  /** Path as given on the command line or found by discovery, relative to the working directory. */
  file: string;
  /** A lint rule id, or a validation code such as `schema` or `yaml-syntax`. */
  ruleId: string;
  severity: Severity;
  message: string;
}

/** The findings of one file of a run, or why it could not be read. */
export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read (exit code 2). */
  ioError?: string;
}

/** A finding about a whole file (it cannot be read, decoded, or checked), placed at line 1, column 1. */
export function findingAtStart(file: string, ruleId: string, message: string, severity: Severity = 'error'): Finding {
  return { file, ruleId, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * A copy of `text` that does not keep the source file alive. Parsers hand out
 * values as slices of the whole file text, and a message that quotes a step
 * name would hold the file in memory for the rest of the run: with thousands of
 * files, memory would grow with the corpus instead of the largest file.
 */
export function detachText(text: string): string {
  return structuredClone(text);
}

/** A data path into a journey: keys and array indexes, e.g. ['stages', 0, 'owner']. */
export type DataPath = readonly (string | number)[];

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** The rule id of the finding that stands for those left out by limitFindings. */
export const TOO_MANY_FINDINGS = 'too-many-findings';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/**
 * The first `max` findings of a file (sorted), then one finding that counts
 * the rest, at the first one left out and as severe as the worst of them (so
 * the exit code does not change). 125,000 findings in one file once made a
 * 113 MB SARIF file and overflowed the stack of the stylish report; nobody
 * reads past the first screens, and fixing those usually fixes the rest.
 */
export function limitFindings(findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  const omitted = findings.slice(max);
  let worst: Severity = 'info';
  for (const finding of omitted) if (SEVERITY_RANK[finding.severity] > SEVERITY_RANK[worst]) worst = finding.severity;
  const counts = countFindings(omitted);
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), plural(counts.infos, 'info')].filter((part) => !part.startsWith('0 '));
  const first = omitted[0];
  const summary: Finding = {
    ...first,
    ruleId: TOO_MANY_FINDINGS,
    severity: worst,
    message: `${omitted.length.toLocaleString('en')} more findings in this file are not listed (${parts.join(', ')}): fix the ones above first (limits.maxFindings is ${max.toLocaleString('en')})`,
  };
  return [...findings.slice(0, max), summary];
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: Iterable<Finding>): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warn') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Formats a data path the way people read it: stages[0].steps[2].emotion */
export function formatDataPath(path: DataPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out || '(document)';
}
