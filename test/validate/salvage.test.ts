import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema } from '../../src/schema/journey.js';
import { openWorkspace } from '../../src/load/workspace.js';
import { analyzeText } from '../../src/validate/analyze-text.js';
import { salvage } from '../../src/validate/salvage.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const JOURNEYS = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.journey.yaml'))
  .sort()
  .map((name) => parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>);

describe('salvage', () => {
  it('returns a valid journey as parsed, defaults applied', () => {
    for (const journey of JOURNEYS) expect(salvage(journeySchema, journey)).toEqual(journeySchema.parse(journey));
  });

  it('keeps the fields and items that pass, leaves the rest out, and keeps list indexes', () => {
    const data = {
      cjm: 1,
      id: 'claim',
      state: 'later',
      personas: [{ id: 'Driver', name: 'Marco' }, 'not a persona', { id: 'fleet', name: 'Fleet', mood: 'x' }],
      stages: [
        {
          id: 'report',
          steps: [
            { id: 'open', name: 'Opens', emotion: 5, next: [{ to: 'upload', share: 150 }, 'Upload'] },
            { id: 'upload', name: '' },
          ],
        },
      ],
    };
    expect(salvage(journeySchema, data)).toEqual({
      cjm: 1,
      id: 'claim',
      personas: [{ name: 'Marco' }, undefined, { id: 'fleet', name: 'Fleet' }],
      stages: [{ id: 'report', steps: [{ id: 'open', name: 'Opens', next: [{ to: 'upload' }, undefined] }, { id: 'upload' }] }],
    });
  });

  it('leaves out what has no shape at all', () => {
    expect(salvage(journeySchema, 'a string')).toBeUndefined();
    expect(salvage(journeySchema, { stages: 'none' })).toEqual({ state: 'current' });
  });
});

describe('every problem in one run, one finding per cause (fast-check, fixed seed)', async () => {
  const workspace = await openWorkspace({ config: false, cwd: ROOT });
  const leaf = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -200, max: 200 }),
    fc.constantFrom('', 'Open_Claim', 'upload-photos', 'web', 'wbe', 'csat', 'yes', '−2', 'later'),
    fc.dictionary(fc.constantFrom('id', 'to', 'metric', 'channel', 'x'), fc.constantFrom('a', 'web', 'Bad Id'), { maxKeys: 2 }),
  );

  it('reports no reference problem where the schema already reports one, and never fails', () => {
    fc.assert(
      fc.property(fc.nat({ max: JOURNEYS.length - 1 }), fc.array(fc.tuple(fc.nat(), leaf), { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const data = structuredClone(JOURNEYS[index]);
        for (const [seed, value] of mutations) setLeaf(data, seed, value);
        const { findings } = analyzeText('fuzz.journey.yaml', stringify(data), { workspace, journeyIds: new Set(['glass-repair']) });
        const schemaAt = new Set(findings.filter((finding) => finding.ruleId === 'schema').map((finding) => `${finding.line}:${finding.column}`));
        const repeated = findings.filter((finding) => finding.ruleId !== 'schema' && schemaAt.has(`${finding.line}:${finding.column}`));
        expect(repeated).toEqual([]);
      }),
      { seed: 20261122, numRuns: 150 },
    );
  });
});

/** Replaces one scalar or collection of the document, picked by `seed`. */
function setLeaf(root: Record<string, unknown>, seed: number, value: unknown): void {
  const slots: [Record<string | number, unknown>, string | number][] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      slots.push([node as Record<string | number, unknown>, Array.isArray(node) ? Number(key) : key]);
      walk(child);
    }
  };
  walk(root);
  const [parent, key] = slots[seed % slots.length];
  parent[key] = value;
}
