import { AsyncLocalStorage } from 'node:async_hooks';

/** A stream the CLI writes to: process.stdout, or a collector in tests. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  isTTY?: boolean;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * Everything a command may take from its surroundings. The binary fills it
 * from `process`; main() accepts it whole, so tests run the CLI in-process with
 * their own working directory, environment and streams.
 */
export interface CliContext {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: AsyncIterable<Uint8Array | string> & { destroy?(): void };
  stdout: OutputStream;
  stderr: OutputStream;
  /** 0 clean, 1 findings, 2 usage, configuration or I/O error: the highest raised wins. */
  exitCode: number;
  /** --debug: stack traces of internal errors. */
  debug: boolean;
  /** Streams whose writes failed (EPIPE, ENOSPC): later writes to them are dropped. */
  failedOutput?: ('stdout' | 'stderr')[];
}

const storage = new AsyncLocalStorage<CliContext>();
let alone: CliContext | undefined;

/** Runs a command with its context, however many others run at once in this process (tests call main() in-process). */
export function runInContext<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

/**
 * Runs the one command of a process (the binary) with its context in a plain
 * variable: AsyncLocalStorage would install promise hooks that tax every await
 * of the run (on Node 20, about 10 ms of linting one file; bench/results.md).
 */
export function runAlone<T>(context: CliContext, run: () => Promise<T>): Promise<T> {
  alone = context;
  return run();
}

/** The context of the command that is running. */
export function cli(): CliContext {
  const context = storage.getStore() ?? alone;
  if (!context) throw new Error('cli(): no command is running (call main())');
  return context;
}
