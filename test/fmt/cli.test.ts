import { chmodSync, copyFileSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';

const GOLDENS = `${FIXTURES}fmt/goldens/`;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cjm-fmt-'));
  copyFileSync(`${FIXTURES}fmt/messy.journey.yaml`, join(dir, 'messy.journey.yaml'));
  copyFileSync(`${FIXTURES}fmt/canonical.journey.yaml`, join(dir, 'canonical.journey.yaml'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PAST = new Date('2020-01-01T00:00:00Z');

describe('cjm fmt', () => {
  it('--check lists the files that would change, exits 1 and writes nothing; after fmt it exits 0', async () => {
    const before = readFileSync(join(dir, 'messy.journey.yaml'), 'utf8');
    const check = await runCli(['fmt', '--check', '--no-config'], { cwd: dir });
    await expectGolden(`${GOLDENS}check.txt`, ['fmt', '--check', '--no-config'], check);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('messy.journey.yaml\n');
    expect(readFileSync(join(dir, 'messy.journey.yaml'), 'utf8')).toBe(before);

    const write = await runCli(['fmt', '--no-config'], { cwd: dir });
    expect(write).toMatchObject({ code: 0, stdout: 'messy.journey.yaml\n', stderr: '' });
    expect(readFileSync(join(dir, 'messy.journey.yaml'), 'utf8')).toBe(readFileSync(`${FIXTURES}fmt/messy.formatted.yaml`, 'utf8'));

    expect(await runCli(['fmt', '--check', '--no-config'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('does not rewrite a file that is already canonical (its mtime stays)', async () => {
    const file = join(dir, 'canonical.journey.yaml');
    utimesSync(file, PAST, PAST);
    const result = await runCli(['fmt', '--no-config', 'canonical.journey.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(statSync(file).mtime.getTime()).toBe(PAST.getTime());
  });

  it('reports an unparsable file as file:line:col, leaves it untouched and exits 1', async () => {
    copyFileSync(`${FIXTURES}fmt/broken.journey.yaml`, join(dir, 'broken.journey.yaml'));
    const before = readFileSync(join(dir, 'broken.journey.yaml'), 'utf8');
    const args = ['fmt', '--no-config', 'broken.journey.yaml', 'messy.journey.yaml'];
    const result = await runCli(args, { cwd: dir });
    await expectGolden(`${GOLDENS}broken.txt`, args, result);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^broken\.journey\.yaml:3:8: the list opened with `\[` is never closed: .*\(yaml-syntax\); file left unchanged$/m);
    expect(readFileSync(join(dir, 'broken.journey.yaml'), 'utf8')).toBe(before);
    // The other file is still formatted.
    expect(result.stdout).toBe('messy.journey.yaml\n');
  });

  it('formats through a symlink without replacing the link, and keeps the file mode', async () => {
    chmodSync(join(dir, 'messy.journey.yaml'), 0o600);
    symlinkSync('messy.journey.yaml', join(dir, 'link.journey.yaml'));
    const result = await runCli(['fmt', '--no-config', 'link.journey.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'link.journey.yaml\n' });
    expect(lstatSync(join(dir, 'link.journey.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'messy.journey.yaml'), 'utf8')).toBe(readFileSync(`${FIXTURES}fmt/messy.formatted.yaml`, 'utf8'));
    expect(statSync(join(dir, 'messy.journey.yaml')).mode & 0o777).toBe(0o600);
  });

  it('formats stdin to stdout with -', async () => {
    const result = await runCli(['fmt', '--no-config', '-'], { cwd: dir, stdin: readFileSync(`${FIXTURES}fmt/messy.journey.yaml`) });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(readFileSync(`${FIXTURES}fmt/messy.formatted.yaml`, 'utf8'));
  });

  it('reports broken stdin with its name and prints nothing', async () => {
    const result = await runCli(['fmt', '--no-config', '-', '--stdin-filename', 'x.journey.yaml'], { cwd: dir, stdin: 'a: [\n' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^x\.journey\.yaml:\d+:\d+: /);
  });

  it('--diff prints a unified diff and writes nothing', async () => {
    writeFileSync(join(dir, 'small.journey.yaml'), 'title: T\ncjm: 1\n');
    const args = ['fmt', '--no-config', '--diff', 'small.journey.yaml'];
    const result = await runCli(args, { cwd: dir });
    await expectGolden(`${GOLDENS}diff.txt`, args, result);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('--- small.journey.yaml\n+++ small.journey.yaml\t(formatted)\n@@ -1,2 +1,2 @@\n-title: T\n cjm: 1\n+title: T\n');
    expect(readFileSync(join(dir, 'small.journey.yaml'), 'utf8')).toBe('title: T\ncjm: 1\n');
  });

  it('--diff shows a missing final newline, which is why the file would change', async () => {
    writeFileSync(join(dir, 'small.journey.yaml'), 'cjm: 1\ntitle: T');
    const result = await runCli(['fmt', '--no-config', '--diff', 'small.journey.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('--- small.journey.yaml\n+++ small.journey.yaml\t(formatted)\n@@ -1,2 +1,2 @@\n cjm: 1\n-title: T\n\\ No newline at end of file\n+title: T\n');
  });

  it('--check passes a canonical CRLF file; --eol lf --diff names the line-ending change', async () => {
    const crlf = readFileSync(join(dir, 'canonical.journey.yaml'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'canonical.journey.yaml'), crlf);
    expect(await runCli(['fmt', '--no-config', '--check', 'canonical.journey.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const diff = await runCli(['fmt', '--no-config', '--diff', '--eol', 'lf', 'canonical.journey.yaml'], { cwd: dir });
    expect(diff).toMatchObject({
      code: 1,
      stdout: '--- canonical.journey.yaml\n+++ canonical.journey.yaml\t(formatted; line endings CRLF -> LF)\n',
      stderr: 'cjm: 1 file is not in the canonical layout; run `cjm fmt --eol lf canonical.journey.yaml` to rewrite\n',
    });
  });

  it('exits 2 on a path that does not exist', async () => {
    const result = await runCli(['fmt', '--no-config', 'missing.journey.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.journey.yaml');
  });
});
