import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const committed = (file: string) => readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8');

describe('cjm schema', () => {
  it('prints the draft 2020-12 journey schema by default, as committed in schemas/', async () => {
    expect(await runCli(['schema'])).toEqual({ code: 0, stdout: committed('journey.schema.json'), stderr: '' });
  });

  it('prints the draft-07 rendering with --draft 07, for either kind', async () => {
    expect(await runCli(['schema', '--draft', '07'])).toEqual({ code: 0, stdout: committed('journey.draft-07.schema.json'), stderr: '' });
    expect(await runCli(['schema', 'config', '--draft', '07'])).toEqual({ code: 0, stdout: committed('config.draft-07.schema.json'), stderr: '' });
  });

  it('refuses a draft it does not ship: exit 2', async () => {
    const result = await runCli(['schema', '--draft', '04']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--draft.*'04' is invalid.*2020-12, 07/);
  });
});
