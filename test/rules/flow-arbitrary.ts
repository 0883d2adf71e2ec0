import fc from 'fast-check';
import type { Journey } from '../../src/schema/journey.js';

/** Journeys with random stages and random `next` graphs (including loops, self-loops, `next: []` and defaults). */
export const journeyWithRandomFlow = fc
  .integer({ min: 1, max: 30 })
  .chain((count) =>
    fc.record({
      nexts: fc.array(fc.option(fc.uniqueArray(fc.integer({ min: 0, max: count - 1 }), { maxLength: 3 }), { nil: undefined }), {
        minLength: count,
        maxLength: count,
      }),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, count - 1) }), { maxLength: 4 }),
      emptyStageAtEnd: fc.boolean(),
    }),
  )
  .map(({ nexts, cuts, emptyStageAtEnd }): Journey => {
    const steps = nexts.map((next, i) => ({ id: `s${i}`, name: `Step ${i}`, ...(next ? { next: next.map((j) => `s${j}`) } : {}) }));
    const bounds = [0, ...[...new Set(cuts)].filter((cut) => cut < steps.length).sort((a, b) => a - b), steps.length];
    const stages: Journey['stages'] = bounds.slice(1).map((end, k) => ({ id: `g${k}`, name: `Stage ${k}`, steps: steps.slice(bounds[k], end) }));
    if (emptyStageAtEnd) stages.push({ id: 'empty', name: 'Empty' });
    return { cjm: 1, id: 'random', title: 'Random', state: 'current', stages };
  });
