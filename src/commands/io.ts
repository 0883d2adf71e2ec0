import { resolve } from 'node:path';
import { isUserFacing, UserError } from '../errors.js';
import type { Finding } from '../findings.js';
import { workerCount } from '../run/parallel.js';
import { cli } from './context.js';
import { printable, printableLines } from '../util/printable.js';

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
  const context = cli();
  if (!context.failedOutput?.includes('stdout')) context.stdout.write(text);
}

/**
 * One message on stderr: it is one line whatever it quotes (a file name with a
 * newline must not start a line of its own, which CI reads as a command), with
 * control characters shown as escapes.
 */
export function writeErr(line: string): void {
  writeErrText(`${printable(line.replace(/\n$/, ''))}\n`);
}

/** Text of several lines on stderr, already made printable (a formatter's report). */
export function writeErrText(text: string): void {
  const context = cli();
  if (!context.failedOutput?.includes('stderr')) context.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A file name, or one line that quotes one, on stdout (a list of files written or changed). */
export function writeOutLine(line: string): void {
  writeOut(`${printable(line)}\n`);
}

/** A path the user typed, resolved against the command's working directory. */
export function cliPath(path: string): string {
  return resolve(cli().cwd, path);
}

/** The options every command that reads journeys takes: -c/--no-config, --allow-outside, --stdin-filename. */
export interface WorkspaceFlags {
  config: string | false;
  allowOutside?: boolean;
  stdinFilename?: string;
}

/**
 * What every command that reads journeys hands the core: where it runs, which
 * config, stdin, and how many worker threads the environment allows.
 */
export async function coreOptions(flags: WorkspaceFlags) {
  const { cwd, env, stdin } = cli();
  // Threads the environment asks for (CJM_WORKERS); otherwise the pool decides from the cores and the files.
  const workers = workerCount(env);
  return { cwd, config: flags.config, allowOutside: flags.allowOutside, stdinFilename: flags.stdinFilename, stdin, workers: workers.asked ? workers.count : undefined };
}

/** --allow-outside, added after -c/--no-config by every command that reads a workspace. */
export const ALLOW_OUTSIDE = ['--allow-outside', "let the config's globs, catalogue and data files reach outside its folder"] as const;

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
  if (debug && error instanceof Error && error.stack) writeErrText(printableLines(error.stack));
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

/**
 * Pictures and pages drawn from KPI data say so when rows of a data file were
 * left out (`cjm report`, `cjm render`); `cjm lint` lists the problems.
 */
export function noteDataProblems(findings: readonly Finding[]): void {
  const errors = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') errors.set(finding.file, (errors.get(finding.file) ?? 0) + 1);
  for (const [file, count] of errors) writeErr(`cjm: ${file}: ${count} problem${count === 1 ? '' : 's'} in the KPI data (rows left out); run cjm lint for the list`);
}
