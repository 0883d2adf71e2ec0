import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMAT_IDS } from '../../src/formatters/index.js';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';

/**
 * Lints the whole rule fixture folder (test/fixtures/lint/<rule>/{fail,pass})
 * in every output format against golden files: a change to any rule, message,
 * position or formatter shows up here as a reviewable diff.
 */
const RULE_FIXTURES = join(FIXTURES, 'lint');
const golden = (format: string) => join(FIXTURES, 'lint-cli', 'goldens', `fixtures-${format}.txt`);
// evidence-missing and kpi-no-data are off by default: turn them on so their fixtures are exercised too.
const ARGS = ['lint', '--no-config', '--rule', 'evidence-missing:warn', '--rule', 'kpi-no-data:warn'];

describe('cjm lint on every rule fixture', () => {
  it.each(OUTPUT_FORMAT_IDS)('--format %s', async (format) => {
    const args = [...ARGS, '--format', format, '.'];
    const result = await runCli(args, { cwd: RULE_FIXTURES });
    await expectGolden(golden(format), args, result);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
  });

  it('each fail fixture triggers its rule and each pass fixture is clean', async () => {
    const result = await runCli([...ARGS, '--format', 'json', '.'], { cwd: RULE_FIXTURES });
    const findings: { file: string; ruleId: string }[] = JSON.parse(result.stdout).findings;
    for (const rule of readdirSync(RULE_FIXTURES)) {
      if (existsSync(join(RULE_FIXTURES, rule, 'cjm.config.yaml'))) continue; // KPI data rules: linted with their data below
      const inFail = findings.filter((f) => f.file === `${rule}/fail.journey.yaml`).map((f) => f.ruleId);
      expect(inFail, `${rule}/fail.journey.yaml`).toContain(rule);
      expect(findings.filter((f) => f.file === `${rule}/pass.journey.yaml`), `${rule}/pass.journey.yaml`).toEqual([]);
    }
  });

  it.each(readdirSync(RULE_FIXTURES).filter((rule) => existsSync(join(RULE_FIXTURES, rule, 'cjm.config.yaml'))))(
    '%s: with the KPI data of its folder, the fail fixture triggers the rule and the pass fixture is clean',
    async (rule) => {
      const result = await runCli(['lint', '--format', 'json'], { cwd: join(RULE_FIXTURES, rule) });
      const findings: { file: string; ruleId: string; line: number; column: number }[] = JSON.parse(result.stdout).findings;
      const ofRule = findings.filter((f) => f.ruleId === rule);
      expect(ofRule.length, `${rule} findings`).toBeGreaterThan(0);
      // kpi-data-unmatched reports in the data file; the others at the fail journey.
      expect(ofRule.every((f) => f.file === 'fail.journey.yaml' || !f.file.endsWith('.journey.yaml'))).toBe(true);
      expect(findings.filter((f) => f.file === 'pass.journey.yaml')).toEqual([]);
    },
  );
});
