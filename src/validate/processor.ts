import type { FileResult } from '../findings.js';
import { contextFromScope, type RunScope } from '../load/prepare.js';
import type { FileProcessor } from '../run/parallel.js';
import { analyzeFile } from './analyze.js';
import { toFileResult } from './index.js';

/** A validate run's work in a worker thread (src/run/worker.ts imports this module). */
export async function createProcessor(scope: RunScope): Promise<FileProcessor<FileResult>> {
  const context = await contextFromScope(scope, 'lazy');
  return { run: async (file) => toFileResult(await analyzeFile(file, context)), totals: () => ({}) };
}
