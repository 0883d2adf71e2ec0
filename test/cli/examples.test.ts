import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** The examples are the first thing a user runs cjm on: they stay valid, lint-clean and canonical. */
describe('examples/', () => {
  it('validate with no problems', async () => {
    const result = await runCli(['validate', 'examples']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/files checked, no problems/);
  });

  it('lint with no errors and no warnings (infos show real KPI gaps)', async () => {
    const result = await runCli(['lint', '--format', 'json', 'examples']);
    expect(result.code).toBe(0);
    const { summary } = JSON.parse(result.stdout);
    expect({ errors: summary.errors, warnings: summary.warnings }).toEqual({ errors: 0, warnings: 0 });
  });

  it('lint in the default format fits one screen: infos are counted, not listed', async () => {
    const result = await runCli(['lint', 'examples']);
    expect(result.stdout).toMatch(/^✔ 7 files checked, no problems; \d+ infos \(--verbose lists them\)\n$/);
  });

  it('are in the canonical layout of cjm fmt', async () => {
    const result = await runCli(['fmt', '--check', 'examples']);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
