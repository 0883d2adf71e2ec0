import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Journey } from '../../src/schema/journey.js';
import { lintFiles } from '../../src/lint/index.js';
import { MERMAID_KINDS, renderMermaid } from '../../src/render/index.js';
import { validateFiles } from '../../src/validate/index.js';
import { bigJourney, scratchDir } from './hostile.js';

/**
 * Size attacks that must stay usable and roughly linear: one journey of 10,000 steps
 * (with branches that loop back), and 1,000 files sharing one catalogue.
 * Linear means 10x the steps costs about 10x the time; the bound below (30x) leaves
 * room for a noisy shared machine while still catching anything quadratic (100x).
 */
const scratch = scratchDir('scale');
afterAll(() => scratch.cleanup());

const NOW = new Date('2026-11-22');

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

describe('a journey of 10,000 steps', () => {
  const sizes = [1_000, 10_000] as const;
  const timings: Record<string, Record<number, number>> = { validate: {}, lint: {}, render: {} };

  beforeAll(() => {
    for (const size of sizes) writeFileSync(join(scratch.dir, `big-${size}.journey.yaml`), bigJourney(size));
  });

  it('validates, lints and renders Mermaid in seconds, and 10x the steps costs about 10x the time', async () => {
    // Warm-up: module loading and JIT would otherwise be charged to the small file.
    await lintFiles(['big-1000.journey.yaml'], { cwd: scratch.dir, config: false, now: NOW });
    for (const size of sizes) {
      const file = `big-${size}.journey.yaml`;
      const validate = await timed(() => validateFiles([file], { cwd: scratch.dir, config: false }));
      expect(validate.value.files[0].findings.filter((f) => f.severity === 'error')).toEqual([]);
      timings.validate[size] = validate.ms;

      const lint = await timed(() => lintFiles([file], { cwd: scratch.dir, config: false, now: NOW, keepJourneys: true }));
      timings.lint[size] = lint.ms;
      const journey = lint.value.files[0].journey as Journey;
      expect(journey.stages.flatMap((stage) => stage.steps ?? [])).toHaveLength(size);

      const render = await timed(() => MERMAID_KINDS.map((kind) => renderMermaid(journey, kind)));
      timings.render[size] = render.ms;
      for (const source of render.value) expect(source.length).toBeGreaterThan(size);
    }
    for (const [what, bySize] of Object.entries(timings)) {
      // Under ~5 ms the ratio is noise; compare against a floor.
      const ratio = bySize[10_000] / Math.max(bySize[1_000], 5);
      expect(ratio, `${what}: 1,000 steps ${bySize[1_000].toFixed(0)} ms, 10,000 steps ${bySize[10_000].toFixed(0)} ms`).toBeLessThan(30);
    }
  }, 60_000);
});

describe('1,000 files sharing one catalogue', () => {
  it('are validated and linted with the catalogue loaded once, in seconds', async () => {
    const dir = join(scratch.dir, 'shared');
    mkdirSync(join(dir, 'journeys'), { recursive: true });
    writeFileSync(join(dir, 'cjm.config.yaml'), 'include: ["journeys/*.journey.yaml"]\ncatalog: [catalog.yaml]\n');
    writeFileSync(
      join(dir, 'catalog.yaml'),
      'personas:\n  - { id: shopper, name: Sara, channels: [web, shop-floor] }\nchannels:\n  - { id: shop-floor, name: Shop floor, type: physical }\nmetrics:\n  - { id: basket, name: Basket size, unit: EUR, direction: up, range: [0, 10000] }\n',
    );
    for (let i = 0; i < 1_000; i++) {
      writeFileSync(
        join(dir, 'journeys', `j${i}.journey.yaml`),
        `cjm: 1\nid: j${i}\ntitle: Journey ${i}\nreviewed: 2026-10-01\nstages:\n  - id: shop\n    name: Shop\n    owner: retail\n    kpis: [{ metric: basket, target: 80, actual: 60 }]\n    steps:\n` +
          `      - { id: browse, name: Browses, personas: [shopper], touchpoints: [{ channel: web }], emotion: 1${i > 0 ? `, subjourney: j${i - 1}` : ''} }\n` +
          `      - { id: pay, name: Pays, personas: [shopper], touchpoints: [{ channel: shop-floor }], emotion: 0, handoff: order number }\n`,
      );
    }
    const validate = await timed(() => validateFiles([], { cwd: dir }));
    expect(validate.value.files).toHaveLength(1_000);
    expect(validate.value.files.flatMap((file) => file.findings)).toEqual([]);
    const lint = await timed(() => lintFiles([], { cwd: dir, now: NOW }));
    expect(lint.value.files).toHaveLength(1_000);
    expect(lint.value.summary.errors).toBe(0);
  }, 60_000);
});
