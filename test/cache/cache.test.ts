import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { lintFiles, type LintOptions } from '../../src/lint/engine.js';
import { validateFiles } from '../../src/validate/index.js';

// The version is part of the cache's key: a test changes it as an upgrade would.
const version = vi.hoisted(() => ({ current: '0.1.0' }));
vi.mock('../../src/version.js', () => ({ cjmVersion: () => version.current }));

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A journey with a stage nobody owns (a stage-owner finding); `step` adds to its one step. */
const JOURNEY = (id: string, step = '') => `cjm: 1
id: ${id}
title: Journey ${id}
reviewed: 2026-01-01
stages:
  - id: one
    name: One
    steps:
      - id: s1
        name: Step one
        touchpoints: [{ channel: claims-portal }]${step}
`;

const CONFIG = `catalog: [catalog.yaml]
data:
  - file: kpis.csv
    columns: { journey: Journey, stage: Stage, step: Step, metric: Metric, value: Value, date: Date }
`;
const CATALOG = 'channels:\n  - { id: claims-portal, name: Claims web portal, type: digital }\n';
const CSV = 'Journey,Stage,Step,Metric,Value,Date\na,one,,csat,74,2026-10-01\n';

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-cache-'));
  made.push(dir);
  const all = { 'cjm.config.yaml': CONFIG, 'catalog.yaml': CATALOG, 'kpis.csv': CSV, 'a.journey.yaml': JOURNEY('a'), 'b.journey.yaml': JOURNEY('b', '\n        subjourney: a'), ...files };
  for (const [name, text] of Object.entries(all)) write(dir, name, text);
  return dir;
}

function write(dir: string, name: string, text: string): void {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), text);
}

const NOW = new Date('2026-11-22T12:00:00Z');
const lint = (cwd: string, options: LintOptions = {}) => lintFiles([], { cwd, cache: {}, now: NOW, ...options });

/** Every finding as `file ruleId: message`, in order. */
const brief = (run: { files: { findings: { file: string; ruleId: string; message: string }[] }[] }) =>
  run.files.flatMap((file) => file.findings.map((f) => `${f.file} ${f.ruleId}: ${f.message}`));

/**
 * Rewrites every message the cache holds to "cached": a later run shows
 * "cached" for the files it took from the cache and real messages for the
 * files it checked again.
 */
function markCache(dir: string, location = join(dir, '.cjmcache')): void {
  const cache = JSON.parse(readFileSync(location, 'utf8'));
  for (const run of Object.values<any>(cache.runs)) {
    for (const [file, text] of Object.entries<string>(run.files)) {
      const entry = JSON.parse(text);
      for (const finding of entry.findings) finding[6] = 'cached';
      run.files[file] = JSON.stringify(entry);
    }
  }
  writeFileSync(location, JSON.stringify(cache));
}

/** Files whose findings came from the cache (all "cached"), and files checked again. */
function sources(run: Awaited<ReturnType<typeof lint>>): Record<string, 'cache' | 'checked'> {
  const out: Record<string, 'cache' | 'checked'> = {};
  for (const file of run.files) {
    if (file.findings.length === 0 || file.file.endsWith('.csv')) continue;
    out[file.file] = file.findings.every((f) => f.message === 'cached') ? 'cache' : 'checked';
  }
  return out;
}

