import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runBinary, runCli } from '../helpers/cli.js';

/**
 * The few checks that need a real process: the bin shim, exit codes as Node
 * sets them, stdin and stdout as pipes. Every other command test runs the CLI
 * in-process through main() (test/helpers/cli.ts), which is the same code.
 */
describe('the cjm binary', () => {
  it('--version answers from the package', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const result = await runBinary(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('validates the examples (the Quick start): exit 0', async () => {
    const result = await runBinary(['validate', 'examples']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/7 files checked, no problems/);
    expect(result.code).toBe(0);
  });

  it('exit 1 on an invalid journey, with the same report as in-process', async () => {
    const args = ['validate', '--no-config', join(FIXTURES, 'validate/bad')];
    const [binary, inProcess] = await Promise.all([runBinary(args), runCli(args)]);
    expect(binary.code).toBe(1);
    expect(binary).toEqual(inProcess);
  });

  it('exit 2 on a usage error, with help on stderr', async () => {
    const result = await runBinary(['lint', '--format', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/argument 'nope' is invalid/);
  });

  it('reads a journey piped on stdin', async () => {
    const text = readFileSync(join(ROOT, 'examples/motor-claim.journey.yaml'), 'utf8');
    const result = await runBinary(['validate', '-', '--stdin-filename', 'piped.journey.yaml', '--no-config'], { stdin: text });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });

  it('prints a whole lint report through a pipe, untruncated (the exit code is set, never process.exit)', async () => {
    const result = await runBinary(['lint', '--format', 'json', 'examples']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(7);
  });

  it('writes Mermaid to stdout', async () => {
    const result = await runBinary(['render', 'examples/bopis.journey.yaml', '--diagram', 'flow', '--format', 'mermaid']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^flowchart/m);
  });

  it('an internal error is one line, exit 2, and --debug adds the stack', async () => {
    // A config that is a directory cannot be read: a user-facing error, never a stack trace.
    const result = await runBinary(['validate', '--config', 'examples']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^cjm: /);
  });
});
