import { spawnSync, execFileSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { scratchDir, STACK_FRAME } from './hostile.js';

/** Issue 12, items 6, 7 and 8: every I/O error is one line and exit 2, and nothing is skipped in silence. */
const scratch = scratchDir('io');
afterAll(() => scratch.cleanup());
// Traversable by `nobody` (item 7 drops root).
chmodSync(scratch.dir, 0o755);
let dir: string;
let n = 0;
const BIN = join(ROOT, 'bin/cjm.js');
const GOOD = 'cjm: 1\nid: ok\ntitle: Good\nstages: [{ id: a, name: A }]\n';
const isRoot = process.getuid?.() === 0;
/**
 * Runs as `nobody` where the tests run as root (as in CI containers), so that
 * permissions bite; only where `nobody` can read the checkout (a clone inside
 * a 0700 temporary folder is out of its reach).
 */
const canDropRoot =
  isRoot &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)}, 4)`]).status === 0;

beforeEach(() => {
  dir = join(scratch.dir, `case-${n++}`);
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'ok.journey.yaml'), GOOD);
});

/** The binary with stdout (and maybe stderr) sent to a given descriptor, as a shell redirect would. */
function runTo(args: string[], stdout: number | 'pipe', stderr: number | 'pipe' = 'pipe') {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', stdout, stderr], encoding: 'utf8', timeout: 30_000 });
}

describe('item 6: write errors on stdout and stderr', () => {
  it('validate > /dev/full is one line on stderr and exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    const result = runTo(['validate', 'ok.journey.yaml'], full);
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cjm: cannot write the output (stdout): no space left on the device\n');
  });

  it('a reader that goes away (EPIPE) is one line and exit 2', () => {
    const big = `cjm: 1\nid: big\ntitle: Big\nstages:\n${Array.from({ length: 3000 }, (_, i) => `  - { id: s${i}, name: S }\n`).join('')}`;
    writeFileSync(join(dir, 'big.journey.yaml'), big);
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" lint big.journey.yaml | head -c 1 >/dev/null`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('cjm: cannot write the output (stdout): the reading end of the pipe was closed\n');
  });

  it('--version > /dev/full (answered before main() loads) is one line and exit 2 too', () => {
    const full = openSync('/dev/full', 'w');
    const result = runTo(['--version'], full);
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('cjm: cannot write the output (stdout): no space left on the device\n');
  });

  it('stdout and stderr both failing is exit 2 and no crash', () => {
    const full = openSync('/dev/full', 'w');
    const result = runTo(['lint', 'ok.journey.yaml'], full, full);
    closeSync(full);
    expect(result.status).toBe(2);
  });
});

describe('item 7: unreadable folders and linked journey files', () => {
  it.skipIf(!canDropRoot)('a folder nobody may read is reported (exit 2), also when named, and the rest is checked', () => {
    mkdirSync(join(dir, 'locked'));
    copyFileSync(join(dir, 'ok.journey.yaml'), join(dir, 'locked', 'a.journey.yaml'));
    chmodSync(join(dir, 'locked'), 0o000);
    const asNobody = (args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    const walked = asNobody(['validate', '.']);
    expect(walked.status).toBe(2);
    expect(walked.stdout).toContain('1 file checked');
    expect(walked.stderr).toBe('cjm: locked: cannot read the folder (permission denied): its journey files were not checked\n');
    const named = asNobody(['validate', 'locked']);
    expect(named).toMatchObject({ status: 2, stderr: 'cjm: locked: cannot read the folder: permission denied\n' });
    // A folder the config excludes (a database's data folder, say) is nobody's business.
    writeFileSync(join(dir, 'cjm.config.yaml'), 'exclude: [locked/]\n');
    expect(asNobody(['validate'])).toMatchObject({ status: 0, stderr: '' });
    chmodSync(join(dir, 'locked'), 0o755);
  });

  it('a link to a journey file is checked like the file; one leading out of the config folder is refused', async () => {
    mkdirSync(join(dir, 'maps'));
    symlinkSync('../ok.journey.yaml', join(dir, 'maps', 'linked.journey.yaml'));
    const found = await runCli(['validate', '-f', 'json', 'maps'], { cwd: dir });
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).summary.files).toBe(1);

    const outside = scratchDir('io-outside');
    writeFileSync(join(outside.dir, 'x.journey.yaml'), GOOD);
    symlinkSync(join(outside.dir, 'x.journey.yaml'), join(dir, 'x.journey.yaml'));
    writeFileSync(join(dir, 'cjm.config.yaml'), '');
    const refused = await runCli(['validate'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^cjm: journey file \S+x\.journey\.yaml \(a link to \S+x\.journey\.yaml\) is outside \S+; cjm reads only below/);
    outside.cleanup();
  });
});

describe('item 8: a config that is not a regular file', () => {
  it('-c FIFO is refused at once, -c /dev/zero without reading it, -c a folder and a missing file one line each', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const cases: [string, string][] = [
      ['fifo', 'cjm: fifo: cannot read the configuration file: is not a regular file (a device, socket or pipe)\n'],
      ['/dev/zero', 'cjm: /dev/zero: cannot read the configuration file: is not a regular file (a device, socket or pipe)\n'],
      ['.', 'cjm: .: cannot read the configuration file: is a directory, not a file\n'],
      ['nope.yaml', 'cjm: nope.yaml: cannot read the configuration file: no such file or directory\n'],
    ];
    for (const [config, stderr] of cases) {
      const result = await runCli(['validate', '-c', config, 'ok.journey.yaml'], { cwd: dir });
      expect(result, config).toMatchObject({ code: 2, stderr });
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
