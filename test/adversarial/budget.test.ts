import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlExact } from '../../src/load/parse.js';
import type { Finding } from '../../src/findings.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir, STACK_FRAME } from './hostile.js';

/**
 * Issue 12, items 1, 3, 5 and 14: the work of a file is bounded by what it
 * expands to, not by its bytes. Each input is the issue's own; the capped-heap
 * runs of the worst inputs within the limits are test/e2e/hostile-memory.test.ts.
 */
const scratch = scratchDir('budget');
afterAll(() => scratch.cleanup());

const HEAD = 'cjm: 1\nid: f\ntitle: F\nstages:\n  - id: a\n    name: A\n    steps:\n';

/** One anchored list of `items` items, reused by `aliases` aliases. */
function fanOut(items: number, aliases: number): string {
  const steps = [`      - { id: s0, name: S, backstage: &b [${Array(items).fill('a').join(',')}] }`];
  for (let i = 1; i <= aliases; i++) steps.push(`      - { id: s${i}, name: S, backstage: *b }`);
  return `${HEAD}${steps.join('\n')}\n`;
}

function write(name: string, text: string): string {
  writeFileSync(join(scratch.dir, name), text);
  return name;
}

async function validate(file: string, format = 'stylish') {
  return runCli(['validate', '--no-config', '-f', format, file], { cwd: scratch.dir });
}

describe('item 1: alias fan-out is counted by what it expands to', () => {
  it("the issue's file, one list of 50,000 items reused by 998 aliases (145 KB), is refused: the list alone is at the node limit", async () => {
    const result = await validate(write('fan-out.journey.yaml', fanOut(50_000, 998)));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^ {2}8:\d+ +error +file holds more than 50,000 YAML values .* +too-many-nodes$/m);
  });

  it('a list of 1,000 items reused by 998 aliases (20 KB) is refused at the alias that goes over, naming it and the limit', async () => {
    const result = await validate(write('fan-out-1k.journey.yaml', fanOut(1_000, 998)));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^ {2}57:40 +error +YAML aliases \(here \*b\) expand this file to more than 50,000 values \(limits\.maxNodes\), as in a "billion laughs" attack; write the values out instead +alias-limit$/m,
    );
  });

  it('the same expansion within the limit is a valid journey', async () => {
    const result = await validate(write('small-fan-out.journey.yaml', fanOut(40, 998)));
    expect(result.code, result.stdout).toBe(0);
  });

  it('a long string reused by aliases is counted in characters (limits.maxFileSize)', async () => {
    const text = `${HEAD}      - { id: s0, name: &n ${'x'.repeat(100_000)} }\n${Array.from({ length: 10 }, (_, i) => `      - { id: t${i}, name: *n }`).join('\n')}\n`;
    const result = await validate(write('long-text.journey.yaml', text));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/expand this file to more than 512\.0 KB of text \(limits\.maxFileSize\).*alias-limit/);
  });

  it('an alias inside the value it names is refused, not turned into endless data', async () => {
    const result = await validate(write('cycle.journey.yaml', 'cjm: 1\nid: c\ntitle: T\nstages: &s\n  - id: a\n    name: A\n    steps: *s\n'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/7:12 +error +the alias \*s is inside the value it refers to \(&s\), so that value would repeat without end; write the values out instead +alias-limit/);
  });

  it('the limit is the config\'s: raised, the 145 KB file is read', async () => {
    const dir = join(scratch.dir, 'raised');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'cjm.config.yaml'), 'limits: { maxNodes: 200000 }\n');
    writeFileSync(join(dir, 'fan.journey.yaml'), fanOut(150, 998));
    expect((await runCli(['validate', 'fan.journey.yaml'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate', '--no-config', 'fan.journey.yaml'], { cwd: dir })).stdout).toMatch(/alias-limit/);
  });
});

describe('item 5: a file within the size limit cannot ask for unbounded work', () => {
  it('a list of 2.5 million items (5 MB) is over the size limit, which names itself', async () => {
    const result = await validate(write('list.journey.yaml', `${HEAD}      - { id: s, name: S, backstage: [${Array(2_500_000).fill('a').join(',')}] }\n`));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/1:1 +error +file is 4\.8 MB, over the 512\.0 KB limit \(raise limits\.maxFileSize in cjm\.config\.yaml if this is intended\) +file-too-large/);
  });

  it('a list of 60,000 items (120 KB) is over the node limit, on both parse paths', async () => {
    const text = `${HEAD}      - { id: s, name: S, backstage: [${Array(60_000).fill('a').join(',')}] }\n`;
    const message = /file holds more than 50,000 YAML values \(keys, items, lists and mappings\); a journey needs about 1,000 \(raise limits\.maxNodes in cjm\.config\.yaml if this is intended\) +too-many-nodes/;
    expect((await validate(write('nodes.journey.yaml', text))).stdout).toMatch(message);
    // `? ` sends a file down the exact path from the start; the pre-scan refuses it before `yaml` builds a tree.
    expect((await validate(write('nodes-exact.journey.yaml', `${text}? x\n: y\n`))).stdout).toMatch(message);
    const { problems } = parseYamlExact(text, DEFAULT_LIMITS);
    expect(problems.map((problem) => problem.code)).toEqual(['too-many-nodes']);
  });

  it('a duplicate key at the end of a mapping of 20,000 keys is found (in linear time: `yaml` alone compares every pair)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`);
    const { problems } = parseYamlExact(`${keys.join('\n')}\nk7: 2\n`, DEFAULT_LIMITS);
    expect(problems.map(({ code, line, message }) => ({ code, line, message }))).toEqual([
      { code: 'duplicate-key', line: 20_001, message: '`k7` is already set on line 8 of this mapping; a key may appear only once: remove one of the two' },
    ]);
  });
});

