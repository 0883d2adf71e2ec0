import { journeySchema } from '../schema/journey.js';
import type { RunContext } from '../load/prepare.js';
import { completeAnalysis, reportAt, type AnalyzedFile, type CheckedText } from './check.js';
import { findRefusedIds } from './references.js';
import { salvage } from './salvage.js';
import { describeZodIssues } from './zod-issues.js';

/**
 * A file the compiled schema check refused: Zod says what is wrong, in the
 * words of docs/validation.md, and references are still checked on every part
 * that has the right shape, so that a schema error does not hide them until it
 * is fixed. Zod loads only for such a file.
 */
export function explainRejected({ result, rejected }: CheckedText, context: RunContext): AnalyzedFile {
  if (!rejected) return result;
  const { data, source } = rejected;
  const parsed = journeySchema.safeParse(data);
  // Zod's word is final, should it ever accept what the compiled check refused.
  if (parsed.success) {
    result.journey = parsed.data;
    return completeAnalysis(result, source, parsed.data, context);
  }
  for (const problem of describeZodIssues(parsed.error.issues, data, journeySchema)) reportAt(result, source, problem.path, problem.target, 'schema', problem.message);
  const journey = salvage(journeySchema, data) ?? {};
  return completeAnalysis(result, source, journey, context, findRefusedIds(data, journey));
}
