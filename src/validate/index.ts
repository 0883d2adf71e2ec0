import type { FileResult } from '../findings.js';
import { prepareRun, runScope, type PrepareOptions, type RunContext } from '../load/prepare.js';
import { withWorkerPool, type WorkerPool } from '../run/parallel.js';
import { analyzeFile, type AnalyzedFile } from './analyze.js';
import { withDataFiles } from '../data/findings.js';
import type { CacheOptions } from '../cache/run.js';

export interface ValidateOptions extends PrepareOptions {
  /** Worker threads for a run of enough files (default: CJM_WORKERS, else the idle cores (cores less the load average) less this thread, from 2,500 files a thread; 0: none). */
  workers?: number;
  /** Keep findings between runs and reuse those of unchanged files (`--cache`); off by default. */
  cache?: CacheOptions;
}

export interface RunResult {
  files: FileResult[];
  /** Why the cache could not be written, when it could not (the findings stand). */
  cacheError?: string;
}

/**
 * Reads, parses and validates files one at a time, in order. Reads are
 * synchronous (see readTextFileSync), so reading ahead would only hold more
 * parsed files in memory at once.
 */
export async function* analyzeFiles(files: readonly string[], context: RunContext): AsyncGenerator<AnalyzedFile> {
  for (const file of files) yield await analyzeFile(file, context);
}

/** The part of an analysed file a run keeps: small, whatever the file's size. */
export function toFileResult(analyzed: AnalyzedFile): FileResult {
  const findings = analyzed.data?.findings.length ? [...analyzed.findings, ...analyzed.data.findings] : analyzed.findings;
  return { file: analyzed.file, findings, ...(analyzed.ioError ? { ioError: analyzed.ioError } : {}) };
}

/** processor.ts as the bundle names it: dist/ is flat (scripts/build.mjs), so this URL holds from any chunk. */
const PROCESSOR = new URL('./validate-processor.js', import.meta.url);

/** Validates journey files: syntax, schema and references. The programmatic form of `cjm validate`. */
export async function validateFiles(patterns: readonly string[], options: ValidateOptions = {}): Promise<RunResult> {
  // A cached run checks only the files that changed, in this thread: most runs have few.
  const request = { processor: PROCESSOR, enabled: !options.cache, workers: options.workers === undefined ? undefined : { count: options.workers, asked: true } };
  return withWorkerPool(request, (pool) => validateWith(pool, patterns, options));
}

async function validateWith(pool: WorkerPool | undefined, patterns: readonly string[], options: ValidateOptions): Promise<RunResult> {
  const { files, context } = await prepareRun(patterns, options);
  if (options.cache) {
    const settings = { command: 'validate' as const, options: {}, data: options.data !== false, cache: options.cache, wholeWorkspace: patterns.length === 0, today: '' };
    // The cache's code loads only for a run that uses it.
    const { checkWithCache } = await import('../cache/run.js');
    const { results, cacheError } = await checkWithCache(files, context, settings, {
      check: (analyzed) => ({ result: toFileResult(analyzed), readsToday: false }),
      reuse: (entry, file) => ({ file, findings: entry.findings }),
    });
    return { files: withDataFiles(results, context.kpiData?.findings ?? []), ...(cacheError ? { cacheError } : {}) };
  }
  if (pool?.shares(files)) {
    const { results } = await pool.run(files, { options: runScope(context), runHere: async (file) => toFileResult(await analyzeFile(file, context)) });
    return { files: withDataFiles(results, context.kpiData?.findings ?? []) };
  }
  const results: FileResult[] = [];
  for await (const analyzed of analyzeFiles(files, context)) results.push(toFileResult(analyzed));
  return { files: withDataFiles(results, context.kpiData?.findings ?? []) };
}
