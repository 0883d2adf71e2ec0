import type { FileResult } from '../findings.js';
import { contextFromScope } from '../load/prepare.js';
import type { FileProcessor } from '../run/parallel.js';
import { RULES } from '../rules/index.js';
import { analyzeFile } from '../validate/analyze.js';
import { FileLinter, type LintJob } from './engine.js';
import { resolveRuleSettings } from './settings.js';

/** A lint run's work in a worker thread (src/run/worker.ts imports this module). */
export async function createProcessor(job: LintJob): Promise<FileProcessor<FileResult>> {
  const context = await contextFromScope(job.scope, 'eager');
  const settings = await resolveRuleSettings(RULES, context.workspace.config, job.ruleSeverities, context.workspace.cwd);
  const linter = new FileLinter(context.workspace, context, settings, RULES, { ...job, now: new Date(job.now) });
  return { run: async (file) => linter.lint(await analyzeFile(file, context)), totals: () => ({ suppressed: linter.suppressedCount }) };
}
