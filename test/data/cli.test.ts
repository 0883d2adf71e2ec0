import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const CONFIG = `data:
  - file: data/kpis.csv
    columns: { journey: Journey, stage: Stage, step: Step, metric: Metric, value: Value, date: Date }
`;
const JOURNEY = `# The claim journey, fed from data/kpis.csv.
cjm: 1
id: claim
title: Motor claim
stages:
  - id: report
    name: Report
    kpis:
      # Post-report survey
      - { metric: csat, target: 80, actual: 70, measured: 2026-09-01 }
    steps:
      - id: open-claim
        name: Opens a claim
        kpis:
          - metric: conversion
            target: 80 # from the 2026 plan
`;
const CSV = `Journey,Stage,Step,Metric,Value,Date
claim,report,,csat,74,2026-10-01
claim,report,,csat,76,2026-11-01
claim,,open-claim,conversion,61,2026-11-01
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-data-cli-'));
  made.push(dir);
  execFileSync('mkdir', ['-p', join(dir, 'data')]);
  for (const [name, content] of Object.entries({ 'cjm.config.yaml': CONFIG, 'claim.journey.yaml': JOURNEY, 'data/kpis.csv': CSV, ...files })) writeFileSync(join(dir, name), content);
  return dir;
}

const NO_RULE_NOISE = ['--rule', 'stale-review:off', '--rule', 'stage-owner:off', '--rule', 'step-channel:off', '--rule', 'emotion-missing:off', '--rule', 'kpi-off-target:off', '--rule', 'moment-of-truth-kpi:off'];

async function lintJson(cwd: string, ...args: string[]) {
  const result = await runCli(['lint', '--format', 'json', ...NO_RULE_NOISE, ...args], { cwd });
  return { code: result.code, findings: (JSON.parse(result.stdout).findings as { file: string; line: number; column: number; ruleId: string; message: string }[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`) };
}

describe('cjm lint with KPI data', () => {
  it('sees the data: a mismatch with the file, and --no-data sees the file alone', async () => {
    const dir = workspace({});
    expect(await lintJson(dir)).toEqual({ code: 0, findings: ['claim.journey.yaml:10:45 kpi-data-mismatch'] });
    expect(await lintJson(dir, '--no-data')).toEqual({ code: 0, findings: [] });
  });

  it('bad rows are errors in the data file, listed under it; the good rows still feed their KPIs', async () => {
    const dir = workspace({ 'data/kpis.csv': `${CSV}claim,report,,csat,lots,2026-12-01\nclaim,reprot,,csat,70,2026-12-01\nbopis,pickup,,csat,70,2026-12-01\n` });
    const { code, findings } = await lintJson(dir);
    expect(code).toBe(1);
    expect(findings).toEqual(['claim.journey.yaml:10:45 kpi-data-mismatch', 'data/kpis.csv:5:20 data-value', 'data/kpis.csv:6:7 kpi-data-unmatched', 'data/kpis.csv:7:1 kpi-data-unmatched']);
  });

  it('a run on some files checks only the rows of their journeys', async () => {
    const other = 'cjm: 1\nid: other\ntitle: Other\nstages:\n  - { id: one, name: One, steps: [{ id: a, name: A }] }\n';
    const dir = workspace({ 'data/kpis.csv': `${CSV}bopis,pickup,,csat,70,2026-12-01\n`, 'other.journey.yaml': other });
    expect((await lintJson(dir, 'claim.journey.yaml')).findings).toEqual(['claim.journey.yaml:10:45 kpi-data-mismatch']);
    // The whole workspace: the row naming a journey that does not exist is reported.
    expect((await lintJson(dir)).findings).toContain('data/kpis.csv:5:1 kpi-data-unmatched');
  });

  it('cjm validate reports problems of the data files too', async () => {
    const dir = workspace({ 'data/kpis.csv': CSV.replace('2026-10-01', '1 Oct 2026') });
    const result = await runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/data\/kpis\.csv\n  2:23 +error +"1 Oct 2026" is not a date/);
  });
});

describe('pictures and pages drawn from KPI data', () => {
  it('render and report say in one line per data file when rows were left out', async () => {
    const dir = workspace({ 'data/kpis.csv': `${CSV}claim,report,,csat,lots,2026-12-01\n` });
    const note = 'cjm: data/kpis.csv: 1 problem in the KPI data (rows left out); run cjm lint for the list\n';
    const render = await runCli(['render', 'claim.journey.yaml'], { cwd: dir });
    expect(render.stderr).toBe(note);
    expect(render.stdout).toContain('<svg');
    const report = await runCli(['report', '--out', 'site', '--images', 'none'], { cwd: dir });
    expect(report.stderr).toBe(note);
  });
});

