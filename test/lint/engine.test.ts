import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lintFiles, type LintOptions } from '../../src/lint/engine.js';
import { defineRule } from '../../src/lint/rule.js';
import { RULES } from '../../src/rules/index.js';

/** Test rules with predictable findings: one per stage with no owner, one for the whole journey. */
const stageOwner = defineRule({
  id: 'stage-owner',
  description: 'stage with no owner',
  defaultSeverity: 'error',
  options: z.object({}),
  check(journey, { report }) {
    journey.stages.forEach((stage, s) => {
      if (!stage.owner) report({ path: ['stages', s, 'id'], message: `stage ${stage.id} has no owner` });
    });
  },
});
const journeyNote = defineRule({
  id: 'journey-note',
  description: 'always reports on the title, with the date it was given',
  defaultSeverity: 'warn',
  options: z.object({ word: z.string().default('note') }),
  check(journey, { report, now, options }) {
    report({ path: ['title'], message: `${options.word} on ${now.toISOString().slice(0, 10)}` });
  },
});
const TEST_RULES = [journeyNote, stageOwner];

const JOURNEY = (id: string, extra = '') => `${extra}cjm: 1
id: ${id}
title: Journey ${id}
stages:
  - id: one
    name: One
    steps:
      - { id: s1, name: Step one }
  - id: two
    name: Two
    owner: team
    steps:
      - { id: s2, name: Step two }
`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function lint(files: Record<string, string>, options: LintOptions = {}, patterns: string[] = []) {
  const cwd = workspace(files);
  return lintFiles(patterns, { cwd, config: false, rules: TEST_RULES, now: new Date('2026-11-22T00:00:00Z'), ...options });
}

