import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAggregation, numberReader, type Tally } from '../../src/data/aggregate.js';
import type { DataSource } from '../../src/schema/data-source.js';

/** The value of a list of raw answers, or undefined with no answer counted; bad answers are skipped as the loader does. */
function aggregate(source: Partial<DataSource>, answers: readonly (string | number)[]): number | undefined {
  const aggregation = createAggregation(source as DataSource);
  const tally: Tally = { responses: 0, hits: 0, misses: 0 };
  for (const answer of answers) aggregation.add(tally, String(answer));
  return tally.responses === 0 ? undefined : aggregation.value(tally);
}

describe('nps: % promoters (9-10) minus % detractors (0-6), on 0..10', () => {
  it('all promoters: 100; all detractors: -100; all passives: 0', () => {
    expect(aggregate({ aggregate: 'nps' }, [9, 10, 10])).toBe(100);
    expect(aggregate({ aggregate: 'nps' }, [0, 3, 6])).toBe(-100);
    expect(aggregate({ aggregate: 'nps' }, [7, 8, 7])).toBe(0);
  });

  it('by hand: 5 promoters, 3 passives, 2 detractors of 10 answers is 50 % - 20 % = 30', () => {
    expect(aggregate({ aggregate: 'nps' }, [10, 9, 9, 10, 9, 8, 7, 7, 6, 0])).toBe(30);
  });

  it('rounds to one decimal: 1 promoter and 2 detractors of 3 is -33.3', () => {
    expect(aggregate({ aggregate: 'nps' }, [10, 1, 2])).toBe(-33.3);
  });

  it('no responses: no value', () => {
    expect(aggregate({ aggregate: 'nps' }, [])).toBeUndefined();
  });

  it('refuses answers off the 0..10 scale or between its points, and reads nothing else', () => {
    const aggregation = createAggregation({ aggregate: 'nps' } as DataSource);
    const tally: Tally = { responses: 0, hits: 0, misses: 0 };
    expect(aggregation.add(tally, '11')).toBe('11 is outside the nps answer scale 0..10');
    expect(aggregation.add(tally, '7.5')).toBe('7.5 is not a whole answer on the nps scale 0..10');
    expect(aggregation.add(tally, 'ten')).toBe('"ten" is not a number');
    expect(tally.responses).toBe(0);
  });

  it('matches its definition for any answers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (answers) => {
        const promoters = answers.filter((a) => a >= 9).length;
        const detractors = answers.filter((a) => a <= 6).length;
        const value = aggregate({ aggregate: 'nps' }, answers)!;
        expect(value).toBeCloseTo(((promoters - detractors) / answers.length) * 100, 1);
        expect(value).toBeGreaterThanOrEqual(-100);
        expect(value).toBeLessThanOrEqual(100);
        // The order of the rows does not matter.
        expect(aggregate({ aggregate: 'nps' }, [...answers].reverse())).toBe(value);
      }),
      { seed: 15, numRuns: 200 },
    );
  });
});

describe('csat: % of the top boxes', () => {
  it('top-2-box on 1..5 by default: 4 and 5 of 3, 4, 5, 5, 1 is 60 %', () => {
    expect(aggregate({ aggregate: 'csat' }, [3, 4, 5, 5, 1])).toBe(60);
  });

  it('topBoxes: 1 counts only the 5s', () => {
    expect(aggregate({ aggregate: 'csat', topBoxes: 1 }, [3, 4, 5, 5, 1])).toBe(40);
  });

  it('another scale: top-2 of 1..7 are 6 and 7', () => {
    expect(aggregate({ aggregate: 'csat', scale: [1, 7] }, [5, 6, 7, 7])).toBe(75);
  });

  it('refuses a 0 on 1..5', () => {
    expect(aggregate({ aggregate: 'csat' }, [0, 5])).toBe(100);
  });
});

describe('ces and mean: the mean answer', () => {
  it('ces on 1..7: 2, 4, 6, 7 is 4.75', () => {
    expect(aggregate({ aggregate: 'ces' }, [2, 4, 6, 7])).toBe(4.75);
  });

  it('rounds to two decimals', () => {
    expect(aggregate({ aggregate: 'ces' }, [1, 2, 2])).toBe(1.67);
  });

  it('mean takes any number, a decimal comma when told', () => {
    expect(aggregate({ aggregate: 'mean' }, ['1.5', '2.5', '-1'])).toBe(1);
    expect(aggregate({ aggregate: 'mean', decimal: ',' }, ['1,5', '2,5'])).toBe(2);
  });
});

describe('share and count: funnel exports', () => {
  it('share: % of rows whose value is 1, true or yes by default', () => {
    expect(aggregate({ aggregate: 'share' }, ['1', '0', 'true', 'false', 'YES', ''])).toBe(50);
  });

  it('share of the values named in shareOf', () => {
    expect(aggregate({ aggregate: 'share', shareOf: ['completed'] }, ['completed', 'abandoned', 'abandoned', 'Completed'])).toBe(50);
  });

  it('count: the rows, whatever the value', () => {
    expect(aggregate({ aggregate: 'count' }, ['a', '', '3'])).toBe(3);
  });
});

describe('numberReader', () => {
  it('reads plain numbers and refuses thousands separators rather than guess', () => {
    const read = numberReader('.');
    expect([read('42'), read(' 4.5 '), read('-0.5'), read('1e3'), read('1,234'), read(''), read('4.5%')]).toEqual([42, 4.5, -0.5, 1000, undefined, undefined, undefined]);
    expect([numberReader(',')('8,5'), numberReader(',')('8.5')]).toEqual([8.5, undefined]);
  });
});
