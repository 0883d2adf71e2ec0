import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { journeySchema } from '../../src/schema/journey.js';
import { catalogSchema, configSchema } from '../../src/schema/config.js';
import { toJsonSchema, type SchemaDraft } from '../../src/schema/json-schema.js';
import { isJourney } from '../../src/schema/journey-validator.generated.js';
import { isCatalog, isConfig } from '../../src/schema/config-validators.generated.js';

/**
 * What an editor flags (Ajv with the generated JSON Schema, in both drafts cjm
 * ships) and what the CLI flags must agree on every document, valid or not. The
 * CLI checks with the validators compiled from the JSON Schema (`compiled`),
 * and with Zod to explain a file they refuse: the two must never disagree.
 */
function ajvFor(draft: SchemaDraft): Ajv {
  // Strict: a keyword Ajv does not know is an error, so the editor-only keywords are declared, as annotations.
  const ajv = draft === '2020-12' ? new Ajv2020({ allErrors: true, strict: true }) : new Ajv({ allErrors: true, strict: true });
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  // yaml-language-server's messages for a broken pattern or any broken keyword of a schema.
  ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return ajv;
}
const validators = {
  '2020-12': ajvFor('2020-12').compile(toJsonSchema('journey', '2020-12')),
  '07': ajvFor('07').compile(toJsonSchema('journey', '07')),
};

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

function verdicts(data: unknown): { zod: boolean; ajv: boolean; ajvDraft07: boolean; compiled: boolean } {
  return {
    zod: journeySchema.safeParse(data).success,
    ajv: validators['2020-12'](data) as boolean,
    ajvDraft07: validators['07'](data) as boolean,
    // The compiled check fills in defaults: it gets a copy.
    compiled: isJourney(structuredClone(data)),
  };
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
  ['link without a scheme', (d) => (d.links = [{ title: 'x', url: 'example.com/survey' }])],
  ['link to javascript:', (d) => (d.links = [{ title: 'x', url: 'javascript:alert(1)' }])],
  ['link to data:', (d) => (d.links = [{ title: 'x', url: 'data:text/html,<b>x</b>' }])],
  ['link to file:', (d) => (d.links = [{ title: 'x', url: 'file:///etc/passwd' }])],
  ['link with no host', (d) => (d.links = [{ title: 'x', url: 'https://' }])],
  ['link with a space', (d) => (d.links = [{ title: 'x', url: 'https://example.com/a b' }])],
  ['mailto without an address', (d) => (d.links = [{ title: 'x', url: 'mailto:team' }])],
  ['link type', (d) => (d.links = [{ title: 'x', url: 'https://e.com', type: 'pdf' }])],
  ['kpi target as text', (d) => (d.stages[0].kpis = [{ metric: 'nps', target: 'high' }])],
  ['kpi measured bad', (d) => (d.stages[0].kpis = [{ metric: 'nps', measured: '01/02/2026' }])],
  ['momentOfTruth yes', (d) => (d.stages[0].steps[0].momentOfTruth = 'yes')],
  ['metric direction', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'sideways' }])],
  ['metric range of three', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'up', range: [0, 1, 2] }])],
  ['metric range of one', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'up', range: [0] }])],
  ['metric range of text', (d) => (d.metrics = [{ id: 'm', name: 'M', direction: 'up', range: ['a', 'b'] }])],
  ['emotion per persona out of range', (d) => (d.stages[0].steps[0].emotion = { marco: 3 })],
  ['emotion per persona with a bad id', (d) => (d.stages[0].steps[0].emotion = { Marco: 1 })],
  ['thinking as a number', (d) => (d.stages[0].steps[0].thinking = 5)],
  ['support as text', (d) => (d.stages[0].steps[0].support = 'a team')],
  ['channel type', (d) => (d.channels = [{ id: 'c', name: 'C', type: 'virtual' }])],
  ['persona goals not a list', (d) => (d.personas = [{ id: 'p', name: 'P', goals: 'win' }])],
  ['document is a list', (d) => Object.assign(d, { stages: [[]] })],
];

