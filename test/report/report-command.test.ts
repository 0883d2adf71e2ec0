import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser/chromium.js';
import { FIXTURES, runCli } from '../helpers/cli.js';

const temps: string[] = [];
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'cjm-report-'));
  temps.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('cjm report', () => {
  it('writes a page per example, opening with its journey map, and an index with overviews; fenced Mermaid; exit 0', async () => {
    const out = await tempDir();
    const result = await runCli(['report', 'examples', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = (await readdir(out)).sort();
    const ids = (await readdir('examples')).filter((name) => name.endsWith('.journey.yaml')).map((name) => name.replace('.journey.yaml', ''));
    const withBlueprint = ids.filter((id) => readFileSync(join('examples', `${id}.journey.yaml`), 'utf8').match(/^\s+(backstage|support):/m));
    expect(files).toEqual(
      [...ids.flatMap((id) => [`${id}.md`, `${id}.map.svg`, `${id}.overview.svg`]), ...withBlueprint.map((id) => `${id}.blueprint.svg`), 'index.md'].sort(),
    );
    expect(result.stdout.trim().split('\n').map((line) => line.slice(out.length + 1)).sort()).toEqual(files);
    const page = await readFile(join(out, 'motor-claim.md'), 'utf8');
    expect(page).toMatch(/^# Motor claim, from accident to repair\n/);
    // The map comes first, before any section.
    expect(page.indexOf('![Journey map of Motor claim, from accident to repair](motor-claim.map.svg)')).toBeLessThan(page.indexOf('\n## '));
    expect(page).toContain('![Service blueprint of Motor claim, from accident to repair](motor-claim.blueprint.svg)');
    expect(page).toContain('2026-09-30 (53 days ago)');
    expect(page.match(/^```mermaid$/gm)?.length).toBe(3);
    const index = await readFile(join(out, 'index.md'), 'utf8');
    for (const id of ids) expect(index).toContain(`](${id}.md)`);
    for (const id of ids) expect(index).toContain(`](${id}.overview.svg)`);
  });

  it('reports invalid files like validate (stderr, exit 1) and still writes the valid ones', async () => {
    const out = await tempDir();
    const mixed = join(FIXTURES, 'render/mixed');
    const result = await runCli(['report', 'bad.journey.yaml', 'good.journey.yaml', '--no-config', '--out', out], { cwd: mixed });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.journey.yaml');
    expect(result.stderr).toContain('1 invalid file not reported');
    const files = (await readdir(out)).sort();
    expect(files).toEqual(['good.map.svg', 'good.md', 'good.overview.svg', 'index.md']);
    expect(await readFile(join(out, 'index.md'), 'utf8')).toContain('## Files without a page');
  });

  it('lists as drop-off hotspots the steps the dropoff-hotspot rule would, with its configured threshold', async () => {
    const dir = await tempDir();
    const step = (id: string, dropoff: number) => `      - { id: ${id}, name: Step ${id}, dropoff: ${dropoff}, opportunities: [Fix it] }`;
    const journey = ['cjm: 1', 'id: leaky', 'title: Leaky', 'stages:', '  - id: one', '    name: One', '    steps:', step('a', 8), step('b', 15), step('c', 25), ''].join('\n');
    await writeFile(join(dir, 'leaky.journey.yaml'), journey);
    const hotspots = async (config: string) => {
      await writeFile(join(dir, 'cjm.config.yaml'), config);
      expect((await runCli(['report', 'leaky.journey.yaml', '--images', 'none', '--out', 'out'], { cwd: dir })).code).toBe(0);
      const page = await readFile(join(dir, 'out/leaky.md'), 'utf8');
      return page.slice(page.indexOf('### Drop-off hotspots'), page.indexOf('### KPIs furthest'));
    };
    expect(await hotspots('{}\n')).toBe('### Drop-off hotspots (20 % or more)\n\n1. **25 %** leave at *Step c* · One\n\n');
    const configured = await hotspots('rules:\n  dropoff-hotspot: [warn, { threshold: 10 }]\noverrides:\n  - files: [leaky.journey.yaml]\n    rules: { dropoff-hotspot: off }\n');
    expect(configured).toBe('### Drop-off hotspots (10 % or more)\n\n1. **25 %** leave at *Step c* · One\n2. **15 %** leave at *Step b* · One\n\n');
  });

  it('leaves diagrams out with --images none', async () => {
    const out = await tempDir();
    const result = await runCli(['report', 'examples/bopis.journey.yaml', '--images', 'none', '--out', out]);
    expect(result.code).toBe(0);
    const page = await readFile(join(out, 'bopis.md'), 'utf8');
    expect(page).not.toContain('```');
    expect(page).not.toContain('## Diagrams');
    expect(page).not.toContain('.svg');
    expect(await readdir(out)).toEqual(['bopis.md', 'index.md']);
  });

  it.each([
    [['report', 'examples'], /required option '-o, --out <dir>'/],
    [['report', 'examples', '--out', 'x', '--images', 'png'], /--images <kind>.*Allowed choices are mermaid, svg, none/],
    [['report', 'no/such/dir', '--out', 'x'], /no\/such\/dir/],
  ])('exits 2 on usage and path errors: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.skipIf(!findBrowser())('writes portable SVG files beside the pages with --images svg', async () => {
    const out = await tempDir();
    const result = await runCli(['report', 'examples/motor-claim.journey.yaml', 'examples/bopis.journey.yaml', '--images', 'svg', '--out', out], { timeoutMs: 120_000 });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await readdir(out);
    for (const id of ['motor-claim', 'bopis']) for (const kind of ['journey', 'emotion', 'flow']) expect(files).toContain(`${id}.${kind}.svg`);
    const page = await readFile(join(out, 'motor-claim.md'), 'utf8');
    expect(page).toContain('![Journey of Motor claim, from accident to repair](motor-claim.journey.svg)');
    expect(page).not.toContain('```mermaid');
    const svg = await readFile(join(out, 'motor-claim.flow.svg'), 'utf8');
    expect(svg).not.toContain('<foreignObject');
    expect(svg).not.toMatch(/<script/i);
  }, 180_000);
});
