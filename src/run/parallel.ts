import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Spreads per-file work over worker threads, in file order. Parsing is over 90%
 * of a validate or lint run and every file is independent, so a second core
 * pays off on a large run (bench/results.md, Scaling). A worker needs about 150 ms to load its modules,
 * so the pool starts before discovery (the loading overlaps it) and is
 * dismissed when there turn out to be too few files to share.
 */
const MIN_FILES_PER_WORKER = 64;
const BATCH = 16;
/** worker.ts as the bundle names it: dist/ is flat (scripts/build.mjs). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * What a worker runs: a module exporting `createProcessor(options)`. The pool
 * knows nothing of validate or lint; a job names its processor module, as
 * piscina's `filename` does, and the worker imports it.
 */
export interface FileProcessor<Result = unknown> {
  run(file: string): Promise<Result>;
  /** Totals beyond the per-file results, e.g. suppressed findings. */
  totals(): Record<string, number>;
}

export type CreateProcessor<Options, Result> = (options: Options) => Promise<FileProcessor<Result>>;

interface ParallelTask<Result> {
  /** Serialisable options the processor module rebuilds its state from in each worker. */
  options: unknown;
  /** Processes one file in this thread. */
  runHere(file: string): Promise<Result>;
}

interface WorkerReply<Result> {
  ready?: boolean;
  results?: { index: number; result: Result }[];
  /** Totals a worker reports once, when it is done (e.g. suppressed findings). */
  done?: Record<string, number>;
  error?: string;
}

/** Worker threads to use: CJM_WORKERS=N (0: none), else one less than the cores, at most 3. */
export function workerCount(env: Record<string, string | undefined> = process.env): number {
  const setting = env.CJM_WORKERS;
  if (setting !== undefined && /^\d+$/.test(setting)) return Number(setting);
  return Math.min(availableParallelism() - 1, 3);
}

interface PoolRequest {
  /** The run's file patterns: a short list of files never starts a pool. */
  patterns: readonly string[];
  cwd: string;
  /** URL of the processor module (see FileProcessor), loaded by each worker as soon as it starts. */
  processor: URL;
  enabled: boolean;
  /** At most this many threads (default: workerCount()). */
  workers?: number;
}

/** Runs `run` with a pool started for the request (none when it is not worth it) and closes the pool after. */
export async function withWorkerPool<T>(request: PoolRequest, run: (pool: WorkerPool | undefined) => Promise<T>): Promise<T> {
  const pool = request.enabled ? WorkerPool.startFor(request) : undefined;
  try {
    return await run(pool);
  } finally {
    pool?.close();
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

export class WorkerPool {
  private constructor(private readonly workers: Worker[]) {}

  /**
   * Starts up to `workerCount()` threads for a run over `patterns`; undefined when
   * there is nothing to gain: a short list of files (a pre-commit hook, an
   * editor) never reaches MIN_FILES_PER_WORKER, and no built worker exists when
   * tests run the TypeScript sources.
   */
  static startFor({ patterns, cwd, processor, workers: limit }: PoolRequest): WorkerPool | undefined {
    if (patterns.length > 0 && patterns.length < MIN_FILES_PER_WORKER && patterns.every((pattern) => isFile(resolve(cwd, pattern)))) return undefined;
    const count = limit ?? workerCount();
    if (count <= 0 || !existsSync(fileURLToPath(WORKER_URL)) || !existsSync(fileURLToPath(processor))) return undefined;
    const workers = Array.from({ length: count }, () => new Worker(WORKER_URL, { workerData: { processor: processor.href } }));
    // An idle pool must not keep the process alive or lose an error.
    for (const worker of workers) {
      worker.unref();
      worker.on('error', () => undefined);
    }
    return new WorkerPool(workers);
  }

  /** How many of the pool's workers `fileCount` files justify. */
  sizeFor(fileCount: number): number {
    return Math.min(this.workers.length, Math.floor(fileCount / MIN_FILES_PER_WORKER));
  }

  /** Whether `files` are worth sharing: enough of them, and no stdin (`-` cannot be read again in a worker). */
  shares(files: readonly string[]): boolean {
    return this.sizeFor(files.length) > 0 && !files.includes('-');
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  /**
   * Runs `task` over `files` here and in the pool's threads, handing out batches
   * on request so a slow file does not hold up a whole share. Returns results in
   * file order and the workers' totals summed; closes the pool.
   */
  async run<Result>(files: readonly string[], task: ParallelTask<Result>): Promise<{ results: Result[]; totals: Record<string, number> }> {
    const used = this.workers.slice(0, this.sizeFor(files.length));
    for (const idle of this.workers.slice(used.length)) void idle.terminate();
    const results = new Array<Result>(files.length);
    const totals: Record<string, number> = {};
    let next = 0;
    const takeBatch = (): number[] => {
      const batch: number[] = [];
      while (batch.length < BATCH && next < files.length) batch.push(next++);
      return batch;
    };

    const drive = (worker: Worker): Promise<void> =>
      new Promise((resolve, reject) => {
        worker.ref();
        worker.removeAllListeners('error');
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with exit code ${code}`))));
        worker.on('message', (reply: WorkerReply<Result>) => {
          if (reply.error) return reject(new Error(reply.error));
          for (const { index, result } of reply.results ?? []) results[index] = result;
          if (reply.done) {
            for (const [key, value] of Object.entries(reply.done)) totals[key] = (totals[key] ?? 0) + value;
            return;
          }
          const batch = takeBatch();
          worker.postMessage(batch.length > 0 ? { batch: batch.map((index) => ({ index, file: files[index] })) } : { stop: true });
        });
        worker.postMessage({ options: task.options });
      });

    const runHere = async () => {
      for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
        for (const index of batch) results[index] = await task.runHere(files[index]);
        // Worker messages are macrotasks: let them in between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };

    await Promise.all([runHere(), ...used.map(drive)]);
    return { results, totals };
  }
}
