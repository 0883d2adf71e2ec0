import type { RunContext } from '../load/prepare.js';
import { checkText, finished, type AnalyzedFile } from './check.js';
import { explainRejected } from './explain.js';

/**
 * Parses and validates journey text: syntax, then schema and references, in
 * one synchronous call (the programmatic API, cjm data sync, a side of a diff
 * at a revision). Zod loads with this module; the CLI's file path,
 * analyzeFile, loads it only for a file that breaks the schema.
 */
export function analyzeText(file: string, text: string, context: RunContext): AnalyzedFile {
  return finished(explainRejected(checkText(file, text, context), context), context);
}
