import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { journeySchema, type Journey } from '../../src/schema/journey.js';
import type { Rule } from '../../src/lint/rule.js';
import { checkJourney } from '../helpers/rule-tester.js';
import { journeyWithRandomFlow } from './flow-arbitrary.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);
const ruleIds = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => name.slice(0, -3));

const channel = fc.constantFrom('app', 'web', 'phone', 'store', 'unknown-channel');
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const kpi = fc.record({
  metric: fc.constantFrom('csat', 'churn', 'nps', 'unknown-metric'),
  target: maybe(fc.integer({ min: -100, max: 100 })),
  actual: maybe(fc.integer({ min: -100, max: 100 })),
});
/** Optional step fields in any combination, including empty lists, blank text and ids that resolve to nothing. */
const stepExtras = fc.record(
  {
    touchpoints: fc.array(fc.record({ channel: maybe(channel) }), { maxLength: 3 }),
    personas: fc.array(fc.constantFrom('p1', 'p2', 'ghost'), { maxLength: 2 }),
    emotion: fc.integer({ min: -2, max: 2 }),
    action: fc.constantFrom('', ' ', 'Does something'),
    backstage: fc.array(fc.constant('Internal work'), { maxLength: 2 }),
    pains: fc.array(fc.oneof(fc.constant('Slow'), fc.record({ text: fc.constant('Lost'), evidence: maybe(fc.constant('observed' as const)) })), { maxLength: 2 }),
    opportunities: fc.array(fc.constant('Faster'), { maxLength: 1 }),
    momentOfTruth: fc.boolean(),
    handoff: fc.constantFrom('', 'Context follows'),
    dropoff: fc.integer({ min: 0, max: 100 }),
    note: fc.constantFrom('', 'Why'),
    kpis: fc.array(kpi, { maxLength: 2 }),
    evidence: fc.constant('assumed' as const),
  },
  { requiredKeys: [] },
);
const stageExtras = fc.record({ owner: fc.constantFrom('', 'team'), kpis: fc.array(kpi, { maxLength: 2 }) }, { requiredKeys: [] });

const messyJourney = fc
  .tuple(
    journeyWithRandomFlow,
    fc.array(stepExtras, { minLength: 30, maxLength: 30 }),
    fc.array(stageExtras, { minLength: 6, maxLength: 6 }),
    maybe(fc.constantFrom('2020-01-01', '2026-11-22', '2030-12-31')),
    fc.boolean(),
  )
  .map(([journey, extras, stageFields, reviewed, withPersonas]): Journey => {
    let index = 0;
    return {
      ...journey,
      ...(reviewed ? { reviewed } : {}),
      ...(withPersonas ? { personas: [{ id: 'p1', name: 'P1', channels: ['app'] }, { id: 'p2', name: 'P2' }] } : {}),
      stages: journey.stages.map((stage, s) => ({ ...stage, ...stageFields[s], steps: stage.steps?.map((step) => ({ ...step, ...extras[index++] })) })),
    };
  });

describe('every rule on random journeys', () => {
  it('never throws, reports well-formed findings, and is deterministic', async () => {
    const rules = await Promise.all(ruleIds.map(async (id) => (await import(new URL(`${id}.ts`, RULES_DIR).href)).default as Rule<unknown>));
    fc.assert(
      fc.property(messyJourney, (journey) => {
        expect(journeySchema.safeParse(journey).success).toBe(true);
        for (const rule of rules) {
          const reports = checkJourney(rule, journey);
          for (const report of reports) {
            expect(report.message).toMatch(/: \S/);
            expect(report.path.length).toBeGreaterThan(0);
          }
          expect(checkJourney(rule, journey)).toEqual(reports);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('handles a 10,000-step journey (500 stages, a loop back to the start) quickly', async () => {
    const rules = await Promise.all(ruleIds.map(async (id) => (await import(new URL(`${id}.ts`, RULES_DIR).href)).default as Rule<unknown>));
    const stages: Journey['stages'] = Array.from({ length: 500 }, (_, s) => ({
      id: `stage-${s}`,
      name: `Stage ${s}`,
      steps: Array.from({ length: 20 }, (_, i) => ({
        id: `step-${s}-${i}`,
        name: `Step ${s}.${i}`,
        touchpoints: [{ channel: i % 2 ? 'app' : 'phone' }],
        pains: ['Slow'],
        ...(s === 499 && i === 19 ? { next: ['step-0-0'] } : {}),
      })),
    }));
    const journey: Journey = { cjm: 1, id: 'huge', title: 'Huge', state: 'current', stages };
    const counts = Object.fromEntries(rules.map((rule) => [rule.id, checkJourney(rule, journey).length]));
    expect(counts['unreachable-step']).toBe(0);
    // Every step switches channel, except the first: it is reached only by the loop back, which asks for no handoff.
    expect(counts['channel-handoff']).toBe(9_999);
    expect(counts['emotion-missing']).toBe(10_000);
    expect(counts['stage-owner']).toBe(500);
  });
});
