import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareJourneys } from '../../src/diff/compare.js';
import type { Journey } from '../../src/schema/journey.js';

/** Journeys over a small pool of stage and step ids, so two of them share some ids and differ in others. */
const journeyArb: fc.Arbitrary<Journey> = fc
  .record({
    stageIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 }),
    stepIds: fc.uniqueArray(fc.constantFrom('s1', 's2', 's3', 's4', 's5', 's6', 's7'), { maxLength: 7 }),
    emotions: fc.array(fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }), { minLength: 7, maxLength: 7 }),
    owners: fc.array(fc.option(fc.constantFrom('x', 'y'), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    cuts: fc.array(fc.nat(7), { minLength: 3, maxLength: 3 }),
    ends: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .map(({ stageIds, stepIds, emotions, owners, cuts, ends }) => {
    const bounds = [0, ...cuts.slice(0, stageIds.length - 1).sort((x, y) => x - y), stepIds.length].map((n) => Math.min(n, stepIds.length));
    return {
      cjm: 1,
      id: 'j',
      title: 'J',
      state: 'current',
      stages: stageIds.map((id, s) => ({
        id,
        name: `Stage ${id}`,
        ...(owners[s] ? { owner: owners[s] } : {}),
        steps: stepIds.slice(bounds[s], Math.max(bounds[s], bounds[s + 1] ?? stepIds.length)).map((stepId, i) => ({
          id: stepId,
          name: `Step ${stepId}`,
          ...(emotions[i] !== undefined ? { emotion: emotions[i] } : {}),
          ...(ends[i] ? { next: [] } : {}),
        })),
      })),
    } as Journey;
  });

function stepStatuses(diff: ReturnType<typeof compareJourneys>): Map<string, string[]> {
  const statuses = new Map<string, string[]>();
  for (const stage of diff.stages) for (const step of stage.steps) statuses.set(step.id, [...(statuses.get(step.id) ?? []), step.status]);
  return statuses;
}

describe('compareJourneys properties', () => {
  it('a journey compared with itself has no changes', () => {
    fc.assert(fc.property(journeyArb, (journey) => compareJourneys(journey, structuredClone(journey)).counts.changes === 0));
  });

  it('swapping the sides swaps added and removed, better and worse', () => {
    fc.assert(
      fc.property(journeyArb, journeyArb, (a, b) => {
        const forward = compareJourneys(a, b).counts;
        const backward = compareJourneys(b, a).counts;
        expect([forward.stepsAdded, forward.stepsRemoved, forward.stagesAdded, forward.emotionBetter, forward.stepsMoved]).toEqual([
          backward.stepsRemoved,
          backward.stepsAdded,
          backward.stagesRemoved,
          backward.emotionWorse,
          backward.stepsMoved,
        ]);
      }),
    );
  });

  it('every step appears exactly once: kept or added if in the new journey, removed if only in the old', () => {
    fc.assert(
      fc.property(journeyArb, journeyArb, (a, b) => {
        const statuses = stepStatuses(compareJourneys(a, b));
        const oldIds = new Set(a.stages.flatMap((s) => s.steps ?? []).map((s) => s.id));
        const newIds = new Set(b.stages.flatMap((s) => s.steps ?? []).map((s) => s.id));
        for (const id of new Set([...oldIds, ...newIds])) {
          const expected = newIds.has(id) ? (oldIds.has(id) ? 'kept' : 'added') : 'removed';
          expect(statuses.get(id)).toEqual([expected]);
        }
      }),
    );
  });
});
