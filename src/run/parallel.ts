import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';

/**
 * Spreads per-file work over worker threads, in file order. Every file is
 * independent, but a worker costs about 150 ms of CPU to load its modules and
 * rebuild the run's context, and on this project's 2-core bench machine one
 * extra thread gave no wall-time gain at 1,000 files for 25-33% more CPU
 * (bench/results.md, Speed). So the threads start only once discovery has
 * counted the files, and only when each would get MIN_FILES_PER_WORKER of
 * them; a smaller run never pays for them.
 */
const MIN_FILES_PER_WORKER = 2500;
/** When CJM_WORKERS asks for threads, they are used from this many files a thread (the tests share 150 files). */
const MIN_FILES_PER_ASKED_WORKER = 64;
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

/**
 * Worker threads to use: CJM_WORKERS=N (0: none; `asked`), else the cores
 * nobody else is using, less this thread's, at most 3. A thread gains only on
 * an idle core: on the shared 2-core bench machine under a load average of 5,
 * one thread cost 21% more CPU at 5,000 files for no wall time
 * (bench/results.md, Speed), so a busy machine gets none.
 */
export function workerCount(env: Record<string, string | undefined> = process.env): { count: number; asked: boolean } {
  const setting = env.CJM_WORKERS;
  if (setting !== undefined && /^\d+$/.test(setting)) return { count: Number(setting), asked: true };
  // Cores nobody else is using, rounded: an idle 2-core machine (load 0.2) has two, this thread's and one more.
  const idle = Math.round(availableParallelism() - loadavg()[0]);
  return { count: Math.max(0, Math.min(idle - 1, 3)), asked: false };
}

interface PoolRequest {
  /** URL of the processor module (see FileProcessor), loaded by each worker as soon as it starts. */
  processor: URL;
  enabled: boolean;
  /** At most this many threads (default: workerCount()); `asked` lowers the number of files that justify them. */
  workers?: { count: number; asked: boolean };
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

export class WorkerPool {
  private readonly workers: Worker[] = [];

  /** Threads start in run(), when the run's files are known to be worth them. */
  private constructor(
    private readonly size: number,
    private readonly minFilesPerWorker: number,
    private readonly processor: URL,
  ) {}

  /**
   * A pool of up to `workerCount()` threads, started by run() when the run has
   * enough files; undefined when there can be none: no threads allowed, or no
   * built worker (tests run the TypeScript sources).
   */
  static startFor({ processor, workers = workerCount() }: PoolRequest): WorkerPool | undefined {
    if (workers.count <= 0 || !existsSync(fileURLToPath(WORKER_URL)) || !existsSync(fileURLToPath(processor))) return undefined;
    return new WorkerPool(workers.count, workers.asked ? MIN_FILES_PER_ASKED_WORKER : MIN_FILES_PER_WORKER, processor);
  }

  /** How many of the pool's workers `fileCount` files justify. */
  sizeFor(fileCount: number): number {
    return Math.min(this.size, Math.floor(fileCount / this.minFilesPerWorker));
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
   * file order and the workers' totals summed (withWorkerPool closes the pool).
   */
  async run<Result>(files: readonly string[], task: ParallelTask<Result>): Promise<{ results: Result[]; totals: Record<string, number> }> {
    // node:worker_threads loads only for a run that starts threads (about 3 ms of every other run's start-up).
    const { Worker } = await import('node:worker_threads');
    const used = Array.from({ length: this.sizeFor(files.length) }, () => new Worker(WORKER_URL, { workerData: { processor: this.processor.href } }));
    this.workers.push(...used);
    const results = new Array<Result>(files.length);
    const totals: Record<string, number> = {};
    let next = 0;
    // Files a failed worker had in hand: processed again, here if need be, so that no file and no error is lost.
    const retry: number[] = [];
    const takeBatch = (): number[] => {
      if (retry.length > 0) return retry.splice(0, BATCH);
      const batch: number[] = [];
      while (batch.length < BATCH && next < files.length) batch.push(next++);
      return batch;
    };

    /**
     * A worker that fails (an error, a crash, a processor that throws) is
     * stopped and every file it had goes back to the queue (its totals come
     * only when it is done, so even the finished ones): the main thread
     * processes them, and a file's error is raised there, as in a run without workers.
     */
    const drive = (worker: Worker): Promise<void> =>
      new Promise((resolve) => {
        const taken: number[] = [];
        let done = false;
        // Until its totals arrive, a worker that stops for any reason (an exit code 0 too) failed;
        // after them, its work is complete and counted once.
        const fail = () => {
          if (done) return resolve();
          retry.push(...taken.splice(0));
          worker.removeAllListeners('message');
          void worker.terminate();
          resolve();
        };
        worker.on('error', fail);
        worker.on('exit', fail);
        worker.on('message', (reply: WorkerReply<Result>) => {
          if (reply.error) return fail();
          for (const { index, result } of reply.results ?? []) results[index] = result;
          if (reply.done) {
            done = true;
            for (const [key, value] of Object.entries(reply.done)) totals[key] = (totals[key] ?? 0) + value;
            return;
          }
          const batch = takeBatch();
          taken.push(...batch);
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
    // What workers that failed late left behind.
    await runHere();
    return { results, totals };
  }
}