describe('cjm data sync', () => {
  it('--check fails while a file is behind; sync writes actual, measured and source, keeping comments; then all agree', async () => {
    const dir = workspace({});
    const check = await runCli(['data', 'sync', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      [
        'claim.journey.yaml',
        '  stages[0].kpis[0].actual: 70 → 76',
        '  stages[0].kpis[0].source: (none) → data/kpis.csv:3',
        '  stages[0].kpis[0].measured: 2026-09-01 → 2026-11-01',
        '  stages[0].steps[0].kpis[0].actual: (none) → 61',
        '  stages[0].steps[0].kpis[0].source: (none) → data/kpis.csv:4',
        '  stages[0].steps[0].kpis[0].measured: (none) → 2026-11-01',
        '',
      ].join('\n'),
    );
    expect(check.stderr).toBe('cjm: 1 file is behind the KPI data; run `cjm data sync` to update\n');
    expect(readFileSync(join(dir, 'claim.journey.yaml'), 'utf8')).toBe(JOURNEY);

    expect((await runCli(['data', 'sync'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'claim.journey.yaml'), 'utf8')).toBe(
      JOURNEY.replace('{ metric: csat, target: 80, actual: 70, measured: 2026-09-01 }', '{ metric: csat, target: 80, actual: 76, source: "data/kpis.csv:3", measured: 2026-11-01 }').replace(
        '            target: 80 # from the 2026 plan\n',
        '            target: 80 # from the 2026 plan\n            actual: 61\n            source: "data/kpis.csv:4"\n            measured: 2026-11-01\n',
      ),
    );
    expect(await runCli(['data', 'sync', '--check'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await lintJson(dir)).findings).toEqual([]);
  });

  it('a file not in the canonical layout keeps its own: only the values change', async () => {
    const own = 'cjm: 1\nid: claim\ntitle: Motor claim\nstages:\n    -   id: report\n        name: Report\n        kpis:\n            -   metric: csat   # survey\n                actual: 70\n\n\n        steps:\n            - { id: open-claim, name: Opens a claim, kpis: [{metric: conversion}] }\n';
    const dir = workspace({ 'claim.journey.yaml': own });
    expect((await runCli(['data', 'sync'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'claim.journey.yaml'), 'utf8')).toBe(
      own
        .replace('actual: 70\n', 'actual: 76\n                source: "data/kpis.csv:3"\n                measured: 2026-11-01\n')
        .replace('{metric: conversion}', '{metric: conversion, actual: 61, source: "data/kpis.csv:4", measured: 2026-11-01}'),
    );
  });

  it('without data: in the config, says how to add it', async () => {
    const dir = workspace({ 'cjm.config.yaml': 'include: ["*.journey.yaml"]\n' });
    expect(await runCli(['data', 'sync'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'cjm: the config has no data sources: add data: to cjm.config.yaml (see docs/data.md)\n' });
  });
});

describe('cjm diff --rev with KPI data', () => {
  it('reads the data files at the revision too: a pull request shows KPI movements', async () => {
    const dir = workspace({});
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'October data');
    writeFileSync(join(dir, 'data/kpis.csv'), `${CSV}claim,report,,csat,81,2026-12-01\n`);
    const result = await runCli(['diff', '--rev', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const [file] = JSON.parse(result.stdout).files;
    expect(file.stages[0].changes).toEqual([{ kind: 'kpi', action: 'changed', metric: 'csat', unit: '%', actual: { from: 76, to: 81, trend: 'better' } }]);
    const plain = await runCli(['diff', '--rev', 'HEAD', '--no-data'], { cwd: dir });
    expect(plain.stdout).not.toContain('csat');
  });
});

describe('cjm data sync writes through the one writer (issue 12)', () => {
  it('a read-only journey is reported and left as it is; the byte order mark of another is kept', async () => {
    const { chmodSync } = await import('node:fs');
    const dir = workspace({});
    writeFileSync(join(dir, 'claim.journey.yaml'), `\ufeff${JOURNEY}`);
    const synced = await runCli(['data', 'sync'], { cwd: dir });
    expect(synced.code, synced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'claim.journey.yaml'), 'utf8').startsWith('\ufeff# The claim journey')).toBe(true);

    writeFileSync(join(dir, 'claim.journey.yaml'), JOURNEY);
    chmodSync(join(dir, 'claim.journey.yaml'), 0o444);
    const refused = await runCli(['data', 'sync'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('cjm: claim.journey.yaml: not written: is read-only; make it writable first\n');
    expect(readFileSync(join(dir, 'claim.journey.yaml'), 'utf8')).toBe(JOURNEY);
  });
});
