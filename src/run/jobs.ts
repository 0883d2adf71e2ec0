import type { Severity } from '../findings.js';
import type { CliRuleSetting } from '../lint/settings.js';
import type { Workspace } from '../load/workspace.js';
import type { FileResult } from '../validate/index.js';

/**
 * A validate or lint run described in plain data, so that a worker thread can
 * rebuild the same workspace, rule settings and "today" as the main thread.
 */
export interface RunJob {
  kind: 'validate' | 'lint';
  cwd: string;
  config: string | false | undefined;
  journeyIds: string[];
  lint?: {
    ruleSeverities?: readonly CliRuleSetting[];
    now: number;
    quiet?: boolean;
    reportUnusedDisableDirectives?: Severity | false;
  };
}

/** The part of a job every kind shares: where the run is and which journeys exist. */
export function runScope(workspace: Workspace, journeyIds: ReadonlySet<string>): Pick<RunJob, 'cwd' | 'config' | 'journeyIds'> {
  return { cwd: workspace.cwd, config: workspace.config.path ?? false, journeyIds: [...journeyIds] };
}

export interface FileProcessor {
  run(file: string): Promise<FileResult>;
  /** Totals beyond the per-file results, e.g. suppressed findings. */
  totals(): Record<string, number>;
}

/** Loads what any job needs, before the job is known. */
export async function preloadProcessor(): Promise<void> {
  await Promise.all([import('../load/workspace.js'), import('../validate/analyze.js'), import('../lint/engine.js'), import('../rules/index.js')]);
}

export async function createProcessor(job: RunJob): Promise<FileProcessor> {
  const { openWorkspace } = await import('../load/workspace.js');
  const { analyzeFile } = await import('../validate/analyze.js');
  const workspace = await openWorkspace({ cwd: job.cwd, config: job.config });
  const context = { workspace, journeyIds: new Set(job.journeyIds), positions: job.kind === 'lint' ? ('eager' as const) : ('lazy' as const) };
  if (job.kind === 'validate') {
    const { toFileResult } = await import('../validate/index.js');
    return { run: async (file) => toFileResult(await analyzeFile(file, context)), totals: () => ({}) };
  }
  const { FileLinter } = await import('../lint/engine.js');
  const { RULES } = await import('../rules/index.js');
  const { resolveRuleSettings } = await import('../lint/settings.js');
  const settings = resolveRuleSettings(RULES, workspace.config, job.lint?.ruleSeverities, workspace.cwd);
  const linter = new FileLinter(workspace, context, settings, RULES, { ...job.lint, now: new Date(job.lint?.now ?? Date.now()) });
  return { run: async (file) => linter.lint(await analyzeFile(file, context)), totals: () => ({ suppressed: linter.suppressedCount }) };
}
