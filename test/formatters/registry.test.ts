import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormatter, OUTPUT_FORMAT_IDS, OUTPUT_FORMATS } from '../../src/formatters/index.js';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { RESULTS } from './sample.js';

/** The registry is the one list of output formats: the CLI and the README must say the same. */
describe('output format registry', () => {
  it.each(OUTPUT_FORMAT_IDS)('%s loads a formatter that prints the sample findings', async (id) => {
    const output = (await loadFormatter(id))(RESULTS, { colorLevel: 0, version: '0.0.0', cwd: '/work' });
    expect(output).toContain('a.journey.yaml');
  });

  it.each(['validate', 'lint'])('cjm %s takes every format, and its --help describes each', async (command) => {
    const refused = await runCli([command, '--format', 'nope']);
    expect(refused.stderr).toContain(`Allowed choices are ${OUTPUT_FORMAT_IDS.join(', ')}.`);
    const help = (await runCli([command, '--help'])).stdout;
    for (const format of OUTPUT_FORMATS) expect(help).toMatch(new RegExp(`^ {2}${format.id} +${format.description.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it.each(OUTPUT_FORMAT_IDS)('cjm validate --format %s reports an invalid journey (exit 1)', async (id) => {
    const result = await runCli(['validate', '--no-config', '--format', id, 'bad'], { cwd: join(FIXTURES, 'validate') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/bad\//);
  });

  it('the docs name the same formats, in the same order', () => {
    const page = readFileSync(join(ROOT, 'docs/output-formats.md'), 'utf8');
    const rows = [...page.matchAll(/^\| `([a-z]+)` \|/gm)].map((match) => match[1]);
    expect(rows).toEqual(OUTPUT_FORMAT_IDS);
    const commands = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');
    const choices = OUTPUT_FORMAT_IDS.join('\\|');
    expect(commands).toContain(`| \`-f, --format ${choices}\` |`);
    expect(commands).toContain(`Options: \`-f, --format ${OUTPUT_FORMAT_IDS.join('|')}\``);
  });
});
