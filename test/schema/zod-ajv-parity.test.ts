import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema } from '../../src/schema/journey.js';
import { toJsonSchema } from '../../src/schema/json-schema.js';

/**
 * What an editor flags (Ajv with the generated JSON Schema) and what the CLI
 * flags (Zod) must agree on every document, valid or not.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const validateWithAjv = ajv.compile(toJsonSchema('journey'));

const exampleDir = new URL('../../examples/', import.meta.url);
const examples = readdirSync(exampleDir)
  .filter((name) => /\.journey\.ya?ml$/.test(name))
  .map((name) => ({ name, data: parse(readFileSync(new URL(name, exampleDir), 'utf8')) as Record<string, unknown> }));

const minimal = {
  cjm: 1,
  id: 'claim',
  title: 'Claim',
  stages: [
    {
      id: 'report',
      name: 'Report',
      kpis: [{ metric: 'ces', target: 6, measured: '2026-09-01' }],
      steps: [
        {
          id: 'open',
          name: 'Open',
          emotion: -1,
          touchpoints: [{ channel: 'app' }],
          pains: ['slow', { text: 'no draft', severity: 'high' }],
          next: [{ to: 'open', when: 'retry', share: 10 }],
          links: [{ title: 'Video', url: 'https://example.com/v.mp4', type: 'video' }],
        },
      ],
    },
  ],
};

function verdicts(data: unknown): { zod: boolean; ajv: boolean } {
  return { zod: journeySchema.safeParse(data).success, ajv: validateWithAjv(data) as boolean };
}

const INVALID_EDITS: [string, (doc: any) => void][] = [
  ['no cjm marker', (d) => delete d.cjm],
  ['cjm: 2', (d) => (d.cjm = 2)],
  ['id with capitals', (d) => (d.id = 'Motor-Claim')],
  ['id starting with a dash', (d) => (d.id = '-claim')],
  ['empty title', (d) => (d.title = '')],
  ['unknown top-level key', (d) => (d.ownr = 'x')],
  ['state: past', (d) => (d.state = 'past')],
  ['reviewed not a date', (d) => (d.reviewed = 'last week')],
  ['reviewed impossible date', (d) => (d.reviewed = '2026-02-30')],
  ['no stages', (d) => (d.stages = [])],
  ['stages not a list', (d) => (d.stages = { a: 1 })],
  ['emotion 3', (d) => (d.stages[0].steps[0].emotion = 3)],
  ['emotion 1.5', (d) => (d.stages[0].steps[0].emotion = 1.5)],
  ['emotion as text', (d) => (d.stages[0].steps[0].emotion = 'sad')],
  ['dropoff 120', (d) => (d.stages[0].steps[0].dropoff = 120)],
  ['share -1', (d) => (d.stages[0].steps[0].next = [{ to: 'open', share: -1 }])],
  ['pain severity critical', (d) => (d.stages[0].steps[0].pains = [{ text: 'x', severity: 'critical' }])],
  ['pain without text', (d) => (d.stages[0].steps[0].pains = [{ severity: 'low' }])],
  ['evidence guessed', (d) => (d.stages[0].steps[0].evidence = 'guessed')],
  ['touchpoint unknown key', (d) => (d.stages[0].steps[0].touchpoints = [{ chanel: 'app' }])],
  ['link without url', (d) => (d.links = [{ title: 'x' }])],
  ['link with a bad url', (d) => (d.links = [{ title: 'x', url: 'not a url' }])],
  ['link type', (d) => (d.links = [{ title: 'x', url: 'https://e.com', type: 'pdf' }])],
  ['kpi target as text', (d) => (d.stages[0].kpis = [{ metric: 'nps', target: 'high' }])],
  ['kpi measured bad', (d) => (d.stages[0].kpis = [{ metric: 'nps', measured: '01/02/2026' }])],
  ['momentOfTruth yes', (d) => (d.stages[0].steps[0].momentOfTruth = 'yes')],
  ['metric direction', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'sideways' }])],
  ['metric range of three', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'up', range: [0, 1, 2] }])],
  ['channel type', (d) => (d.channels = [{ id: 'c', name: 'C', type: 'virtual' }])],
  ['persona goals not a list', (d) => (d.personas = [{ id: 'p', name: 'P', goals: 'win' }])],
  ['document is a list', (d) => Object.assign(d, { stages: [[]] })],
];

describe('Zod and Ajv (generated JSON Schema) agree', () => {
  it('on every example (all valid)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { name, data } of examples) expect({ name, ...verdicts(data) }).toEqual({ name, zod: true, ajv: true });
  });

  it('on a minimal valid journey', () => {
    expect(verdicts(minimal)).toEqual({ zod: true, ajv: true });
  });

  for (const [name, edit] of INVALID_EDITS) {
    it(`on an invalid document: ${name}`, () => {
      const doc = structuredClone(minimal);
      edit(doc);
      expect(verdicts(doc)).toEqual({ zod: false, ajv: false });
    });
  }

  it('on random mutations of valid journeys', () => {
    const bases = [minimal, ...examples.map((example) => example.data)];
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: -200, max: 200 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom('', 'x', 'open', 'App', '2026-09-30', '2026-13-01', 'https://example.com', 'high', 'digital', 'up', 'current'),
      fc.string(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('id', 'name', 'text', 'to', 'metric', 'channel', 'x'), fc.string(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), value, (baseIndex, pathSeed, keySeed, newValue) => {
        const doc = structuredClone(bases[baseIndex % bases.length]);
        mutate(doc, pathSeed, keySeed, newValue);
        const result = verdicts(doc);
        expect(result.zod).toBe(result.ajv);
      }),
      { numRuns: 400 },
    );
  });
});

/** Replaces (or deletes, or adds) one value at a pseudo-random place in the document. */
function mutate(doc: any, pathSeed: number, keySeed: number, newValue: unknown): void {
  const containers: any[] = [];
  const visit = (node: any) => {
    if (node && typeof node === 'object') {
      containers.push(node);
      for (const child of Object.values(node)) visit(child);
    }
  };
  visit(doc);
  const target = containers[pathSeed % containers.length];
  const keys = Object.keys(target);
  const key = keySeed % 5 === 0 || keys.length === 0 ? ['extra', 'id', 'name', 'emotion', 'owner'][keySeed % 5] : keys[keySeed % keys.length];
  if (newValue === undefined) {
    if (Array.isArray(target)) target.splice(Number(key), 1);
    else delete target[key];
  } else target[key] = newValue;
}
