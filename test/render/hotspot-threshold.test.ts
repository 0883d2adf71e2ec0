import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMermaid } from '../../src/render/diagrams.js';
import { renderBlueprintSvg, renderJourneyMapSvg } from '../../src/render/map/index.js';
import type { Journey } from '../../src/schema/journey.js';
import { runCli } from '../helpers/cli.js';

/** A step losing 12 % of customers: under the default hotspot threshold (20 %), over a configured 10 %. */
const journey = {
  cjm: 1, id: 'checkout', title: 'Checkout', state: 'current',
  stages: [{ id: 'pay', name: 'Pay', steps: [{ id: 'card', name: 'Enters the card', dropoff: 12, backstage: ['Fraud check'] }, { id: 'done', name: 'Sees the receipt' }] }],
} as unknown as Journey;

describe("the pictures mark the dropoff-hotspot rule's threshold", () => {
  it('by default at 20 %', () => {
    expect(renderJourneyMapSvg(journey)).toContain('>12% drop off</text>');
    expect(renderMermaid(journey, 'flow')).not.toMatch(/class \S+ dropoff/);
  });

  it('at the threshold given: map, blueprint and flow', () => {
    expect(renderJourneyMapSvg(journey, { dropoffHotspot: 10 })).toContain('>12% drop off · hotspot</text>');
    expect(renderBlueprintSvg(journey, { dropoffHotspot: 10 })).toContain('>12% drop off · hotspot</text>');
    expect(renderMermaid(journey, 'flow', { dropoffHotspot: 10 })).toMatch(/class n1 dropoff/);
  });
});

describe('cjm render and cjm report with the rule configured', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cjm-hotspot-'));
    await writeFile(join(dir, 'cjm.config.yaml'), 'rules:\n  dropoff-hotspot: [warn, { threshold: 10 }]\n');
    await writeFile(
      join(dir, 'checkout.journey.yaml'),
      'cjm: 1\nid: checkout\ntitle: Checkout\nstages:\n  - id: pay\n    name: Pay\n    steps:\n      - { id: card, name: Enters the card, dropoff: 12 }\n      - { id: done, name: Sees the receipt }\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('render marks the step on the map and in the flow', async () => {
    expect((await runCli(['render', 'checkout.journey.yaml'], { cwd: dir })).stdout).toContain('>12% drop off · hotspot</text>');
    expect((await runCli(['render', 'checkout.journey.yaml', '-d', 'flow', '-f', 'mermaid'], { cwd: dir })).stdout).toMatch(/class n1 dropoff/);
  });

  it('report marks the same steps on the map, in the flow and in "where it hurts"', async () => {
    const result = await runCli(['report', '--images', 'mermaid', '--out', 'site'], { cwd: dir });
    expect(result.stderr).toBe('');
    const page = await readFile(join(dir, 'site', 'checkout.md'), 'utf8');
    expect(page).toContain('Drop-off hotspots (10 % or more)');
    expect(page).toMatch(/class n1 dropoff/);
    expect(await readFile(join(dir, 'site', 'checkout.map.svg'), 'utf8')).toContain('>12% drop off · hotspot</text>');
  });
});
