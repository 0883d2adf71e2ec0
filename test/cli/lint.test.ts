import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, FIXTURES, runCli, type CliOptions } from '../helpers/cli.js';

const LINT_CLI = join(FIXTURES, 'lint-cli');
const BASIC = join(LINT_CLI, 'basic');
const golden = (name: string) => join(LINT_CLI, 'goldens', `${name}.txt`);

async function scenario(name: string, args: string[], options: CliOptions = {}) {
  const result = await runCli(args, { cwd: BASIC, ...options });
  await expectGolden(golden(name), args, result);
  expect(result.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  return result;
}

describe('cjm lint (built binary)', () => {
  it('stylish by default: every finding of every file, validation first; exit 1 on errors', async () => {
    const result = await scenario('basic-stylish', ['lint', '--no-config', '.']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('gaps.journey.yaml');
    expect(result.stdout).not.toContain('clean.journey.yaml');
  });

  it('--verbose lists infos in the stylish report too', async () => {
    const result = await scenario('basic-verbose', ['lint', '--no-config', '--verbose', '.']);
    expect(result.stdout).toMatch(/^ +\S+ +info +.*digital-gap$/m);
    expect(result.stdout).toContain('suppressed.journey.yaml');
  });

  it.each(['json', 'sarif', 'github', 'junit'])('--format %s', async (format) => {
    const result = await scenario(`basic-${format}`, ['lint', '--no-config', '--format', format, '.']);
    expect(result.code).toBe(1);
    if (format === 'json' || format === 'sarif') JSON.parse(result.stdout);
  });

  it('--sarif-category names the run for code scanning; without -f sarif it is a usage error', async () => {
    const result = await runCli(['lint', '--no-config', '-f', 'sarif', '--sarif-category', 'journeys', 'gaps.journey.yaml'], { cwd: BASIC });
    expect(JSON.parse(result.stdout).runs[0].automationDetails).toEqual({ id: 'journeys/' });
    const misplaced = await runCli(['lint', '--no-config', '--sarif-category', 'journeys', 'gaps.journey.yaml'], { cwd: BASIC });
    expect(misplaced).toEqual({ code: 2, stdout: '', stderr: 'cjm: --sarif-category applies to SARIF output: add -f sarif\n' });
    expect((await runCli(['lint', '--no-config', '-f', 'sarif', '--sarif-category', 'two words', '.'], { cwd: BASIC })).code).toBe(2);
  });

  it('warnings only: exit 0; --max-warnings 1 is exceeded by 2 warnings: exit 1; --max-warnings 2 is not', async () => {
    expect((await scenario('warnings', ['lint', '--no-config', 'warnings.journey.yaml'])).code).toBe(0);
    const over = await scenario('max-warnings-exceeded', ['lint', '--no-config', '--max-warnings', '1', 'warnings.journey.yaml']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('cjm: 2 warnings, more than --max-warnings 1\n');
    expect((await runCli(['lint', '--no-config', '--max-warnings', '2', 'warnings.journey.yaml'], { cwd: BASIC })).code).toBe(0);
  });

  it('--quiet reports errors only', async () => {
    const result = await scenario('quiet', ['lint', '--no-config', '--quiet', '.']);
    expect(result.stdout).not.toMatch(/^ +\S+ +(warning|info) /m);
    expect(result.code).toBe(1);
    const warningsOnly = await runCli(['lint', '--no-config', '--quiet', 'warnings.journey.yaml'], { cwd: BASIC });
    expect([warningsOnly.code, warningsOnly.stdout]).toEqual([0, '✔ 1 file checked, no problems\n']);
  });

  it('--rule id:severity wins over the defaults', async () => {
    const result = await scenario('rule-flag', ['lint', '--no-config', '--rule', 'stage-owner:off', '--rule', 'step-channel:warn', '--rule', 'stage-empty:info', 'gaps.journey.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('stage-owner');
  });

  it('in GitHub Actions with no --format: annotations, then the full stylish report', async () => {
    const result = await scenario('github-actions', ['lint', '--no-config', 'gaps.journey.yaml', 'warnings.journey.yaml'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    const report = lines.indexOf('gaps.journey.yaml');
    expect(report).toBeGreaterThan(0);
    expect(lines.slice(0, report).every((line) => /^::(error|warning|notice) file=/.test(line))).toBe(true);
    expect(lines.slice(0, report)).toHaveLength(9);
    // An explicit format is respected as is.
    const json = await runCli(['lint', '--no-config', '-f', 'json', 'gaps.journey.yaml'], { cwd: BASIC, env: { GITHUB_ACTIONS: 'true' } });
    expect(JSON.parse(json.stdout).summary.errors).toBe(3);
  });

  it('suppression comments; --report-unused-disable-directives flags those that suppress nothing', async () => {
    const plain = await scenario('suppressed', ['lint', '--no-config', 'suppressed.journey.yaml']);
    expect(plain.stdout).not.toMatch(/stage-owner|stale-review|emotion-missing/);
    const unused = await scenario('unused-directives', ['lint', '--no-config', '--report-unused-disable-directives', 'error', 'suppressed.journey.yaml']);
    expect(unused.code).toBe(1);
    expect(unused.stdout.match(/unused-disable-directive/g)).toHaveLength(2);
    // Without a severity it is warn, and the next word is still a path.
    const bare = await runCli(['lint', '--no-config', '--report-unused-disable-directives', 'suppressed.journey.yaml'], { cwd: BASIC });
    expect(bare.stdout).toMatch(/warning +unused cjm-disable-next-line/);
  });

  it('the config: rules with options, overrides by folder (last match wins), ignore', async () => {
    const result = await scenario('workspace', ['lint'], { cwd: join(LINT_CLI, 'workspace') });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('legacy/');
    expect(result.stdout).not.toContain('digital-gap');
  });

  it('a config naming an unknown rule is exit 2 with file:line:col and a suggestion', async () => {
    const result = await scenario('bad-config', ['lint'], { cwd: join(LINT_CLI, 'bad-config') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cjm: cjm.config.yaml:3:15: unknown rule "stage-kpis" in rules: did you mean stage-kpi? (`cjm rules` lists the rules)\n');
  });

  it('usage errors are exit 2: a bad --rule, an unknown rule in --rule, a bad --now, a bad --max-warnings', async () => {
    for (const args of [
      ['--rule', 'stage-owner'],
      ['--rule', 'stage-ownr:off'],
      ['--now', '2026-02-30'],
      ['--max-warnings', 'lots'],
      ['--format', 'xml'],
    ]) {
      const result = await runCli(['lint', '--no-config', ...args, 'clean.journey.yaml'], { cwd: BASIC });
      expect([result.code, result.stdout], args.join(' ')).toEqual([2, '']);
      expect(result.stderr).not.toContain('internal error');
    }
  });

  it('--now and CJM_NOW set "today" for stale-review', async () => {
    const early = await runCli(['lint', '--no-config', '--now', '2025-02-01', '-f', 'json', 'gaps.journey.yaml'], { cwd: BASIC });
    expect(JSON.parse(early.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('stale-review');
    const late = await runCli(['lint', '--no-config', '-f', 'json', 'gaps.journey.yaml'], { cwd: BASIC, env: { CJM_NOW: '2030-01-01' } });
    expect(JSON.parse(late.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'stale-review').message).toContain('1817 days ago');
  });

  it('-o writes the report to a file (atomically), nothing on stdout', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cjm-lint-out-')), 'reports', 'lint.sarif');
    const result = await runCli(['lint', '--no-config', '-f', 'sarif', '-o', out, 'gaps.journey.yaml'], { cwd: BASIC, env: { GITHUB_ACTIONS: 'true' } });
    expect([result.code, result.stdout, result.stderr]).toEqual([1, '', '']);
    expect(JSON.parse(readFileSync(out, 'utf8')).runs[0].results).toHaveLength(7);
    const unwritable = await runCli(['lint', '--no-config', '-o', 'clean.journey.yaml/lint.txt', 'clean.journey.yaml'], { cwd: BASIC });
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe('cjm: cannot write clean.journey.yaml/lint.txt: a folder on the way is a file\n');
  });

  it('reads stdin with --stdin-filename', async () => {
    const text = readFileSync(join(BASIC, 'gaps.journey.yaml'), 'utf8');
    const result = await scenario('stdin', ['lint', '--no-config', '-', '--stdin-filename', 'piped.journey.yaml'], { stdin: text });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('piped.journey.yaml');
  });
});

describe('cjm rules', () => {
  it('lists every rule with its default severity and description', async () => {
    const result = await scenario('rules', ['rules']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^stage-owner +error +A stage with no owner/m);
  });

  it('--format json', async () => {
    const result = await runCli(['rules', '--format', 'json']);
    const rules = JSON.parse(result.stdout);
    expect(rules.find((rule: { id: string }) => rule.id === 'evidence-missing')).toMatchObject({ defaultSeverity: 'off', docsUrl: expect.stringMatching(/docs\/rules\/evidence-missing\.md$/) });
  });
});
