import { parentPort, workerData } from 'node:worker_threads';
import type { CreateProcessor, FileProcessor } from './parallel.js';

/**
 * A worker thread of WorkerPool, started once the run's files are counted:
 * imports its processor module at once (while the main thread starts on the
 * first batch), then takes the run's options and answers batches of files.
 */
const port = parentPort!;
const loaded: Promise<{ createProcessor: CreateProcessor<unknown, unknown> }> = import((workerData as { processor: string }).processor);
let processor: Promise<FileProcessor> | undefined;

port.on('message', async (message: { options?: unknown; batch?: { index: number; file: string }[]; stop?: boolean }) => {
  try {
    if ('options' in message) {
      processor = (await loaded).createProcessor(message.options);
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
