import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * The "done when": a throwaway repository with two commits, and
 * `cjm diff --rev HEAD~1` run there reports exactly the changes between them.
 */

const CONFIG = `include: ["maps/**/*.journey.yaml"]
metrics:
  - { id: wait, name: Days waiting for an assessor, unit: days, direction: down }
`;

const CLAIM_V1 = `cjm: 1
id: claim
title: Motor claim
owner: claims-cx
stages:
  - id: report
    name: Report
    owner: intake
    steps:
      - id: open
        name: Opens a claim
        emotion: -1
        touchpoints: [{ channel: app }]
      - id: upload
        name: Uploads photos
        emotion: -2
        touchpoints: [{ channel: app }]
  - id: assess
    name: Assess
    owner: assessment
    kpis:
      - { metric: wait, target: 10, actual: 30 }
    steps:
      - id: video
        name: Video call
        emotion: 1
        touchpoints: [{ channel: video }]
  - id: repair
    name: Repair
    owner: partners
    steps:
      - id: choose
        name: Chooses a body shop
        emotion: 0
        touchpoints: [{ channel: web }]
        next: []
`;

// Commit 2: upload's emotion -2 -> 0, the report stage loses its owner, `choose`
// moves from repair to assess (still right after `video`, so the flow is the
// same), the `wait` KPI's actual 30 -> 12 (better: the metric goes down).
const CLAIM_V2 = CLAIM_V1.replace('        emotion: -2\n', '        emotion: 0\n')
  .replace('    owner: intake\n', '')
  .replace('actual: 30 }', 'actual: 12 }')
  .replace(
    /(        touchpoints: \[\{ channel: video \}\]\n)(  - id: repair\n    name: Repair\n    owner: partners\n)    steps:\n([\s\S]*)$/,
    (_all, video: string, repair: string, choose: string) => `${video}${choose}${repair}`,
  );

const small = (id: string, title: string) => `cjm: 1\nid: ${id}\ntitle: ${title}\nstages:\n  - id: only\n    name: Only\n    steps:\n      - { id: one, name: One step }\n`;

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
}