describe('--cache', () => {
  it('gives the same findings as a run without it, and reuses them when nothing changed', async () => {
    const dir = workspace();
    const plain = brief(await lintFiles([], { cwd: dir, now: NOW }));
    expect(plain.length).toBeGreaterThan(2);
    expect(brief(await lint(dir))).toEqual(plain);
    expect(existsSync(join(dir, '.cjmcache'))).toBe(true);
    expect(brief(await lint(dir))).toEqual(plain);
    markCache(dir);
    expect(sources(await lint(dir))).toEqual({ 'a.journey.yaml': 'cache', 'b.journey.yaml': 'cache' });
  });

  it('checks a file again when its text changed, and only that file', async () => {
    const dir = workspace();
    await lint(dir);
    markCache(dir);
    write(dir, 'a.journey.yaml', `${JOURNEY('a')}# edited\n`);
    expect(sources(await lint(dir))).toEqual({ 'a.journey.yaml': 'checked', 'b.journey.yaml': 'cache' });
  });

  it.each([
    ['the config', 'cjm.config.yaml', `${CONFIG}rules: { stage-kpi: off }\n`],
    ['a catalogue file', 'catalog.yaml', `${CATALOG}  - { id: claims-desk, name: Claims desk, type: human }\n`],
    ['a KPI data file', 'kpis.csv', `${CSV}a,one,,csat,70,2026-11-01\n`],
  ])('checks every file again when %s changed', async (_, name, text) => {
    const dir = workspace();
    await lint(dir);
    markCache(dir);
    write(dir, name, text);
    expect(sources(await lint(dir))).toEqual({ 'a.journey.yaml': 'checked', 'b.journey.yaml': 'checked' });
  });

  it('checks every file again under another version of cjm', async () => {
    const dir = workspace();
    await lint(dir);
    markCache(dir);
    version.current = '0.2.0';
    try {
      expect(sources(await lint(dir))).toEqual({ 'a.journey.yaml': 'checked', 'b.journey.yaml': 'checked' });
    } finally {
      version.current = '0.1.0';
    }
  });

  it('checks a file again when a journey it refers to was renamed', async () => {
    const dir = workspace({ 'c.journey.yaml': JOURNEY('c') });
    await lint(dir);
    markCache(dir);
    write(dir, 'a.journey.yaml', JOURNEY('a-renamed'));
    const run = await lint(dir);
    expect(sources(run)).toEqual({ 'a.journey.yaml': 'checked', 'b.journey.yaml': 'checked', 'c.journey.yaml': 'cache' });
    expect(brief(run).some((line) => line.startsWith('b.journey.yaml unknown-journey: subjourney `a`'))).toBe(true);
  });

  it('checks a file with an unknown subjourney again when the set of journey ids changed (the suggestion may change)', async () => {
    const dir = workspace({ 'b.journey.yaml': JOURNEY('b', '\n        subjourney: c') });
    const first = await lint(dir);
    expect(brief(first).some((line) => line.startsWith('b.journey.yaml unknown-journey'))).toBe(true);
    markCache(dir);
    write(dir, 'c.journey.yaml', JOURNEY('c'));
    const run = await lint(dir);
    expect(sources(run)['b.journey.yaml']).toBe('checked');
    expect(sources(run)['a.journey.yaml']).toBe('cache');
    expect(brief(run).some((line) => line.startsWith('b.journey.yaml unknown-journey'))).toBe(false);
  });

  it('keeps findings of date rules for the day they were computed', async () => {
    const dir = workspace();
    await lint(dir);
    markCache(dir);
    expect(sources(await lint(dir, { now: new Date('2026-11-22T23:00:00Z') }))).toEqual({ 'a.journey.yaml': 'cache', 'b.journey.yaml': 'cache' });
    expect(sources(await lint(dir, { now: new Date('2026-11-23T01:00:00Z') }))).toEqual({ 'a.journey.yaml': 'checked', 'b.journey.yaml': 'checked' });
  });

  it('reuses findings on another day when no date rule runs', async () => {
    const dir = workspace();
    const off = { ruleSeverities: [{ id: 'stale-review', severity: 'off' as const }, { id: 'kpi-stale', severity: 'off' as const }] };
    await lint(dir, off);
    markCache(dir);
    expect(sources(await lint(dir, { ...off, now: new Date('2027-03-01T00:00:00Z') }))).toEqual({ 'a.journey.yaml': 'cache', 'b.journey.yaml': 'cache' });
  });

  it('keeps separate entries for other command-line settings (--rule, --quiet) and for validate', async () => {
    const dir = workspace();
    await lint(dir);
    markCache(dir);
    const quiet = await lint(dir, { quiet: true });
    expect(brief(quiet).every((line) => !line.includes('cached'))).toBe(true);
    const validate = await validateFiles([], { cwd: dir, cache: {} });
    expect(brief(validate).every((line) => !line.includes('cached'))).toBe(true);
    expect(sources(await lint(dir))).toEqual({ 'a.journey.yaml': 'cache', 'b.journey.yaml': 'cache' });
  });

  it.each([
    ['not JSON', '{"format": "cjm-cache-1", "runs": {'],
    ['another format', JSON.stringify({ format: 'eslint', runs: {} })],
    ['an array', '[]'],
    ['the format of another version', JSON.stringify({ format: 'cjm-cache-1', runs: { key: { used: 1, files: { 'a.journey.yaml': { hash: 'x', findings: [] } } } } })],
  ])('ignores a cache file that is %s, and writes a good one over it', async (_, text) => {
    const dir = workspace();
    const plain = brief(await lintFiles([], { cwd: dir, now: NOW }));
    writeFileSync(join(dir, '.cjmcache'), text);
    expect(brief(await lint(dir))).toEqual(plain);
    expect(JSON.parse(readFileSync(join(dir, '.cjmcache'), 'utf8')).format).toBe('cjm-cache-2');
  });

  it('never trusts a malformed entry: the file is checked again', async () => {
    const dir = workspace();
    const plain = brief(await lint(dir));
    const location = join(dir, '.cjmcache');
    const cache = JSON.parse(readFileSync(location, 'utf8'));
    const bad = [[['stage-owner', 'fatal', 0, 1, 1, 1, 'x']], [['stage-owner', 'error', 1, 1, 1, 1]], 'findings'];
    for (const run of Object.values<any>(cache.runs)) {
      Object.keys(run.files).forEach((file, i) => (run.files[file] = JSON.stringify({ ...JSON.parse(run.files[file]), findings: bad[i % bad.length] })));
      run.files['c.journey.yaml'] = '{"hash": ';
    }
    writeFileSync(location, JSON.stringify(cache));
    expect(brief(await lint(dir))).toEqual(plain);
  });

  it('keeps the count of findings silenced by comments', async () => {
    const dir = workspace({ 'a.journey.yaml': `# cjm-disable stage-owner\n${JOURNEY('a')}` });
    const cold = await lint(dir);
    expect(cold.summary.suppressed).toBeGreaterThan(0);
    expect((await lint(dir)).summary.suppressed).toBe(cold.summary.suppressed);
  });

  it('writes where --cache-location says (a folder holds .cjmcache), and says when it cannot write', async () => {
    const dir = workspace();
    await lint(dir, { cache: { location: 'cache-file' } });
    expect(existsSync(join(dir, 'cache-file'))).toBe(true);
    mkdirSync(join(dir, 'cache-dir'));
    await lint(dir, { cache: { location: 'cache-dir' } });
    expect(existsSync(join(dir, 'cache-dir', '.cjmcache'))).toBe(true);
    write(dir, 'blocker', '');
    const run = await lint(dir, { cache: { location: 'blocker/.cjmcache' } });
    expect(run.cacheError).toMatch(/^cannot write the cache .*blocker/);
    expect(brief(run)).toEqual(brief(await lint(dir)));
  });

  it('neither reads nor writes through a .cjmcache that is a link (a pull request could point it at ~/.npmrc), nor a pipe', async () => {
    const dir = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'cjm-cache-target-'));
    made.push(outside);
    writeFileSync(join(outside, 'npmrc'), 'token=secret\n');
    symlinkSync(join(outside, 'npmrc'), join(dir, '.cjmcache'));
    const linked = await lint(dir);
    expect(linked.cacheError).toMatch(/^cache not used: .*\.cjmcache is a symbolic link, not a cache file/);
    expect(brief(linked)).toEqual(brief(await lint(dir, { cache: undefined })));
    expect(readFileSync(join(outside, 'npmrc'), 'utf8')).toBe('token=secret\n');
    rmSync(join(dir, '.cjmcache'));
    execFileSync('mkfifo', [join(dir, '.cjmcache')]);
    expect((await lint(dir)).cacheError).toMatch(/^cache not used: .*not a regular file/);
  });
});

describe('cjm lint --cache and cjm validate --cache', () => {
  it('keep the cache beside the config, print the same report warm as cold, and warn when the cache cannot be written', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const dir = workspace();
    mkdirSync(join(dir, 'sub'));
    const cold = await runCli(['lint', '--cache', '..'], { cwd: join(dir, 'sub') });
    expect(existsSync(join(dir, '.cjmcache'))).toBe(true);
    expect(await runCli(['lint', '--cache', '..'], { cwd: join(dir, 'sub') })).toEqual(cold);
    const validate = await runCli(['validate', '--cache'], { cwd: dir });
    expect(await runCli(['validate', '--cache'], { cwd: dir })).toEqual(validate);
    write(dir, 'blocker', '');
    const blocked = await runCli(['lint', '--cache-location', 'blocker/cache'], { cwd: dir });
    expect(blocked.stderr).toMatch(/^cjm: warning: cannot write the cache .*blocker/);
    expect(blocked.stdout).toBe((await runCli(['lint'], { cwd: dir })).stdout);
  });
});