const brief = (run: Awaited<ReturnType<typeof lint>>) =>
  run.files.flatMap((file) => file.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`));

describe('lintFiles', () => {
  it('runs every enabled rule on valid files and reports by file:line:col with severities', async () => {
    const run = await lint({ 'a.journey.yaml': JOURNEY('a') });
    expect(brief(run)).toEqual(['a.journey.yaml:3:8 warn journey-note', 'a.journey.yaml:5:9 error stage-owner']);
    expect(run.files[0].findings[0].message).toBe('note on 2026-11-22');
    expect(run.summary).toEqual({ files: 1, errors: 1, warnings: 1, infos: 0, suppressed: 0, ioErrors: 0 });
    expect(run.files[0]).not.toHaveProperty('journey');
  });

  it('validation findings are lint findings, and rules skip a file with validation errors', async () => {
    const run = await lint({ 'bad.journey.yaml': 'cjm: 1\nid: bad\ntitle: Bad\nstages: nope\n' });
    expect(brief(run)).toEqual(['bad.journey.yaml:4:9 error schema']);
  });

  it('keeps the journey only when asked', async () => {
    const run = await lint({ 'a.journey.yaml': JOURNEY('a') }, { keepJourneys: true });
    expect(run.files[0].journey?.id).toBe('a');
  });

  it('uses config rules, overrides relative to the config root and ignore globs', async () => {
    const cwd = workspace({
      'cjm.config.yaml': 'rules:\n  journey-note: [info, { word: hello }]\noverrides:\n  - files: ["drafts/**"]\n    rules: { stage-owner: warn }\nignore: ["legacy/**"]\n',
      'drafts/d.journey.yaml': JOURNEY('d'),
      'legacy/l.journey.yaml': JOURNEY('l'),
      'main.journey.yaml': JOURNEY('m'),
    });
    // Run from a sub-folder: globs stay relative to the config file, paths are shown relative to cwd.
    const run = await lintFiles([], { cwd: join(cwd, 'drafts'), rules: TEST_RULES, now: new Date('2026-01-01') });
    expect(brief(run)).toEqual([
      // Outside the working directory, discovery shows absolute paths.
      `${cwd}/main.journey.yaml:3:8 info journey-note`,
      `${cwd}/main.journey.yaml:5:9 error stage-owner`,
      'd.journey.yaml:3:8 info journey-note',
      'd.journey.yaml:5:9 warn stage-owner',
    ]);
    expect(run.files[1].findings[0].message).toBe('hello on 2026-01-01');
    // An ignored file named on the command line is dropped too: pre-commit passes file names.
    const explicit = await lintFiles(['legacy/l.journey.yaml'], { cwd, rules: TEST_RULES });
    expect(explicit.files).toEqual([]);
  });

  it('--rule settings win over the config', async () => {
    const run = await lint({ 'a.journey.yaml': JOURNEY('a') }, { ruleSeverities: [{ id: 'stage-owner', severity: 'off' }, { id: 'journey-note', severity: 'error' }] });
    expect(brief(run)).toEqual(['a.journey.yaml:3:8 error journey-note']);
  });

  it('quiet keeps errors only', async () => {
    const run = await lint({ 'a.journey.yaml': JOURNEY('a') }, { quiet: true });
    expect(brief(run)).toEqual(['a.journey.yaml:5:9 error stage-owner']);
    expect(run.summary.warnings).toBe(0);
  });

  it('a rule that throws gives a rule-error finding for that file; the other rules and files go on', async () => {
    const broken = defineRule({ id: 'broken', description: 'throws', defaultSeverity: 'warn', options: z.object({}), check: () => { throw new Error('boom'); } });
    const run = await lint({ 'a.journey.yaml': JOURNEY('a'), 'b.journey.yaml': JOURNEY('b') }, { rules: [broken, ...TEST_RULES] });
    expect(brief(run)).toEqual([
      'a.journey.yaml:1:1 error rule-error',
      'a.journey.yaml:3:8 warn journey-note',
      'a.journey.yaml:5:9 error stage-owner',
      'b.journey.yaml:1:1 error rule-error',
      'b.journey.yaml:3:8 warn journey-note',
      'b.journey.yaml:5:9 error stage-owner',
    ]);
    expect(run.files[0].findings[0].message).toContain('rule broken failed on this file (boom)');
  });

  it('a file that cannot be read is an ioError and is counted, not a crash', async () => {
    const cwd = workspace({ 'a.journey.yaml': JOURNEY('a') });
    execFileSync('mkfifo', [join(cwd, 'pipe.journey.yaml')]);
    const run = await lintFiles(['a.journey.yaml', 'pipe.journey.yaml'], { cwd, config: false, rules: TEST_RULES });
    expect(run.files.map((file) => [file.file, Boolean(file.ioError)])).toEqual([
      ['a.journey.yaml', false],
      ['pipe.journey.yaml', true],
    ]);
    expect(run.summary).toMatchObject({ files: 1, ioErrors: 1 });
  });
});

describe('inline suppression', () => {
  it('disable-next-line, disable-file and reasons; suppressed findings are counted', async () => {
    const text = JOURNEY('a', '# cjm-disable-file journey-note -- titles are fine\n').replace('  - id: one', '  # cjm-disable-next-line stage-owner -- owner being hired\n  - id: one');
    const run = await lint({ 'a.journey.yaml': text });
    expect(brief(run)).toEqual([]);
    expect(run.summary.suppressed).toBe(2);
  });

  it('a disable block ends at cjm-enable', async () => {
    const text = JOURNEY('a').replace('  - id: one', '  # cjm-disable stage-owner\n  - id: one').replace('  - id: two', '  # cjm-enable stage-owner\n  - id: two').replace('    owner: team\n', '');
    const run = await lint({ 'a.journey.yaml': text });
    expect(brief(run)).toEqual(['a.journey.yaml:3:8 warn journey-note', 'a.journey.yaml:11:9 error stage-owner']);
  });

  it('validation findings cannot be suppressed, and naming them in a directive is flagged', async () => {
    const run = await lint({ 'bad.journey.yaml': '# cjm-disable schema\ncjm: 1\nid: bad\ntitle: Bad\nstages: nope\n' });
    expect(brief(run)).toEqual(['bad.journey.yaml:1:1 warn invalid-disable-directive', 'bad.journey.yaml:5:9 error schema']);
  });

  it('a misspelt rule id is one finding, with a suggestion, even when unused directives are reported', async () => {
    const text = JOURNEY('a').replace('  - id: one', '  # cjm-disable-next-line stage-ownr\n  - id: one');
    const run = await lint({ 'a.journey.yaml': text }, { reportUnusedDisableDirectives: 'warn' });
    const directives = run.files[0].findings.filter((finding) => finding.line === 5);
    expect(directives.map((finding) => [finding.ruleId, finding.message])).toEqual([
      ['invalid-disable-directive', 'unknown rule "stage-ownr" in cjm-disable-next-line: did you mean stage-owner? (`cjm rules` lists the rules)'],
    ]);
  });

  it('--report-unused-disable-directives reports directives and rule ids that suppressed nothing, at the given severity', async () => {
    const text = JOURNEY('a', '# cjm-disable-next-line\n').replace('  - id: one', '  # cjm-disable-next-line stage-owner journey-note\n  - id: one');
    const quiet = await lint({ 'a.journey.yaml': text });
    expect(brief(quiet)).toEqual(['a.journey.yaml:4:8 warn journey-note']);
    const run = await lint({ 'a.journey.yaml': text }, { reportUnusedDisableDirectives: 'error' });
    expect(brief(run)).toEqual([
      'a.journey.yaml:1:1 error unused-disable-directive', // covers `cjm: 1`, where nothing is reported
      'a.journey.yaml:4:8 warn journey-note',
      'a.journey.yaml:6:3 error unused-disable-directive', // stage-owner was used, journey-note was not
    ]);
    expect(run.files[0].findings[2].message).toContain('no journey-note finding to suppress');
  });
});

describe('with the real rules', () => {
  it('now is injectable: stale-review counts days to it', async () => {
    const text = JOURNEY('a').replace('title: Journey a\n', 'title: Journey a\nreviewed: 2026-01-01\n');
    const at = (now: string) => lint({ 'a.journey.yaml': text }, { rules: RULES, now: new Date(`${now}T00:00:00Z`) });
    const ids = async (now: string) => (await at(now)).files[0].findings.map((f) => f.ruleId);
    expect(await ids('2026-03-01')).not.toContain('stale-review');
    expect(await ids('2026-11-22')).toContain('stale-review');
  });
});
