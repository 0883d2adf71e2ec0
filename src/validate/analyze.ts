import { resolve } from 'node:path';
import { findingAtStart } from '../findings.js';
import { decode, ReadError, readTextFile, type ReadResult } from '../load/read.js';
import type { RunContext } from '../load/prepare.js';
import { checkText, finished, type AnalyzedFile } from './check.js';

export type { AnalyzedFile } from './check.js';

/** Reads, parses and validates one journey file (`-`: the run's stdin). */
export async function analyzeFile(file: string, context: RunContext): Promise<AnalyzedFile> {
  if (file === '-') {
    const name = context.stdinFilename ?? '<stdin>';
    return analyzeRead(name, context.stdinText ?? decode(new Uint8Array()), context);
  }
  try {
    return await analyzeRead(file, await readTextFile(resolve(context.workspace.cwd, file), context.workspace.limits), context);
  } catch (error) {
    if (error instanceof ReadError) return { file, ioError: error.message, findings: [] };
    throw error;
  }
}

/** Analyses what reading a file gave: a file that cannot be decoded is one finding. */
export async function analyzeRead(file: string, read: ReadResult, context: RunContext): Promise<AnalyzedFile> {
  if (!read.ok) return { file, findings: [findingAtStart(file, read.code, read.message)] };
  const checked = checkText(file, read.text, context);
  if (!checked.rejected) return finished(checked.result, context);
  // Zod and the messages behind it load only for a file that breaks the schema.
  const { explainRejected } = await import('./explain.js');
  return finished(explainRejected(checked, context), context);
}
