import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';

const VALIDATE = join(FIXTURES, 'validate');
const golden = (name: string) => join(VALIDATE, 'goldens', `${name}.txt`);

async function scenario(name: string, args: string[], cwd = VALIDATE, stdin?: string) {
  const result = await runCli(args, { cwd, stdin });
  await expectGolden(golden(name), args, result);
  return result;
}

describe('cjm validate (built binary)', () => {
  it('accepts valid journeys, resolving a subjourney in another file: exit 0', async () => {
    expect((await scenario('good', ['validate', '--no-config', 'good'])).code).toBe(0);
  });

  it('reports every problem of every bad file in one run, positions and codes: exit 1', async () => {
    const result = await scenario('bad-stylish', ['validate', '--no-config', 'bad']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('the same as JSON with 1-based positions', async () => {
    const result = await scenario('bad-json', ['validate', '--no-config', '--format', 'json', 'bad']);
    const report = JSON.parse(result.stdout);
    expect(report.summary.files).toBe(13);
    expect(report.findings.every((f: { line: number; column: number }) => f.line >= 1 && f.column >= 1)).toBe(true);
  });

  it('resolves shared catalogue personas, channels and metrics and subjourneys from the config include set', async () => {
    const cwd = join(VALIDATE, 'catalog-workspace');
    expect((await scenario('catalog-workspace', ['validate', 'journeys/claim.journey.yaml'], cwd)).code).toBe(0);
  });

  it('reads stdin with a file name', async () => {
    const text = readFileSync(join(VALIDATE, 'bad', 'duplicate-key.journey.yaml'), 'utf8');
    const result = await scenario('stdin', ['validate', '--no-config', '-', '--stdin-filename', 'piped.journey.yaml'], VALIDATE, text);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('piped.journey.yaml');
  });

  it('a missing path is exit 2 with a one-line message', async () => {
    const result = await scenario('missing-path', ['validate', '--no-config', 'nope.journey.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a glob that matches nothing is exit 2', async () => {
    expect((await scenario('glob-no-match', ['validate', '--no-config', 'nothing/**/*.journey.yaml'])).code).toBe(2);
  });

  it('a directory without journey files is exit 2', async () => {
    expect((await scenario('empty-directory', ['validate', '--no-config', 'no-journeys'])).code).toBe(2);
  });

  it('an unknown option is a usage error: exit 2', async () => {
    expect((await scenario('unknown-option', ['validate', '--frobnicate'])).code).toBe(2);
  });

  it('a bad config is exit 2 naming the file, line and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjm-config-'));
    writeFileSync(join(dir, 'cjm.config.yaml'), 'include: ["*.journey.yaml"]\ncatalogue: [x.yaml]\n');
    const result = await runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cjm\.config\.yaml:2:1: invalid configuration: unknown key `catalogue`; did you mean `catalog`\?/);
  });

  it('a file over the size limit set in the config is a finding, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjm-size-'));
    writeFileSync(join(dir, 'cjm.config.yaml'), 'limits: { maxFileSize: 1024 }\n');
    writeFileSync(join(dir, 'big.journey.yaml'), `cjm: 1\nid: big\ntitle: ${'x'.repeat(2000)}\nstages: []\n`);
    const result = await runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/big\.journey\.yaml\n\s+1:1\s+error\s+file is 2.0 KB, over the 1.0 KB limit/);
  });

  it('a FIFO or a directory named like a journey is an I/O error (exit 2), and the other files are still checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjm-fifo-'));
    execFileSync('mkfifo', [join(dir, 'pipe.journey.yaml')]);
    writeFileSync(join(dir, 'ok.journey.yaml'), readFileSync(join(VALIDATE, 'good', 'glass-repair.journey.yaml')));
    const result = await runCli(['validate', '--no-config', 'pipe.journey.yaml', 'ok.journey.yaml'], { cwd: dir, timeoutMs: 10_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pipe.journey.yaml: is not a regular file');
    expect(result.stdout).toContain('1 file checked, no problems');
  });
});
