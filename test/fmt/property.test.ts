import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Document, isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { prescanYaml } from '../../src/load/prescan.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { faithfulFormatProblem } from './roundtrip.js';

/**
 * Generated journeys, written in random key orders, indentations, scalar and
 * collection styles and with random comments: whatever the input looks like,
 * `cjm fmt` keeps the data and the comments and reaches a fixed point in one run.
 */

// Strings that other YAML readers (or careless re-quoting) would turn into something else.
const TRICKY = ['yes', 'no', 'on', '012', '0x1F', '1e3', '.5', '2026-09-30', 'null', '~', 'true', 'a: b', 'x #y', '#x', ' lead', 'trail ',
  '- dash', '[x]', '{y}', 'a, b', '"q"', "it's", 'über', '', 'two\nlines', 'ends with newline\n', '@at', '`tick`', '%pct', '&amp', '*star',
  '!bang', '|pipe', '>gt', '? q', ': colon', '---', '...', 'tab\there', 'bidi \u202Eevil\u202C', 'zero\u200Bwidth\uFEFF', 'bell\u0007', 'nel\u0085'];

const words = fc.array(fc.constantFrom('open', 'claim', 'the', 'app', 'fast', 'photo', 'Upload', '42'), { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
const text = fc.oneof(words, fc.constantFrom(...TRICKY), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary-ascii', maxLength: 8 }));
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double());
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
const list = <T>(item: fc.Arbitrary<T>, maxLength = 3) => fc.array(item, { maxLength });
const evidence = fc.constantFrom('observed', 'reported', 'inferred', 'assumed');

const link = fc.record({ title: text, url: fc.webUrl(), type: fc.constantFrom('document', 'image', 'video', 'dashboard') }, { requiredKeys: ['title', 'url'] });
const kpi = fc.record({ metric: slug, target: number, actual: number, source: text, measured: date, note: text }, { requiredKeys: ['metric'] });
const touchpoint = fc.record({ channel: slug, description: text, owner: text }, { requiredKeys: [] });
const pain = fc.oneof(text, fc.record({ text, severity: fc.constantFrom('low', 'medium', 'high'), evidence }, { requiredKeys: ['text'] }));
const transition = fc.oneof(slug, fc.record({ to: slug, when: text, share: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: ['to'] }));

const step = fc.record(
  {
    id: slug, name: text, description: text, personas: list(slug), action: text, touchpoints: list(touchpoint), backstage: list(text),
    emotion: fc.integer({ min: -2, max: 2 }), feeling: text, pains: list(pain), opportunities: list(text), momentOfTruth: fc.boolean(),
    handoff: text, next: list(transition), dropoff: fc.integer({ min: 0, max: 100 }), evidence, subjourney: slug, kpis: list(kpi, 2),
    links: list(link, 2), note: text, 'x-custom': text,
  },
  { requiredKeys: ['id', 'name'] },
);
const stage = fc.record(
  { id: slug, name: text, description: text, owner: text, goal: text, kpis: list(kpi, 2), steps: list(step), links: list(link, 2) },
  { requiredKeys: ['id', 'name'] },
);
const persona = fc.record({ id: slug, name: text, description: text, goals: list(text), needs: list(text), channels: list(slug), quote: text }, { requiredKeys: ['id', 'name'] });
const channel = fc.record({ id: slug, name: text, type: fc.constantFrom('digital', 'physical', 'human'), description: text }, { requiredKeys: ['id', 'name', 'type'] });
const metric = fc.record(
  { id: slug, name: text, unit: text, direction: fc.constantFrom('up', 'down'), range: fc.tuple(number, number), description: text },
  { requiredKeys: ['id', 'name', 'direction'] },
);
const journey = fc.record(
  {
    cjm: fc.constant(1), id: slug, title: text, description: text, state: fc.constantFrom('current', 'future'), owner: text, reviewed: date,
    tags: list(text), links: list(link, 2), personas: list(persona, 2), channels: list(channel, 2), metrics: list(metric, 2),
    stages: fc.array(stage, { minLength: 1, maxLength: 3 }), 'x-extra': fc.dictionary(slug, text, { maxKeys: 2 }),
  },
  { requiredKeys: ['cjm', 'id', 'title', 'stages'] },
);

/** mulberry32: a small seeded generator, so fast-check replays a failing case exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffledKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, shuffledKeys(item, random)] as const);
  for (let index = entries.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [entries[index], entries[other]] = [entries[other], entries[index]];
  }
  return Object.fromEntries(entries);
}

const SCALAR_TYPES: Scalar.Type[] = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'];

/** The journey as a person (or another tool) might have written it. */
function writeLikeSomeone(data: unknown, seed: number, withComments: boolean): string {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const document = new Document(shuffledKeys(data, random));
  let count = 0;
  const comment = () => `${pick(['note', 'TODO', 'why:', '#hash', 'see https://x.y/#a'])} ${count++}`;
  visit(document, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') node.type = pick(SCALAR_TYPES);
      if (withComments && random() < 0.08) node.comment = comment();
    },
    Map(_key, node) {
      node.flow = random() < 0.2;
      if (withComments && random() < 0.1) node.commentBefore = comment();
    },
    Seq(_key, node) {
      node.flow = random() < 0.3;
      if (withComments && random() < 0.1) node.commentBefore = comment();
    },
    Pair(_key, pair) {
      if (withComments && isScalar(pair.key) && random() < 0.1) pair.key.commentBefore = comment();
      if (isScalar(pair.key) && random() < 0.1) pair.key.spaceBefore = true;
    },
  });
  if (withComments && random() < 0.5) document.commentBefore = ' yaml-language-server: $schema=../schemas/journey.schema.json';
  return document.toString({ indent: pick([2, 3, 4]), indentSeq: random() < 0.5, lineWidth: pick([0, 40, 80]) });
}

describe('fmt on generated journeys', () => {
  it('keeps data and comments and is idempotent, whatever the input style', () => {
    fc.assert(
      fc.property(journey, fc.integer(), fc.boolean(), (data, seed, withComments) => {
        const input = writeLikeSomeone(data, seed, withComments);
        // `yaml` itself sometimes prints comments it cannot read back (above an empty flow
        // collection with unindented sequences): such inputs say nothing about fmt.
        fc.pre(parseDocument(input).errors.length === 0);
        // The depth estimate of src/load/depth.ts counts every `key:` on a line, so a whole stage
        // written as one flow line (what yaml prints with lineWidth 0) reads as too deep for
        // validate and fmt alike: a false positive of that estimate, not of fmt.
        fc.pre(!prescanYaml(input, DEFAULT_LIMITS));
        const problem = faithfulFormatProblem(input);
        if (problem) throw new Error(`${problem}\n--- input\n${input}`);
      }),
      // A fixed seed keeps CI deterministic; FC_SEED=<n> (or FC_SEED=random) explores further.
      { numRuns: 200, seed: process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261122) },
    );
  });
});
