import { resolve } from 'node:path';
import { journeySchema, type Journey } from '../schema/journey.js';
import type { DataPath, Finding, Severity } from '../findings.js';
import { compareFindings, detachText, findingAtStart, limitFindings } from '../findings.js';
import { catalogForJourney } from '../load/catalog.js';
import { parseYaml, type ParsedSource } from '../load/parse.js';
import { decode, ReadError, readTextFile, type ReadResult } from '../load/read.js';
import type { RunContext } from '../load/prepare.js';
import { checkReferences, findRefusedIds } from './references.js';
import { salvage } from './salvage.js';
import { applyKpiData, type JourneyData } from '../data/match.js';
import { describeZodIssues } from './zod-issues.js';

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

export async function analyzeFile(file: string, context: RunContext): Promise<AnalyzedFile> {
  if (file === '-') {
    const name = context.stdinFilename ?? '<stdin>';
    return analyzeRead(name, context.stdinText ?? decode(new Uint8Array()), context);
  }
  try {
    return analyzeRead(file, await readTextFile(resolve(context.workspace.cwd, file), context.workspace.limits), context);
  } catch (error) {
    if (error instanceof ReadError) return { file, ioError: error.message, findings: [] };
    throw error;
  }
}

function analyzeRead(file: string, read: ReadResult, context: RunContext): AnalyzedFile {
  if (!read.ok) return { file, findings: [findingAtStart(file, read.code, read.message)] };
  return analyzeText(file, read.text, context);
}

/** Parses and validates journey text: syntax, then schema and references; findings within limits.maxFindings. */
export function analyzeText(file: string, text: string, context: RunContext): AnalyzedFile {
  const result = checkText(file, text, context);
  result.findings = limitFindings(result.findings.sort(compareFindings), context.workspace.limits.maxFindings);
  return result;
}

function checkText(file: string, text: string, context: RunContext): AnalyzedFile {
  const source = parseYaml(text, context.workspace.limits, context.positions);
  const findings: Finding[] = source.problems.map(({ code, ...problem }) => ({ file, ruleId: code, ...problem }));
  const result: AnalyzedFile = { file, text, source, findings };
  if (source.data === undefined) return result;

  const at = (path: DataPath, target: 'key' | 'value', ruleId: string, message: string, severity: Severity = 'error') =>
    findings.push({ file, ruleId, severity, message: detachText(message), ...source.positions().locate(path, target) });

  if (!looksLikeJourney(source.data)) {
    at([], 'value', 'not-a-journey', 'this YAML is not a cjm journey: a journey file starts with `cjm: 1`, `id`, `title` and `stages`');
    return result;
  }
  const parsed = journeySchema.safeParse(source.data);
  if (parsed.success) result.journey = parsed.data;
  else for (const problem of describeZodIssues(parsed.error.issues, source.data, journeySchema)) at(problem.path, problem.target, 'schema', problem.message);
  // References are checked on every part that has the right shape, so that a
  // schema error does not hide them until it is fixed.
  const journey = parsed.success ? parsed.data : (salvage(journeySchema, source.data) ?? {});
  const refused = parsed.success ? undefined : findRefusedIds(source.data, journey);
  const references = { catalog: context.workspace.catalog, journeyIds: context.journeyIds };
  for (const problem of checkReferences(journey, references, refused)) at(problem.path, problem.target ?? 'value', problem.code, problem.message);
  if (parsed.success && context.kpiData) Object.assign(result, applyKpiData(parsed.data, context.kpiData, catalogForJourney(context.workspace.catalog, parsed.data)));
  return result;
}

/** A mapping with none of the journey's top-level keys is some other YAML file, not a broken journey. */
function looksLikeJourney(data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  return ['cjm', 'stages', 'title'].some((key) => key in data);
}