describe('item 3: findings are capped per file', () => {
  const keys = (count: number) => `cjm: 1\nid: k\ntitle: K\nstages:\n  - id: a\n    name: A\n    steps: [{ id: s, name: S }]\n${Array.from({ length: count }, (_, i) => `k${i}: 1`).join('\n')}\n`;

  it('5,000 unknown keys: the first 1,000 findings, then one that counts the rest at the first left out', async () => {
    const result = await validate(write('keys.journey.yaml', keys(5_000)), 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: Finding[]; summary: { errors: number } };
    expect(report.findings).toHaveLength(1001);
    expect(report.findings[1000]).toMatchObject({
      ruleId: 'too-many-findings',
      severity: 'error',
      line: 1008,
      column: 1,
      message: '4,000 more findings in this file are not listed (4,000 errors): fix the ones above first (limits.maxFindings is 1,000)',
    });
    expect(report.summary.errors).toBe(1001);
  });

  it('lint caps the same way and runs no rules on such a file', async () => {
    const result = await runCli(['lint', '--no-config', '-f', 'json', 'keys.journey.yaml'], { cwd: scratch.dir });
    const report = JSON.parse(result.stdout) as { findings: Finding[] };
    expect(report.findings).toHaveLength(1001);
    expect(new Set(report.findings.map((finding) => finding.ruleId))).toEqual(new Set(['schema', 'too-many-findings']));
  });

  it('the stylish report of 200,000 findings in one file does not overflow the stack', () => {
    const findings: Finding[] = Array.from({ length: 200_000 }, (_, i) => ({ file: 'a', ruleId: 'schema', severity: 'error', message: 'm', line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }));
    const text = stylish([{ file: 'a', findings }], { colorLevel: 0, version: '0', cwd: '/' });
    expect(text.split('\n').at(-2)).toBe('✖ 200000 problems (200000 errors, 0 warnings) in 1 file');
  });
});

describe('item 14: parser odds and ends', () => {
  it('a list used as a key prints no Node warning on stderr', async () => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    try {
      const result = await validate(write('list-key.journey.yaml', 'cjm: 1\nid: w\ntitle: W\n? [a, b]\n: c\nstages: [{ id: a, name: A }]\n'));
      expect(result.code).toBe(1);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('!!binary and !!timestamp stay text with a warning, like every other tag, instead of "a mapping"', async () => {
    const result = await validate(write('tags.journey.yaml', 'cjm: 1\nid: w\ntitle: !!binary aGVsbG8=\ndescription: !!timestamp 2001-12-14t21:59:43.10-05:00\nstages: [{ id: a, name: A }]\n'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3:8 +warning +Unresolved tag: tag:yaml\.org,2002:binary +yaml-warning/);
    expect(result.stdout).not.toMatch(/mapping/);
  });

  it('no run prints a stack trace', async () => {
    for (const file of ['fan-out.journey.yaml', 'cycle.journey.yaml', 'keys.journey.yaml']) {
      const result = await runCli(['report', '--no-config', '-o', 'site', file], { cwd: scratch.dir });
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  });
});