describe('Zod and Ajv (generated JSON Schema) agree', () => {
  it('on every example (all valid)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const { name, data } of examples) expect({ name, ...verdicts(data) }).toEqual({ name, zod: true, ajv: true, ajvDraft07: true, compiled: true });
  });

  it('compiles every schema cjm ships, strict, the config too', () => {
    for (const draft of ['2020-12', '07'] as const) for (const kind of ['journey', 'config'] as const) expect(() => ajvFor(draft).compile(toJsonSchema(kind, draft))).not.toThrow();
  });

  it('on a minimal valid journey', () => {
    expect(verdicts(minimal)).toEqual({ zod: true, ajv: true, ajvDraft07: true, compiled: true });
  });

  it('on every kind of URL a link may have', () => {
    for (const url of ['https://example.com', 'http://localhost:8080/x?y=1#z', 'https://example.com/a(b)|c', 'mailto:team@example.com?subject=Hi']) {
      const doc = { ...structuredClone(minimal), links: [{ title: 'x', url }] };
      expect({ url, ...verdicts(doc) }).toEqual({ url, zod: true, ajv: true, ajvDraft07: true, compiled: true });
    }
  });

  it('on emotion per persona', () => {
    const doc = structuredClone(minimal) as any;
    doc.stages[0].steps[0].emotion = { marco: -1, 'giulia-2': 2 };
    expect(verdicts(doc)).toEqual({ zod: true, ajv: true, ajvDraft07: true, compiled: true });
  });

  for (const [name, edit] of INVALID_EDITS) {
    it(`on an invalid document: ${name}`, () => {
      const doc = structuredClone(minimal);
      edit(doc);
      expect(verdicts(doc)).toEqual({ zod: false, ajv: false, ajvDraft07: false, compiled: false });
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
      fc.constantFrom('', 'x', 'open', 'App', '2026-09-30', '2026-13-01', 'https://example.com', 'example.com/x', 'javascript:x', 'high', 'digital', 'up', 'current', '\u{1F600}', 'caf\u00e9'),
      fc.constantFrom(Infinity, -Infinity, NaN, 2 ** 60, -0),
      fc.string(),
      fc.array(fc.string(), { maxLength: 2 }),
      fc.dictionary(fc.constantFrom('id', 'name', 'text', 'to', 'metric', 'channel', 'x'), fc.string(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), value, (baseIndex, pathSeed, keySeed, newValue) => {
        const doc = structuredClone(bases[baseIndex % bases.length]);
        mutate(doc, pathSeed, keySeed, newValue);
        const result = verdicts(doc);
        expect(result.ajv).toBe(result.zod);
        expect(result.ajvDraft07).toBe(result.zod);
        expect(result.compiled).toBe(result.zod);
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

describe('the compiled validators and Zod agree', () => {
  it('on what a valid journey becomes: defaults filled in as Zod fills them in', () => {
    for (const data of [minimal, ...examples.map((example) => example.data)]) {
      const checked = structuredClone(data);
      expect(isJourney(checked)).toBe(true);
      expect(checked).toEqual(journeySchema.parse(data));
    }
  });

  it('on configs and catalogues, valid and not', () => {
    const catalog = parse(readFileSync(new URL('shared/catalog.yaml', exampleDir), 'utf8'));
    const config = parse(readFileSync(new URL('../../cjm.config.yaml', import.meta.url), 'utf8'));
    const cases: [string, (data: unknown) => boolean, { safeParse(data: unknown): { success: boolean } }, unknown][] = [
      ['the examples\' catalogue', isCatalog, catalogSchema, catalog],
      ['a catalogue with an unknown key', isCatalog, catalogSchema, { ...catalog, teams: [] }],
      ['a catalogue channel of no type', isCatalog, catalogSchema, { channels: [{ id: 'kiosk', name: 'Kiosk' }] }],
      ['the repository\'s config', isConfig, configSchema, config],
      ['a config with a rule setting of three', isConfig, configSchema, { rules: { 'stage-kpi': ['warn', {}, 1] } }],
      ['a config with limits.maxDepth 300', isConfig, configSchema, { limits: { maxDepth: 300 } }],
      ['a config with a data source of no columns', isConfig, configSchema, { data: [{ file: 'a.csv' }] }],
      ['a config with an empty include glob', isConfig, configSchema, { include: [''] }],
    ];
    for (const [name, compiled, schema, data] of cases) expect({ name, compiled: compiled(structuredClone(data)) }).toEqual({ name, compiled: schema.safeParse(data).success });
  });
});