function write(path: string, text: string): void {
  writeFileSync(join(repo, path), text);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'cjm-diff-rev-'));
  mkdirSync(join(repo, 'maps'));
  git('init', '--quiet');
  git('config', 'user.name', 'cjm test');
  git('config', 'user.email', 'cjm-test@example.com');
  git('config', 'commit.gpgsign', 'false');
  write('cjm.config.yaml', CONFIG);
  write('maps/claim.journey.yaml', CLAIM_V1);
  // Different enough from new.journey.yaml that git does not call it a rename.
  write('maps/old.journey.yaml', `${small('old', 'Old journey')}# ${'retired map, kept for the record; '.repeat(8)}\n`);
  write('maps/notes.md', 'not a journey\n');
  git('add', '.');
  git('commit', '--quiet', '-m', 'first maps');
  write('maps/claim.journey.yaml', CLAIM_V2);
  write('maps/new.journey.yaml', small('new', 'New journey'));
  write('maps/notes.md', 'still not a journey, changed\n');
  git('rm', '--quiet', 'maps/old.journey.yaml');
  git('add', '.');
  git('commit', '--quiet', '-m', 'second maps');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('cjm diff --rev in a git repository (built binary)', () => {
  it('the fixture really changes what the test says (guards the regex edit)', () => {
    expect(CLAIM_V2).not.toBe(CLAIM_V1);
    expect(CLAIM_V2).toMatch(/      - id: video[\s\S]*      - id: choose[\s\S]*  - id: repair\n    name: Repair\n    owner: partners\n$/);
  });

  it('reports exactly the changes between HEAD~1 and the working tree: exit 0', async () => {
    const result = await runCli(['diff', '--rev', 'HEAD~1'], { cwd: repo });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'maps/claim.journey.yaml',
        '  stage report "Report"',
        '    owner removed (was "intake")',
        '    upload: emotion -2 → 0 (better)',
        '  stage assess "Assess"',
        '    KPI wait (days): actual 30 → 12 (better)',
        '    choose: moved from stage repair to assess',
        '',
        'maps/new.journey.yaml (added)',
        '  added: "New journey" (new), 1 stage, 1 step',
        '',
        'maps/old.journey.yaml (deleted)',
        '  deleted: "Old journey" (old), 1 stage, 1 step',
        '',
        '3 journeys: 1 changed, 1 added, 1 deleted; 1 step moved, 2 changed; emotion 1 better, 0 worse; KPIs 1 better, 0 worse',
        '',
      ].join('\n'),
    );
  });

  it('the same as JSON: nothing else in the structure', async () => {
    const result = await runCli(['diff', '--rev', 'HEAD~1', '--format', 'json'], { cwd: repo });
    const report = JSON.parse(result.stdout);
    expect(report.rev).toBe('HEAD~1');
    expect(report.files.map((file: { status: string; oldFile?: string; newFile?: string }) => [file.status, file.oldFile, file.newFile])).toEqual([
      ['modified', 'maps/claim.journey.yaml', 'maps/claim.journey.yaml'],
      ['added', undefined, 'maps/new.journey.yaml'],
      ['deleted', 'maps/old.journey.yaml', undefined],
    ]);
    const claim = report.files[0];
    expect(claim.journey).toEqual([]);
    const changes = claim.stages.flatMap((stage: { id: string; changes: unknown[]; steps: { id: string; changes: unknown[] }[] }) => [
      ...stage.changes.map((change) => [stage.id, change]),
      ...stage.steps.flatMap((step) => step.changes.map((change) => [step.id, change])),
    ]);
    expect(changes).toEqual([
      ['report', { kind: 'field', field: 'owner', from: 'intake' }],
      ['upload', { kind: 'emotion', from: -2, to: 0, trend: 'better' }],
      ['assess', { kind: 'kpi', action: 'changed', metric: 'wait', unit: 'days', actual: { from: 30, to: 12, trend: 'better' } }],
      ['choose', { kind: 'moved', fromStage: 'repair', toStage: 'assess' }],
    ]);
  });

  it('--exit-code: 1 when something differs, 0 when nothing does', async () => {
    expect((await runCli(['diff', '--rev', 'HEAD~1', '--exit-code'], { cwd: repo })).code).toBe(1);
    const same = await runCli(['diff', '--rev', 'HEAD', '--exit-code'], { cwd: repo });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('no differences in 2 journeys\n');
  });

  it('named paths, from a subdirectory, including a file deleted since the revision', async () => {
    const result = await runCli(['diff', '--rev', 'HEAD~1', 'claim.journey.yaml', 'old.journey.yaml'], { cwd: join(repo, 'maps') });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^claim\.journey\.yaml\n {2}stage report "Report"\n/);
    expect(result.stdout).toContain('old.journey.yaml (deleted)');
    expect(result.stdout).not.toContain('new.journey.yaml');
  });

  it('markdown names the revision in its summary line', async () => {
    const result = await runCli(['diff', '--rev', 'HEAD~1', '--format', 'markdown'], { cwd: repo });
    expect(result.stdout.split('\n')[0]).toBe(
      '**cjm diff (against `HEAD~1`):** 3 journeys: 1 changed, 1 added, 1 deleted; 1 step moved, 2 changed; emotion 1 better, 0 worse; KPIs 1 better, 0 worse',
    );
    expect(result.stdout).toContain('| Uploads photos `upload` | `report` | -2 → 0 | 🟢 better |');
    expect(result.stdout).toContain('| `wait` (days) | stage `assess` |  | 30 → 12 (🟢 better) |');
  });

  it('uncommitted work counts: a staged rename and an untracked journey', async () => {
    git('mv', 'maps/new.journey.yaml', 'maps/renamed.journey.yaml');
    write('maps/draft.journey.yaml', small('draft', 'Draft journey'));
    try {
      const result = await runCli(['diff', '--rev', 'HEAD', '--format', 'json'], { cwd: repo });
      const report = JSON.parse(result.stdout);
      expect(report.files.map((file: { status: string; oldFile?: string; newFile?: string }) => [file.status, file.oldFile, file.newFile])).toEqual([
        ['unchanged', 'maps/claim.journey.yaml', 'maps/claim.journey.yaml'],
        ['added', undefined, 'maps/draft.journey.yaml'],
        ['renamed', 'maps/new.journey.yaml', 'maps/renamed.journey.yaml'],
      ]);
    } finally {
      git('mv', 'maps/renamed.journey.yaml', 'maps/new.journey.yaml');
      rmSync(join(repo, 'maps/draft.journey.yaml'));
    }
  });

  it('an unknown revision, a path in neither tree, or no repository: exit 2 with one line', async () => {
    const unknown = await runCli(['diff', '--rev', 'no-such-branch'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^cjm: unknown revision no-such-branch/);
    const option = await runCli(['diff', '--rev=--output=/tmp/x'], { cwd: repo });
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^cjm: invalid revision/);
    const missing = await runCli(['diff', '--rev', 'HEAD~1', 'maps/never.journey.yaml'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const outside = mkdtempSync(join(tmpdir(), 'cjm-diff-norepo-'));
    try {
      const result = await runCli(['diff', '--rev', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('cjm: not in a git repository; --rev compares with a git revision\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a journey that was invalid at the revision: its findings on stderr, exit 2, the other files still reported', async () => {
    write('maps/claim.journey.yaml', CLAIM_V2.replace('emotion: 0\n', 'emotion: 9\n'));
    try {
      const result = await runCli(['diff', '--rev', 'HEAD'], { cwd: repo });
      // The whole result, so that a failure shows stderr.
      expect(result).toMatchObject({ code: 2 });
      expect(result.stderr).toMatch(/^cjm: cannot compare: maps\/claim\.journey\.yaml is not a valid journey\n/);
      expect(result.stderr).toMatch(/must be at most 2/);
      expect(result.stdout).toBe('no differences in 1 journey\n');
    } finally {
      write('maps/claim.journey.yaml', CLAIM_V2);
    }
  });
});
