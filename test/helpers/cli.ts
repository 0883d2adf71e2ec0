import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/cjm.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** A stable environment: no colour, a fixed "today", not inside GitHub Actions. */
function cliEnv(extra: Record<string, string | undefined> | undefined): Record<string, string> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22', ...extra };
  delete env.FORCE_COLOR;
  if (!extra || !('GITHUB_ACTIONS' in extra)) delete env.GITHUB_ACTIONS;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env as Record<string, string>;
}

/**
 * Runs the CLI in-process through main() from the built dist/ (npm test builds
 * first), with its own working directory, environment and streams: the same
 * code path as the binary, without the ~300 ms of a new Node process per run.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const { main } = (await import(MAIN)) as typeof import('../../src/main.js');
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout: { write: (chunk) => ((stdout += chunk.toString()), true) },
    stderr: { write: (chunk) => ((stderr += chunk.toString()), true) },
  });
  return { code, stdout, stderr };
}

const MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/**
 * Runs the built binary in a new Node process, the way a user would: for the
 * few end-to-end tests of what only a real process shows (the shim, exit codes
 * set by Node, signals, stdin and stdout as pipes).
 */
export function runBinary(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env = cliEnv(options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Compares a run with its golden file: the command, exit code, stdout and stderr
 * in one readable file. `npx vitest run <file> --update` rewrites golden files after a
 * deliberate change; review the diff before committing.
 */
export async function expectGolden(goldenPath: string, args: readonly string[], result: CliResult): Promise<void> {
  const text = [`$ cjm ${args.join(' ')}`, `exit: ${result.code}`, '--- stdout', result.stdout, '--- stderr', result.stderr].join('\n');
  await expect(text).toMatchFileSnapshot(goldenPath);
}
