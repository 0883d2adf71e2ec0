/**
 * Journeys for the map tests: the examples as the CLI loads them (with the
 * shared catalogue), and generated journeys that try the layout's edges:
 * long and empty labels, scripts written right to left, CJK, emoji, combining
 * marks, words without spaces, many steps and personas.
 */
import fc from 'fast-check';
import { builtinCatalog, catalogForJourney, type ResolvedCatalog } from '../../../src/load/catalog.js';
import { prepareRun } from '../../../src/load/prepare.js';
import type { Journey, Kpi, Pain, Stage, Step, Touchpoint } from '../../../src/schema/journey.js';
import { analyzeFiles } from '../../../src/validate/index.js';
import { ROOT } from '../../helpers/cli.js';

interface LoadedExample {
  /** The file, relative to the repository. */
  file: string;
  journey: Journey;
  catalog: ResolvedCatalog;
}

let examples: Promise<LoadedExample[]> | undefined;

/** Every example of the workspace, validated, with the catalogue as seen from it (sorted by id). */
export function loadExamples(): Promise<LoadedExample[]> {
  examples ??= (async () => {
    const { files, context } = await prepareRun([], { cwd: ROOT });
    const loaded: LoadedExample[] = [];
    for await (const file of analyzeFiles(files, context)) {
      if (!file.journey) throw new Error(`example ${file.file} is invalid`);
      loaded.push({ file: file.file, journey: file.journey, catalog: catalogForJourney(context.workspace.catalog, file.journey) });
    }
    return loaded.sort((a, b) => a.journey.id.localeCompare(b.journey.id));
  })();
  return examples;
}

/** A fixed seed, so a failure is the same failure on every machine; FC_SEED tries others. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261130);

// Pieces of labels: words in several scripts and the characters that break naive layouts.
const WORDS = [
  'claim', 'the', 'customer', 'calls', 'again', 'Ödön', 'façade', 'naïve', 'Ελληνικά', 'Съешь',
  'مرحبا', 'بالعالم', 'الموافقة', 'שלום', 'עולם', 'הזמנה',
  '保険金の請求', '中文测试', '한국어', 'カタカナ',
  '😀', '👩‍👩‍👧‍👦', '🇮🇹', '👍🏽', '🧑‍💻', '❤️',
  'e\u0301', 'Z\u0351\u0307\u0352a\u0300\u0301\u0302l\u0303\u0304g\u0305o\u0306', '\u0915\u094D\u0937',
  'Donaudampfschifffahrtsgesellschaftskapitänsmütze', 'https://example.com/a/very/long/path/without/any/spaces/at/all',
  'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 'iiiiiiiiiiii', '10-20', '—', '…', '"quoted"', '<b>&amp;</b>', ']]>',
  '\u202Eevil', '\u2067isolate\u2069', '\u00A0', '\t', '  ', '\u0001', '\u001B[31m', '\uD83D', '\uDE00', '\r\n', '\u2028',
];
const SEPARATORS = [' ', ' ', ' ', ' ', '\n', '', '-', '/', ', '];

/**
 * Labels are slices of one long text built from the pieces above, with a
 * seeded generator: slicing is cheap, so a run can lay out many large
 * journeys; fast-check picks where a slice starts and how long it is.
 */
const CORPUS: readonly string[] = (() => {
  let state = FC_SEED >>> 0 || 1;
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
  const parts: string[] = [];
  for (let i = 0; i < 6000; i++) {
    // Now and then a random code point from anywhere in Unicode, unassigned and private use included (no surrogates).
    if (next(12) === 0) {
      const codePoint = next(0x10ffff - 0x800);
      parts.push(String.fromCodePoint(codePoint < 0xd800 ? codePoint : codePoint + 0x800));
    }
    parts.push(WORDS[next(WORDS.length)], SEPARATORS[next(SEPARATORS.length)]);
  }
  return Array.from(parts.join(''));
})();

/** A label of `min`..`max` characters (code points): mostly short, sometimes long, now and then raw code units (lone surrogates). */
function label(min = 0, max = 400): fc.Arbitrary<string> {
  const length = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 40)) }) },
    { weight: 2, arbitrary: fc.integer({ min, max: Math.min(max, Math.max(min, 160)) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
  const slice = fc.tuple(fc.nat(CORPUS.length - max - 1), length).map(([start, count]) => CORPUS.slice(start, start + count).join(''));
  const raw = fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 8) });
  return fc.oneof({ weight: 12, arbitrary: slice }, { weight: 1, arbitrary: raw });
}

const METRIC_IDS = ['nps', 'csat', 'ces', 'aht', 'cost', 'custom-ranged', 'custom-open'];
const CHANNEL_IDS = ['web', 'app', 'phone', 'store', 'custom-channel', 'undeclared-channel'];

