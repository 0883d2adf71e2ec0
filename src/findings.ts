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
