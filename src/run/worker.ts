import { parentPort } from 'node:worker_threads';
import { createProcessor, preloadProcessor, type FileProcessor, type RunJob } from './jobs.js';

/**
 * A worker thread of WorkerPool: loads its modules at once (while the main
 * thread discovers files), then takes a job and answers batches of files.
 */
const port = parentPort!;
const preloaded = preloadProcessor();
let processor: Promise<FileProcessor> | undefined;

port.on('message', async (message: { job?: RunJob; batch?: { index: number; file: string }[]; stop?: boolean }) => {
  try {
    if (message.job) {
      await preloaded;
      processor = createProcessor(message.job);
      await processor;
      port.postMessage({ ready: true });
    } else if (message.stop) {
      port.postMessage({ done: (await processor!).totals() });
      port.close();
    } else {
      const run = await processor!;
      const results = [];
      for (const { index, file } of message.batch ?? []) results.push({ index, result: await run.run(file) });
      port.postMessage({ results });
    }
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
