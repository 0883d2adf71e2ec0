import { resolve } from 'node:path';
import { isUserFacing, UserError } from '../errors.js';
import { workerCount } from '../run/parallel.js';
import { cli } from './context.js';

/**
 * Exit codes shared by every command: 0 clean, 1 findings (or differences with
 * --exit-code), 2 usage, configuration or I/O error. main() returns the code and
 * the binary sets process.exitCode: process.exit() right after a write
 * truncates piped output.
 */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export function raiseExitCode(code: number): void {
  const context = cli();
  context.exitCode = Math.max(context.exitCode, code);
}

export function writeOut(text: string): void {
  cli().stdout.write(text);
}

export function writeErr(line: string): void {
  cli().stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

/** A path the user typed, resolved against the command's working directory. */
export function cliPath(path: string): string {
  return resolve(cli().cwd, path);
}

/**
 * What every command that reads journeys hands the core: where it runs, which
 * config, stdin, and how many worker threads the environment allows.
 */
export function coreOptions(config: string | false, stdinFilename?: string) {
  const { cwd, env, stdin } = cli();
  // Threads the environment asks for (CJM_WORKERS); otherwise the pool decides from the cores and the files.
  const workers = workerCount(env);
  return { cwd, config, stdinFilename, stdin, workers: workers.asked ? workers.count : undefined };
}

/** The colour level for one of the CLI's streams, honouring FORCE_COLOR and NO_COLOR from its environment. */
export async function colorLevel(stream: 'stdout' | 'stderr'): Promise<0 | 1 | 2 | 3> {
  const { colorLevelFor } = await import('../formatters/color.js');
  const context = cli();
  return colorLevelFor(context[stream], context.env);
}

/** Errors meant for people: one line, no stack (unless --debug), exit 2. */
export class UsageError extends UserError {}

export function reportFailure(error: unknown): void {
  const { debug, cwd } = cli();
  if (isUserFacing(error)) writeErr(`cjm: ${error.describe ? error.describe(cwd) : error.message}`);
  else {
    const message = error instanceof Error ? error.message : String(error);
    writeErr(`cjm: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  }
  if (debug && error instanceof Error && error.stack) writeErr(error.stack);
  raiseExitCode(EXIT.error);
}

/** Wraps a command action: any thrown error becomes a one-line message and exit code 2. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}
