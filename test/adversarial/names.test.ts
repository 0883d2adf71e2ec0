import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { printable } from '../../src/util/printable.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from './hostile.js';

/** Issue 12, items 9, 10 and 13: ids and file names that would break what cjm writes or prints. */
const scratch = scratchDir('names');
afterAll(() => scratch.cleanup());
let dir: string;
let n = 0;

beforeEach(() => {
  dir = join(scratch.dir, `case-${n++}`);
  mkdirSync(dir);
});

const cjm = (args: string[], env?: Record<string, string>) => runCli(args, { cwd: dir, env });
const journey = (id: string, title = 'T') => `cjm: 1\nid: ${id}\ntitle: ${title}\nstages: [{ id: a, name: A, owner: x, steps: [{ id: s, name: S }] }]\n`;

describe('item 9: ids are at most 64 characters', () => {
  it('an id of 240 characters is a schema error at the id; render reports it and renders the rest', async () => {
    writeFileSync(join(dir, 'long.journey.yaml'), journey('a'.repeat(240)));
    writeFileSync(join(dir, 'ok.journey.yaml'), journey('ok'));
    const validated = await cjm(['validate', 'long.journey.yaml']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('2:5  error    `id` must be at most 64 characters  schema');
    const rendered = await cjm(['render', '-o', 'out', 'long.journey.yaml', 'ok.journey.yaml']);
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).not.toContain('internal error');
    expect(existsSync(join(dir, 'out', 'ok.map.svg'))).toBe(true);
  });

  it('an id of exactly 64 characters is valid', async () => {
    writeFileSync(join(dir, 'edge.journey.yaml'), journey('a'.repeat(64)));
    expect((await cjm(['validate', 'edge.journey.yaml'])).code).toBe(0);
  });

  it('init --id of 240 characters is a usage error that says the limit', async () => {
    const result = await cjm(['init', '--id', 'a'.repeat(240)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('at most 64 characters');
  });
});

describe('item 10: output names never collide', () => {
  it('a journey with id `index` keeps its page (index.journey.md) beside the index', async () => {
    writeFileSync(join(dir, 'index.journey.yaml'), journey('index', 'The index journey'));
    const result = await cjm(['report', '-o', 'out', '--images', 'none', 'index.journey.yaml']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'index.journey.md'), 'utf8')).toMatch(/^# The index journey/);
    const index = readFileSync(join(dir, 'out', 'index.md'), 'utf8');
    expect(index).toContain('(index.journey.md)');
  });
});

describe('item 13: names and messages are escaped on terminals and in CI logs', () => {
  const FORGED = 'e\n::error::forged.journey.yaml';
  const ANSI = '\u001b[2Jansi.journey.yaml';

  it('printable shows control and bidi characters as escapes and keeps the rest', () => {
    expect(printable('a\nb\r\tc\u001b[31m\u007f\u202e é 👩‍👩‍👧')).toBe('a\\nb\\r\\tc\\x1b[31m\\x7f\\u202e é 👩‍👩‍👧');
  });

  it('under GITHUB_ACTIONS no line of output starts a workflow command the file name wrote, and no escape reaches the log', async () => {
    writeFileSync(join(dir, FORGED), journey('forged', '"\\e[31mred"'));
    writeFileSync(join(dir, ANSI), journey('ansi'));
    const result = await cjm(['lint', '-f', 'github', '.'], { GITHUB_ACTIONS: 'true' });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/^::error::forged/m);
    // Messages and every line that is not a workflow command carry no escape; file= is the runner's, below.
    for (const line of output.split('\n')) expect(line.replace(/^::\w+ file=[^,]*,/, '')).not.toContain('\u001b');
    // file= is escaped as @actions/core escapes properties, so the annotation still names the real file.
    expect(result.stdout).toContain('file=e%0A%3A%3Aerror%3A%3Aforged.journey.yaml,');
  });

  it('stylish, fmt --check and error lines print names escaped', async () => {
    writeFileSync(join(dir, FORGED), 'title: T\ncjm: 1\nid: forged\nstages: [{ id: a, name: A }]\n');
    const linted = await cjm(['lint', '--no-config', '.']);
    expect(linted.stdout).toContain('e\\n::error::forged.journey.yaml\n');
    const checked = await cjm(['fmt', '--check', '.']);
    expect(checked.stdout).toBe('e\\n::error::forged.journey.yaml\n');
    const missing = await cjm(['validate', '\u001b[2Jgone.journey.yaml']);
    expect(missing.stderr).toBe('cjm: \\x1b[2Jgone.journey.yaml: no such file or directory\n');
  });

  it('diff prints names escaped', async () => {
    writeFileSync(join(dir, 'a.journey.yaml'), journey('same', 'Old'));
    writeFileSync(join(dir, ANSI), journey('same', 'New'));
    const result = await cjm(['diff', 'a.journey.yaml', ANSI]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('\\x1b[2Jansi.journey.yaml');
  });
});
