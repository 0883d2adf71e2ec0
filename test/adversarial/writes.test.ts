import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, WriteError } from '../../src/io/write.js';
import { readTextFileSync } from '../../src/load/read.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir, STACK_FRAME } from './hostile.js';

/**
 * Issue 12, items 2 and 11: writes go only where they should. Every writer
 * (lint -o, render --out, report --out, init, fmt) goes through writeFileAtomic.
 */
const scratch = scratchDir('writes');
afterAll(() => scratch.cleanup());
const isRoot = process.getuid?.() === 0;
let dir: string;
let n = 0;

const GOOD = 'cjm: 1\nid: ok\ntitle: Good\nstages: [{ id: a, name: A, owner: t, steps: [{ id: s, name: S, emotion: 1, touchpoints: [{ channel: web }] }] }]\n';
/** Valid, but not in the canonical layout: fmt rewrites it. */
const UNFORMATTED = 'title: Good\ncjm: 1\nid: ok\nstages: [{ id: a, name: A, owner: t, steps: [{ id: s, name: S, emotion: 1, touchpoints: [{ channel: web }] }] }]\n';

beforeEach(() => {
  dir = join(scratch.dir, `case-${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'ok.journey.yaml'), GOOD);
});

const cjm = (args: string[]) => runCli(args, { cwd: dir });

describe('item 2: a device, a pipe or a socket is written in place or refused, never replaced', () => {
  it.skipIf(!isRoot)('lint -o onto a character device writes to the device (a rename used to leave a regular file there)', async () => {
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    const result = await cjm(['lint', '--no-config', '-o', 'null', 'ok.journey.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it('init /dev/full --force is "no space left", and /dev/full stays the device', async () => {
    const result = await cjm(['init', '/dev/full', '--force']);
    expect(result).toMatchObject({ code: 2, stderr: 'cjm: cannot write /dev/full: no space left on the device\n' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a FIFO nobody reads from is refused at once, not waited on; one somebody reads from gets the report', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const refused = await cjm(['lint', '--no-config', '-o', 'pipe', 'ok.journey.yaml']);
    expect(refused).toMatchObject({ code: 2, stderr: 'cjm: cannot write pipe: is a pipe no process reads from\n' });
    const reader = spawn('cat', [join(dir, 'pipe')]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // Retried until cat has opened its end.
    let result = refused;
    for (let tries = 0; tries < 50 && result.code === 2; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      result = await cjm(['lint', '--no-config', '-f', 'json', '-o', 'pipe', 'ok.journey.yaml']);
    }
    await closed;
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(read).summary.files).toBe(1);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it('render --out through a folder that is a file, and a name over the file system limit, are one line each (exit 2)', async () => {
    const notDir = await cjm(['render', '--no-config', '--out', 'ok.journey.yaml/maps', 'ok.journey.yaml']);
    expect(notDir).toMatchObject({ code: 2, stderr: 'cjm: cannot write ok.journey.yaml/maps/ok.map.svg: a folder on the way is a file\n' });
    const long = 'x'.repeat(300);
    const tooLong = await cjm(['lint', '--no-config', '-o', long, 'ok.journey.yaml']);
    expect(tooLong).toMatchObject({ code: 2, stderr: `cjm: cannot write ${long}: the name is too long for the file system\n` });
  });

  it('render and report onto a full device (ENOSPC) are one line naming the file (exit 2), not "internal error"', async () => {
    mkdirSync(join(dir, 'out'));
    symlinkSync('/dev/full', join(dir, 'out', 'ok.map.svg'));
    for (const command of [['render', '--out', 'out'], ['report', '--out', 'out']]) {
      const result = await cjm([...command, '--no-config', 'ok.journey.yaml']);
      expect(result, command[0]).toMatchObject({ code: 2, stderr: 'cjm: cannot write out/ok.map.svg: no space left on the device\n' });
    }
  });

  it('a link to nothing is refused (it would create its target wherever it points); a link to a file is written through and stays a link', async () => {
    symlinkSync('nowhere/x.txt', join(dir, 'dangling.txt'));
    const dangling = await cjm(['lint', '--no-config', '-o', 'dangling.txt', 'ok.journey.yaml']);
    expect(dangling).toMatchObject({ code: 2, stderr: 'cjm: cannot write dangling.txt: is a symbolic link to a file that does not exist; remove the link or write elsewhere\n' });
    writeFileSync(join(dir, 'target.txt'), 'old');
    symlinkSync('target.txt', join(dir, 'link.txt'));
    expect((await cjm(['lint', '--no-config', '-o', 'link.txt', 'ok.journey.yaml'])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.txt'), 'utf8')).toMatch(/stage-kpi/);
  });
});

describe('item 11: fmt and init keep what they replace', () => {
  it('a read-only file is refused without --force, rewritten with it, and keeps its mode', async () => {
    writeFileSync(join(dir, 'x.journey.yaml'), UNFORMATTED);
    chmodSync(join(dir, 'x.journey.yaml'), 0o444);
    const refused = await cjm(['fmt', '--no-config', 'x.journey.yaml']);
    expect(refused).toMatchObject({ code: 2, stderr: 'cjm: x.journey.yaml: not written: is read-only; --force replaces it\n' });
    expect(readFileSync(join(dir, 'x.journey.yaml'), 'utf8')).toBe(UNFORMATTED);
    expect((await cjm(['fmt', '--no-config', '--force', 'x.journey.yaml'])).code).toBe(0);
    expect(readFileSync(join(dir, 'x.journey.yaml'), 'utf8')).not.toBe(UNFORMATTED);
    expect(statSync(join(dir, 'x.journey.yaml')).mode & 0o777).toBe(0o444);
  });

  it('a file with another hard link is refused without --force (the rename would separate them)', async () => {
    writeFileSync(join(dir, 'x.journey.yaml'), UNFORMATTED);
    linkSync(join(dir, 'x.journey.yaml'), join(dir, 'twin.yaml'));
    const refused = await cjm(['fmt', '--no-config', 'x.journey.yaml']);
    expect(refused).toMatchObject({ code: 2, stderr: 'cjm: x.journey.yaml: not written: has 2 hard links, whose other names would keep the old content; --force replaces it\n' });
    const init = await cjm(['init', 'x.journey.yaml', '--force']);
    expect(init.code).toBe(0);
  });

  it.skipIf(!isRoot)('run as root, fmt gives the file back to its owner', async () => {
    writeFileSync(join(dir, 'x.journey.yaml'), UNFORMATTED);
    chownSync(join(dir, 'x.journey.yaml'), 65534, 65534);
    expect((await cjm(['fmt', '--no-config', 'x.journey.yaml'])).code).toBe(0);
    expect(statSync(join(dir, 'x.journey.yaml'))).toMatchObject({ uid: 65534, gid: 65534 });
  });

  it('a file saved again after it was read is not overwritten', async () => {
    const path = join(dir, 'x.journey.yaml');
    writeFileSync(path, UNFORMATTED);
    const read = readTextFileSync(path, DEFAULT_LIMITS);
    if (!read.ok) throw new Error('unreadable');
    writeFileSync(path, `${UNFORMATTED}# saved in an editor meanwhile\n`);
    const error = await writeFileAtomic(path, GOOD, { unchangedSince: read.stamp }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).reason).toBe('the file changed since cjm read it (saved in an editor?); it was not overwritten: run the command again');
    expect(readFileSync(path, 'utf8')).toMatch(/saved in an editor meanwhile/);
  });

  it('no write error prints a stack trace or "internal error"', async () => {
    for (const args of [['report', '--no-config', '-o', 'ok.journey.yaml', 'ok.journey.yaml'], ['render', '--no-config', '-o', '/proc/cjm/x', 'ok.journey.yaml']]) {
      const result = await cjm(args);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  });
});
