import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser/chromium.js';
import { expectGolden, FIXTURES, runCli } from '../helpers/cli.js';
import { parseMermaid } from '../helpers/mermaid-parse.js';

const MIXED = join(FIXTURES, 'render/mixed');
const GOLDEN = join(FIXTURES, 'render/goldens');
const temps: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'cjm-render-'));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('cjm render', () => {
  it.each([
    ['stdout-journey', ['render', '-d', 'journey', 'good.journey.yaml']],
    ['stdout-all', ['render', '--diagram', 'all', '--format', 'mermaid', 'good.journey.yaml']],
    ['invalid-and-valid', ['render', '-d', 'flow', 'bad.journey.yaml', 'good.journey.yaml']],
    ['pictures-need-out', ['render', '-d', 'map,blueprint', 'good.journey.yaml']],
    ['map-has-no-mermaid', ['render', '-d', 'map', '-f', 'mermaid', 'good.journey.yaml']],
    ['unknown-diagram', ['render', '--diagram', 'gantt', 'good.journey.yaml']],
  ])('%s', async (name, args) => {
    const result = await runCli([...args, '--no-config'], { cwd: MIXED });
    await expectGolden(join(GOLDEN, `${name}.txt`), [...args, '--no-config'], result);
  });

  it('prints valid Mermaid for every diagram, separated by %% comment lines', async () => {
    const result = await runCli(['render', '-d', 'journey', '-d', 'flow,emotion', 'good.journey.yaml', '--no-config'], { cwd: MIXED });
    expect(result.code).toBe(0);
    const parts = result.stdout.split(/^(?=%% )/m);
    expect(parts.map((part) => part.split('\n')[0])).toEqual([
      '%% good.journey.yaml journey',
      '%% good.journey.yaml flow',
      '%% good.journey.yaml emotion',
    ]);
    for (const part of parts) expect(await parseMermaid(part)).toMatchObject({ ok: true });
  });

  it('--out writes <id>.<diagram>.mmd files with the same source as stdout', async () => {
    const out = await tempDir();
    const result = await runCli(['render', '-d', 'all', '-f', 'mermaid', '--out', out, '--no-config', '.'], { cwd: MIXED });
    expect(result.code).toBe(1); // bad.journey.yaml is invalid; good still renders
    expect((await readdir(out)).sort()).toEqual(['good.emotion.mmd', 'good.flow.mmd', 'good.journey.mmd']);
    const stdout = await runCli(['render', '-d', 'flow', '--no-config', 'good.journey.yaml'], { cwd: MIXED });
    expect(await readFile(join(out, 'good.flow.mmd'), 'utf8')).toBe(stdout.stdout);
  });

  it('--format svg with no browser: one line, exit 2', async () => {
    const out = await tempDir();
    const result = await runCli(['render', '-d', 'journey', '-f', 'svg', '-o', out, '--browser', '/nonexistent/chromium', '--no-config', 'good.journey.yaml'], { cwd: MIXED });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cjm: --browser \/nonexistent\/chromium is not an executable file: install Chromium[^\n]*\n$/);
    expect(await readdir(out)).toEqual([]);
  });

  const browser = findBrowser();
  it.skipIf(!browser)(`--format svg renders every example and diagram in one batch${browser ? '' : ' (skipped: no Chromium found; install chromium or set PUPPETEER_EXECUTABLE_PATH)'}`, async () => {
    const out = await tempDir();
    const result = await runCli(['render', '-d', 'all', '-f', 'svg', '-o', out, 'examples']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = (await readdir(out)).filter((file) => file.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const file of files) {
      const svg = await readFile(join(out, file), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    }
  }, 60_000);

  it.skipIf(!browser)('--format svg --portable renders a hostile journey without foreignObject', async () => {
    const out = await tempDir();
    const result = await runCli(['render', '-d', 'all', '-f', 'svg', '--portable', '-o', out, '--no-config', 'good.journey.yaml'], { cwd: MIXED });
    expect(result.code).toBe(0);
    for (const file of await readdir(out)) expect(await readFile(join(out, file), 'utf8')).not.toContain('<foreignObject');
  }, 60_000);
});

describe('the render command and the diagram registry', () => {
  it('offers exactly the registry\'s diagrams and formats (the CLI lists them itself so --help loads no drawing code)', async () => {
    const { CLI_DIAGRAMS, CLI_FORMATS } = await import('../../src/commands/render.js');
    const { DIAGRAMS } = await import('../../src/render/diagrams.js');
    expect([...CLI_DIAGRAMS]).toEqual(DIAGRAMS.map((diagram) => diagram.id));
    expect([...CLI_FORMATS].sort()).toEqual([...new Set(DIAGRAMS.flatMap((diagram) => diagram.formats))].sort());
  });
});
