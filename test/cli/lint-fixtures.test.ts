import { readdirSync } from 'node:fs';
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
// evidence-missing is off by default: turn it on so its fixture is exercised too.
const ARGS = ['lint', '--no-config', '--rule', 'evidence-missing:warn'];

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
      const inFail = findings.filter((f) => f.file === `${rule}/fail.journey.yaml`).map((f) => f.ruleId);
      expect(inFail, `${rule}/fail.journey.yaml`).toContain(rule);
      expect(findings.filter((f) => f.file === `${rule}/pass.journey.yaml`), `${rule}/pass.journey.yaml`).toEqual([]);
    }
  });
});