const kpi: fc.Arbitrary<Kpi> = fc.record(
  {
    metric: fc.constantFrom(...METRIC_IDS),
    actual: fc.oneof(fc.integer({ min: -200, max: 5000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    target: fc.integer({ min: -200, max: 5000 }),
    source: label(0, 80),
    measured: fc.constant('2026-09-01'),
  },
  { requiredKeys: ['metric'] },
);

const pain: fc.Arbitrary<Pain> = fc.oneof(
  label(1, 400),
  fc.record({ text: label(1, 400), severity: fc.constantFrom('low', 'medium', 'high') }, { requiredKeys: ['text'] }) as fc.Arbitrary<Pain>,
);

const touchpoint: fc.Arbitrary<Touchpoint> = fc.record({ channel: fc.constantFrom(...CHANNEL_IDS), description: label(0, 200), owner: label(0, 60) }, { requiredKeys: [] });

function list<T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[] | undefined> {
  return fc.option(fc.array(item, { maxLength: 10 }), { nil: undefined });
}

function stepArbitrary(personaIds: readonly string[]): fc.Arbitrary<Omit<Step, 'id'>> {
  const score = fc.integer({ min: -2, max: 2 });
  const takers = personaIds.length === 0 ? fc.constant(undefined) : fc.option(fc.subarray([...personaIds], { minLength: 1 }), { nil: undefined });
  return takers.chain((personas) => {
    const scorable = personas ?? personaIds;
    const emotion = fc.oneof(
      score,
      // A score for some of the personas who take the step: the others take it without one.
      fc.subarray([...scorable]).chain((ids) => fc.tuple(...ids.map(() => score)).map((scores) => Object.fromEntries(ids.map((id, i) => [id, scores[i]])))),
    );
    return fc.record(
      {
        name: label(1, 400),
        personas: fc.constant(personas),
        action: label(0, 400),
        thinking: label(0, 400),
        feeling: label(0, 60),
        emotion: personaIds.length === 0 ? score : emotion,
        touchpoints: list(touchpoint),
        pains: list(pain),
        opportunities: list(label(1, 400)),
        backstage: list(label(1, 400)),
        support: list(label(1, 400)),
        kpis: list(kpi),
        momentOfTruth: fc.boolean(),
        dropoff: fc.double({ min: 0, max: 100, noNaN: true }),
        evidence: fc.constantFrom('observed', 'reported', 'inferred', 'assumed'),
        subjourney: fc.constantFrom('other-journey', 'a-very-long-sub-journey-id-that-goes-on-and-on-and-on'),
        handoff: label(0, 200),
      },
      { requiredKeys: ['name'] },
    ) as fc.Arbitrary<Omit<Step, 'id'>>;
  });
}

export interface GeneratedJourney {
  journey: Journey;
  catalog: ResolvedCatalog;
}

/** A journey of 1..maxSteps steps over 1..8 stages (some possibly empty), 0..8 personas. */
export function journeyArbitrary({ maxSteps = 60, maxPersonas = 8 } = {}): fc.Arbitrary<GeneratedJourney> {
  return fc
    .record({
      personaCount: fc.integer({ min: 0, max: maxPersonas }),
      // Mostly short journeys, sometimes long ones: a long one costs a lot to lay out.
      stepCount: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: Math.min(maxSteps, 12) }) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: maxSteps }) },
      ),
      // Shares of the steps per stage; a share of 0 is a stage without steps.
      shares: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
    })
    .chain(({ personaCount, stepCount, shares }) => {
      const sum = shares.reduce((total, share) => total + share, 0) || 1;
      const sizes = shares.map((share) => Math.floor((share * stepCount) / sum));
      sizes[shares.indexOf(Math.max(...shares))] += stepCount - sizes.reduce((total, size) => total + size, 0);
      const personaIds = Array.from({ length: personaCount }, (_, index) => `persona-${index + 1}`);
      return fc.record({
        title: label(1, 400),
        owner: fc.option(label(0, 80), { nil: undefined }),
        personaNames: fc.tuple(...personaIds.map(() => label(1, 80))),
        stages: fc.tuple(
          ...sizes.map((size) =>
            fc.record({
              name: label(1, 400),
              owner: fc.option(label(0, 80), { nil: undefined }),
              kpis: list(kpi),
              steps: fc.array(stepArbitrary(personaIds), { minLength: size, maxLength: size }),
            }),
          ),
        ),
      }).map(({ title, owner, personaNames, stages }) => {
        let stepNumber = 0;
        const journey: Journey = {
          cjm: 1,
          id: 'generated',
          title,
          owner,
          state: 'current',
          personas: personaIds.length ? personaIds.map((id, index) => ({ id, name: personaNames[index] })) : undefined,
          channels: [{ id: 'custom-channel', name: 'A custom channel with a long name that wraps', type: 'human' }],
          metrics: [
            { id: 'custom-ranged', name: 'A custom metric with a range', unit: 'widgets per hour', direction: 'up', range: [0, 10] },
            { id: 'custom-open', name: 'Open-ended custom metric', direction: 'down' },
          ],
          stages: stages.map((stage, index): Stage => ({
            id: `stage-${index + 1}`,
            name: stage.name,
            owner: stage.owner,
            kpis: stage.kpis,
            steps: stage.steps.map((step) => ({ ...step, id: `step-${++stepNumber}` }) as Step),
          })),
        };
        return { journey, catalog: catalogForJourney(builtinCatalog(), journey) };
      });
    });
}
