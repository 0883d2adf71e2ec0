/**
 * Journeys at and past the edges, through the CLI (in-process runCli): each
 * gives a readable map or a clear error with its position, never a crash or
 * a hang, and every SVG written parses and is safe.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { hazards, parseSvg, type SvgElement } from './svg-checks.js';

/** A journey must render within this; anything slower is a hang to us. */
const LIMIT_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'cjm-map-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, journey: unknown): string {
  const file = `${name}.journey.yaml`;
  writeFileSync(join(dir, file), typeof journey === 'string' ? journey : stringify(journey, { lineWidth: 0 }));
  return file;
}

const journey = (id: string, stages: unknown[], extra: Record<string, unknown> = {}) => ({ cjm: 1, id, title: `Edge case: ${id}`, ...extra, stages });
const step = (index: number, extra: Record<string, unknown> = {}) => ({ id: `step-${index}`, name: `Step ${index}`, action: `Does thing ${index}`, emotion: (index % 5) - 2, ...extra });

/** Renders the map to stdout and map and blueprint to files; all must be clean SVG. Returns both, parsed. */
async function renderAll(file: string): Promise<{ map: SvgElement[]; blueprint: SvgElement[]; mapSvg: string }> {
  const stdout = await runCli(['render', '--no-config', file], { cwd: dir });
  expect(stdout.stderr).toBe('');
  expect(stdout.code).toBe(0);
  const out = mkdtempSync(join(dir, 'out-'));
  const files = await runCli(['render', '--no-config', file, '-d', 'map,blueprint', '-f', 'svg', '-o', out], { cwd: dir });
  expect(files.code).toBe(0);
  const id = file.replace('.journey.yaml', '');
  const map = readFileSync(join(out, `${id}.map.svg`), 'utf8');
  const blueprint = readFileSync(join(out, `${id}.blueprint.svg`), 'utf8');
  expect(map).toBe(stdout.stdout);
  const parsed = { map: parseSvg(map), blueprint: parseSvg(blueprint), mapSvg: map };
  expect(hazards(map, parsed.map)).toEqual([]);
  expect(hazards(blueprint, parsed.blueprint)).toEqual([]);
  return parsed;
}

const texts = (svg: SvgElement[]): string[] => svg.filter((element) => element.name === 'text').map((element) => element.text);
const named = (svg: SvgElement[], prefix: string): number => svg.filter((element) => element.name === 'g' && element.attributes['data-name']?.startsWith(prefix)).length;

