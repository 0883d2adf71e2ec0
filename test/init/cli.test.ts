import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';

const GOLDENS = `${FIXTURES}init/goldens/`;
const TEMPLATES = ['lifecycle', 'aida', 'mckinsey-loop', 'onboarding', 'service-blueprint'];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cjm-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cjm init', () => {
  it.each(TEMPLATES)('writes %s.journey.yaml, which validate accepts and fmt leaves alone', async (template) => {
    const init = await runCli(['init', '--template', template], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Wrote ${template}.journey.yaml`);
    expect(await runCli(['validate', '--no-config', `${template}.journey.yaml`], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    expect(await runCli(['fmt', '--check', '--no-config', `${template}.journey.yaml`], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
  });

  it('prints the lifecycle template to stdout with -', async () => {
    const args = ['init', '-', '--schema', 'https://example.com/journey.schema.json'];
    const result = await runCli(args, { cwd: dir });
    await expectGolden(`${GOLDENS}lifecycle-stdout.txt`, args, result);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'lifecycle.journey.yaml'))).toBe(false);
  });

  it('fills --id and --title and names the file after the id', async () => {
    const result = await runCli(['init', '--template', 'aida', '--id', 'spring-sale', '--title', 'Spring sale: the campaign'], { cwd: dir });
    expect(result.code).toBe(0);
    const data = parse(readFileSync(join(dir, 'spring-sale.journey.yaml'), 'utf8'));
    expect(data).toMatchObject({ id: 'spring-sale', title: 'Spring sale: the campaign' });
  });

  it('takes the id from the file name', async () => {
    await runCli(['init', 'maps/claim-report.journey.yaml'], { cwd: dir });
    expect(parse(readFileSync(join(dir, 'maps/claim-report.journey.yaml'), 'utf8')).id).toBe('claim-report');
  });

  it('never overwrites a file without --force (exit 2), and does with it', async () => {
    writeFileSync(join(dir, 'lifecycle.journey.yaml'), 'mine\n');
    const refused = await runCli(['init'], { cwd: dir });
    await expectGolden(`${GOLDENS}exists.txt`, ['init'], refused);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'lifecycle.journey.yaml'), 'utf8')).toBe('mine\n');

    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'lifecycle.journey.yaml'), 'utf8')).toContain('cjm: 1');
  });

  it('refuses a bad id and an unknown template with exit 2', async () => {
    const badId = await runCli(['init', '--id', 'Bad Id'], { cwd: dir });
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('lowercase letters, digits and dashes');
    const badTemplate = await runCli(['init', '--template', 'funnel'], { cwd: dir });
    expect(badTemplate.code).toBe(2);
    expect(badTemplate.stderr).toContain('lifecycle');
  });

  it('--config writes a cjm.config.yaml that cjm lint then uses', async () => {
    const result = await runCli(['init', '--config'], { cwd: dir });
    expect(result.code).toBe(0);
    const config = parse(readFileSync(join(dir, 'cjm.config.yaml'), 'utf8'));
    expect(Object.keys(config.rules).length).toBeGreaterThan(10);
    await runCli(['init'], { cwd: dir });
    expect(await runCli(['validate'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    // The placeholders' findings are the to-do list: stage-owner is an error by default.
    const lint = await runCli(['lint'], { cwd: dir });
    expect(lint).toMatchObject({ code: 1, stderr: '' });
    expect(lint.stdout).toContain('stage-owner');
    expect((await runCli(['init', '--config'], { cwd: dir })).code).toBe(2);
  });
});
