import type { Finding } from '../findings.js';
import { readStdin } from '../load/stdin.js';
import { indexJourneyIds, openWorkspace, resolveTargets, topLevelJourneyId, workspaceFiles, type Workspace, type WorkspaceOptions } from '../load/workspace.js';
import { analyzeFile, type AnalyzeContext, type AnalyzedFile } from './analyze.js';
import { withWorkerPool, type WorkerPool } from '../run/parallel.js';
import { runScope, type RunJob } from '../run/jobs.js';

export interface ValidateOptions extends WorkspaceOptions {
  stdinFilename?: string;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read (exit code 2). */
  ioError?: string;
}

export interface RunResult {
  files: FileResult[];
}

/**
 * Prepares a run: the workspace, the files to check and the journey ids they may
 * refer to (the config's include set when there is a config, else the run's files).
 */
export async function prepareRun(patterns: readonly string[], options: ValidateOptions): Promise<{ workspace: Workspace; files: string[]; context: AnalyzeContext }> {
  const workspace = await openWorkspace(options);
  const files = await resolveTargets(workspace, patterns);
  const idSources = workspace.config.path ? [...new Set([...(await workspaceFiles(workspace)), ...files])] : files;
  const journeyIds = new Set((await indexJourneyIds(workspace, idSources)).keys());
  const context: AnalyzeContext = { workspace, journeyIds, stdinFilename: options.stdinFilename };
  if (files.includes('-')) context.stdinText = await readStdin(workspace.limits.maxFileSize);
  const stdinId = context.stdinText?.ok ? topLevelJourneyId(context.stdinText.text) : undefined;
  if (stdinId) journeyIds.add(stdinId);
  return { workspace, files, context };
}

/**
 * Reads, parses and validates files one at a time, in order. Reads are
 * synchronous (see readTextFileSync), so reading ahead would only hold more
 * parsed files in memory at once.
 */
export async function* analyzeFiles(files: readonly string[], context: AnalyzeContext): AsyncGenerator<AnalyzedFile> {
  for (const file of files) yield await analyzeFile(file, context);
}

/** The part of an analysed file a run keeps: small, whatever the file's size. */
export function toFileResult(analyzed: AnalyzedFile): FileResult {
  return { file: analyzed.file, findings: analyzed.findings, ...(analyzed.ioError ? { ioError: analyzed.ioError } : {}) };
}

/** Validates journey files: syntax, schema and references. The programmatic form of `cjm validate`. */
export async function validateFiles(patterns: readonly string[], options: ValidateOptions = {}): Promise<RunResult> {
  return withWorkerPool(patterns, options.cwd ?? process.cwd(), true, (pool) => validateWith(pool, patterns, options));
}

async function validateWith(pool: WorkerPool | undefined, patterns: readonly string[], options: ValidateOptions): Promise<RunResult> {
  const { workspace, files, context } = await prepareRun(patterns, options);
  if (pool?.shares(files)) {
    const job: RunJob = { kind: 'validate', ...runScope(workspace, context.journeyIds) };
    const { results } = await pool.run(files, { job, runHere: async (file) => toFileResult(await analyzeFile(file, context)) });
    return { files: results };
  }
  const results: FileResult[] = [];
  for await (const analyzed of analyzeFiles(files, context)) results.push(toFileResult(analyzed));
  return { files: results };
}