describe('cjm render on journeys at the edges', () => {
  it('a journey with no steps: the header says so and names the stage', { timeout: LIMIT_MS }, async () => {
    const { map } = await renderAll(write('no-steps', journey('no-steps', [{ id: 'only', name: 'Only' }])));
    expect(texts(map).join(' ')).toContain('0 steps in 1 stage · Stage without steps: Only');
    expect(named(map, 'step:')).toBe(0);
  });

  it('a stage with no steps among others: named in the header, the other stages drawn', { timeout: LIMIT_MS }, async () => {
    const stages = [{ id: 'a', name: 'First', steps: [step(1), step(2)] }, { id: 'b', name: 'Nothing here yet' }, { id: 'c', name: 'Third', steps: [step(3)] }];
    const { map, blueprint } = await renderAll(write('empty-stage', journey('empty-stage', stages)));
    for (const svg of [map, blueprint]) {
      expect(texts(svg).join(' ')).toContain('Stage without steps: Nothing here yet');
      expect(named(svg, 'stage:')).toBe(2);
      expect(named(svg, 'step:')).toBe(3);
    }
  });

  it('200 steps: 200 columns, in seconds', { timeout: LIMIT_MS }, async () => {
    const stages = Array.from({ length: 10 }, (_, s) => ({
      id: `stage-${s}`,
      name: `Stage ${s}`,
      steps: Array.from({ length: 20 }, (_, i) => step(s * 20 + i, { pains: ['Slow'], touchpoints: [{ channel: 'web' }], personas: [(s + i) % 2 ? 'ana' : 'ben'] })),
    }));
    const started = performance.now();
    const { map, mapSvg } = await renderAll(write('steps-200', journey('steps-200', stages, { personas: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }] })));
    console.info(`200 steps: map (twice) and blueprint rendered and parsed in ${Math.round(performance.now() - started)} ms`);
    expect(named(map, 'step:')).toBe(200);
    expect(mapSvg).toMatch(/^<svg [^>]*width="39772"/);
  });

  it('50 personas: one emotion band each, every persona in the header', { timeout: LIMIT_MS }, async () => {
    const personas = Array.from({ length: 50 }, (_, i) => ({ id: `p${i}`, name: `Persona ${i}, with a name that needs two lines` }));
    const steps = Array.from({ length: 6 }, (_, i) => {
      const takers = personas.filter((_, k) => (k + i) % 4 !== 0);
      return step(i, { personas: takers.map((p) => p.id), emotion: Object.fromEntries(takers.filter((_, k) => k % 3 !== 0).map((p, k) => [p.id, ((k + i) % 5) - 2])) });
    });
    const { map } = await renderAll(write('personas-50', journey('personas-50', [{ id: 's', name: 'S', steps }], { personas })));
    expect(named(map, 'emotion:')).toBe(50);
    expect(named(map, 'persona:')).toBe(50);
    expect(texts(map).filter((text) => text.startsWith('Emotion:'))).toHaveLength(50);
  });

  it('a label of 100,000 characters: clamped, in full in the tooltip', { timeout: LIMIT_MS }, async () => {
    const long = 'x'.repeat(100_000);
    const { map } = await renderAll(write('label-100k', journey('label-100k', [{ id: 's', name: 'S', steps: [step(1, { name: long, action: 'word '.repeat(20_000) })] }], { title: long })));
    const lines = texts(map).filter((text) => /^x+…?$/.test(text));
    expect(lines.length).toBe(2 + 3); // title: 2 lines, step name: 3 lines
    expect(lines.at(-1)).toMatch(/…$/);
    expect(map.some((element) => element.name === 'title' && element.ancestors.at(-1) === 'g' && element.text === long)).toBe(true);
  });

  it('labels of emoji only', { timeout: LIMIT_MS }, async () => {
    const { map } = await renderAll(write('emoji', journey('emoji', [{ id: 's', name: '🚗💥', steps: [step(1, { name: '😀😀😀', action: '👩‍👩‍👧‍👦🇮🇹👍🏽', thinking: '🤔', feeling: '😱', pains: ['💸'] })] }], { title: '🚗🚗🚗' })));
    expect(texts(map)).toEqual(expect.arrayContaining(['🚗🚗🚗', '🚗💥', '😀😀😀', '👩‍👩‍👧‍👦🇮🇹👍🏽', '“🤔”', '😱', '💸']));
  });

  it('right-to-left labels (Arabic, Hebrew)', { timeout: LIMIT_MS }, async () => {
    const { map, mapSvg } = await renderAll(write('rtl', journey('rtl', [{ id: 's', name: 'مرحلة', steps: [step(1, { name: 'يفتح العميل مطالبة', action: 'הלקוח פותח תביעה באפליקציה', pains: ['لا يوجد تأكيد'] })] }], { title: 'رحلة العميل' })));
    // Each line right-aligned, inside one right-to-left embedding (RLE ... PDF), which Chromium and resvg both honour.
    const rtl = ['رحلة العميل', 'مرحلة', 'يفتح العميل مطالبة', 'הלקוח פותח תביעה באפליקציה', 'لا يوجد تأكيد'];
    expect(texts(map)).toEqual(expect.arrayContaining(rtl.map((line) => `\u202B${line}\u202C`)));
    for (const line of rtl) expect(mapSvg).toMatch(new RegExp(`text-anchor="end">&#x202B;${line}&#x202C;</text>`));
  });

  it('a persona in emotion that does not exist: a validation error at its file:line:col, nothing rendered', { timeout: LIMIT_MS }, async () => {
    const file = write(
      'unknown-persona',
      [
        'cjm: 1',
        'id: unknown-persona',
        'title: A persona that does not exist',
        'personas:',
        '  - { id: marco, name: Marco }',
        'stages:',
        '  - id: report',
        '    name: Report',
        '    steps:',
        '      - id: open-claim',
        '        name: Opens a claim',
        '        emotion: { marco: 1, ghost: -2 }',
        '',
      ].join('\n'),
    );
    for (const args of [['render', '--no-config', file], ['render', '--no-config', file, '-d', 'map', '-f', 'png', '-o', mkdtempSync(join(dir, 'out-'))]]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/unknown-persona\.journey\.yaml\n\s+12:\d+\s+error\s+unknown persona `ghost`/);
      expect(result.stderr).toMatch(/1 invalid file not rendered/);
    }
  });
});
