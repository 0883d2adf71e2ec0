import type { Journey } from '../schema/journey.js';
import type { DataPath, Finding, Severity } from '../findings.js';
import { compareFindings, detachText, limitFindings } from '../findings.js';
import { catalogForJourney } from '../load/catalog.js';
import { parseYaml, type ParsedSource } from '../load/parse.js';
import type { RunContext } from '../load/prepare.js';
import { isJourney } from '../schema/journey-validator.generated.js';
import { checkReferences, type PartialJourney, type RefusedIds } from './references.js';
import { applyKpiData, type JourneyData } from '../data/match.js';

/** One journey file after reading, parsing and validation. */
export interface AnalyzedFile {
  /** Path as shown to the user (relative to the working directory, or the stdin name). */
  file: string;
  /** Set when the file could not be read at all (missing, a directory, a pipe): exit code 2. */
  ioError?: string;
  text?: string;
  source?: ParsedSource;
  /** The journey, when the file passed the schema (reference problems may remain: see `findings`), with its KPI data merged in. */
  journey?: Journey;
  findings: Finding[];
  /** What the run's KPI data says about this journey: unmatched rows, bad values (findings in data files). */
  data?: JourneyData;
}

/** A file after the checks every file takes; `rejected` when the compiled schema check refused its data. */
export interface CheckedText {
  result: AnalyzedFile;
  /** The parsed data the compiled check refused: Zod explains why (src/validate/explain.ts). */
  rejected?: { data: unknown; source: ParsedSource };
}

/**
 * Parses journey text and checks it with the validator compiled from the JSON
 * Schema (src/schema/journey-validator.generated.js): a file it accepts is analysed
 * to the end here (references, KPI data) without loading Zod; a file it
 * refuses comes back `rejected`, for Zod to explain. The two agree on every
 * document (test/schema/validators.test.ts), so a file's findings never depend
 * on which path it took.
 */
export function checkText(file: string, text: string, context: RunContext): CheckedText {
  const source = parseYaml(text, context.workspace.limits, context.positions);
  const findings: Finding[] = source.problems.map(({ code, ...problem }) => ({ file, ruleId: code, ...problem }));
  const result: AnalyzedFile = { file, text, source, findings };
  if (source.data === undefined) return { result };
  if (!looksLikeJourney(source.data)) {
    reportAt(result, source, [], 'value', 'not-a-journey', 'this YAML is not a cjm journey: a journey file starts with `cjm: 1`, `id`, `title` and `stages`');
    return { result };
  }
  // The compiled check fills in defaults (state: current) as Zod would.
  if (!isJourney(source.data)) return { result, rejected: { data: source.data, source } };
  result.journey = source.data as Journey;
  return { result: completeAnalysis(result, source, result.journey, context) };
}

/**
 * References on every part of the journey that has the right shape (all of it
 * when the schema accepted it), then the run's KPI data on a valid journey.
 */
export function completeAnalysis(result: AnalyzedFile, source: ParsedSource, journey: PartialJourney, context: RunContext, refused?: RefusedIds): AnalyzedFile {
  const references = { catalog: context.workspace.catalog, journeyIds: context.journeyIds };
  for (const problem of checkReferences(journey, references, refused)) reportAt(result, source, problem.path, problem.target ?? 'value', problem.code, problem.message);
  if (result.journey && context.kpiData) Object.assign(result, applyKpiData(result.journey, context.kpiData, catalogForJourney(context.workspace.catalog, result.journey)));
  return result;
}

/** The findings of a file in order, within limits.maxFindings (past it one finding says how many more). */
export function finished(result: AnalyzedFile, context: RunContext): AnalyzedFile {
  result.findings = limitFindings(result.findings.sort(compareFindings), context.workspace.limits.maxFindings);
  return result;
}

export function reportAt(result: AnalyzedFile, source: ParsedSource, path: DataPath, target: 'key' | 'value', ruleId: string, message: string, severity: Severity = 'error'): void {
  result.findings.push({ file: result.file, ruleId, severity, message: detachText(message), ...source.positions().locate(path, target) });
}

/** A mapping with none of the journey's top-level keys is some other YAML file, not a broken journey. */
function looksLikeJourney(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  return ['cjm', 'stages', 'title'].some((key) => key in data);
}
