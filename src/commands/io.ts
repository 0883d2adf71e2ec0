import { isUserFacing, UserError } from '../errors.js';

/**
 * Exit codes shared by every command: 0 clean, 1 findings (or differences with
 * --exit-code), 2 usage, configuration or I/O error. Always set
 * process.exitCode and let Node exit on its own: process.exit() right after a
 * write truncates piped output.
 */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export function raiseExitCode(code: number): void {
  process.exitCode = Math.max(Number(process.exitCode ?? 0), code);
}

export function writeOut(text: string): void {
  process.stdout.write(text);
}

export function writeErr(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

/** Errors meant for people: one line, no stack (unless --debug), exit 2. */
export class UsageError extends UserError {}

export function reportFailure(error: unknown, debug: boolean): void {
  if (isUserFacing(error)) writeErr(`cjm: ${error.describe ? error.describe() : error.message}`);
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
      reportFailure(error, process.argv.includes('--debug'));
    }
  };
}
