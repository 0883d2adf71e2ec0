import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/cjm.js', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface CliResult {
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

/**
 * Runs the built binary (npm test builds first) the way a user would, with a
 * stable environment: no colour, a fixed "today", not inside GitHub Actions.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22', ...options.env };
  delete env.FORCE_COLOR;
  if (!options.env || !('GITHUB_ACTIONS' in options.env)) delete env.GITHUB_ACTIONS;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
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
