import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/schema/journey.js';
import { builtinCatalog } from '../../src/load/catalog.js';
import {
  averageEmotion,
  channelStageMatrix,
  journeyKpis,
  kpiStatus,
  lowestEmotions,
  rankDropoffHotspots,
  rankKpisOffTarget,
  rankPains,
  reviewAgeDays,
} from '../../src/report/analysis.js';
import { formatGap, formatKpiStatus } from '../../src/report/numbers.js';

const journey: Journey = {
  cjm: 1,
  id: 'j',
  title: 'J',
  state: 'current',
  stages: [
    {
      id: 'a',
      name: 'A',
      kpis: [
        { metric: 'nps', target: 30, actual: 12 }, // 18 of 200: 9 %
        { metric: 'csat', target: 80, actual: 62 }, // 18 of 100: 18 %
        { metric: 'churn', target: 5, actual: 4 }, // on target (lower is better)
      ],
      steps: [
        { id: 's1', name: 'S1', emotion: -1, dropoff: 5, touchpoints: [{ channel: 'web' }, { channel: 'email' }], pains: ['plain', { text: 'bad', severity: 'medium' }] },
        { id: 's2', name: 'S2', emotion: -2, dropoff: 25, touchpoints: [{ channel: 'web' }], pains: [{ text: 'worst', severity: 'high' }, { text: 'minor', severity: 'low' }] },
      ],
    },
    {
      id: 'b',
      name: 'B',
      kpis: [{ metric: 'aht', target: 100, actual: 150 }], // no range: 50 of 100 (target): 50 %
      steps: [
        { id: 's3', name: 'S3', emotion: -2, momentOfTruth: true, touchpoints: [{ channel: 'email' }, { channel: 'email' }], pains: [{ text: 'also high', severity: 'high' }], kpis: [{ metric: 'csat', target: 90 }] },
        { id: 's4', name: 'S4', emotion: 2, dropoff: 0 },
      ],
    },
    { id: 'c', name: 'C' },
  ],
};

describe('kpiStatus', () => {
  it('judges actuals against the target in the metric direction', () => {
    expect(kpiStatus({ metric: 'x', target: 80, actual: 85 }, { direction: 'up' })).toEqual({ state: 'on-target' });
    expect(kpiStatus({ metric: 'x', target: 80, actual: 80 }, { direction: 'up' })).toEqual({ state: 'on-target' });
    expect(kpiStatus({ metric: 'x', target: 5, actual: 8 }, { direction: 'down', range: [0, 100] })).toEqual({
      state: 'off-target',
      gap: 3,
      relativeGap: 0.03,
      side: 'above',
    });
    expect(kpiStatus({ metric: 'x', target: 6, actual: 4.2 }, { direction: 'up', range: [1, 7] })).toMatchObject({ state: 'off-target', gap: 1.8, side: 'below' });
    expect(kpiStatus({ metric: 'x', actual: 3 }, { direction: 'up' })).toEqual({ state: 'no-target' });
    expect(kpiStatus({ metric: 'x', target: 3 }, { direction: 'up' })).toEqual({ state: 'no-actual' });
    expect(kpiStatus({ metric: 'x', target: 0, actual: 2 }, { direction: 'down' })).toMatchObject({ state: 'off-target', relativeGap: 1 });
    expect(kpiStatus({ metric: 'x', target: 1, actual: 2 }, undefined)).toEqual({ state: 'unknown-metric' });
  });

  it('words the gap of a % metric in points, not percent, in the status column', () => {
    const status = kpiStatus({ metric: 'x', target: 25, actual: 18 }, { direction: 'up', range: [0, 100] });
    expect(formatKpiStatus(status, { unit: '%', range: [0, 100] })).toBe('✘ off target: 7 points below (7 % of range)');
    expect(formatGap(1, { unit: '%' })).toBe('1 point');
    expect(formatGap(2.5, { unit: 'days' })).toBe('2.5 days');
    expect(formatGap(300, { unit: 'currency' })).toBe('300');
  });

  it('ranks off-target KPIs by their gap relative to the range (or the target without one)', () => {
    const ranked = rankKpisOffTarget(journeyKpis(journey, builtinCatalog()));
    expect(ranked.map((place) => [place.kpi.metric, place.status.relativeGap])).toEqual([
      ['aht', 0.5],
      ['csat', 0.18],
      ['nps', 0.09],
    ]);
  });
});

describe('where it hurts', () => {
  it('ranks pains high first, then by how bad the step feels, then file order', () => {
    expect(rankPains(journey).map((pain) => pain.text)).toEqual(['worst', 'also high', 'bad', 'minor', 'plain']);
  });

  it('lists dropoff hotspots at or above the threshold, largest share first', () => {
    expect(rankDropoffHotspots(journey).map((place) => [place.step.id, place.dropoff])).toEqual([['s2', 25]]);
    expect(rankDropoffHotspots(journey, 5).map((place) => [place.step.id, place.dropoff])).toEqual([
      ['s2', 25],
      ['s1', 5],
    ]);
  });

  it('lists steps that feel bad, worst first, moments of truth first among equals', () => {
    expect(lowestEmotions(journey).map((place) => place.step.id)).toEqual(['s3', 's2', 's1']);
  });

  it('averages the emotions that are set', () => {
    expect(averageEmotion(journey)).toBe(-0.75);
    expect(averageEmotion({ ...journey, stages: [{ id: 'x', name: 'X' }] })).toBeUndefined();
  });
});

describe('channelStageMatrix', () => {
  it('counts steps per channel and stage, channels in order of first use, every stage a column', () => {
    const matrix = channelStageMatrix(journey);
    expect(matrix.channels).toEqual(['web', 'email']);
    expect(matrix.stages.map((stage) => stage.id)).toEqual(['a', 'b', 'c']);
    // s3 names email twice: one step, counted once.
    expect(matrix.counts).toEqual([
      [2, 0, 0],
      [1, 1, 0],
    ]);
  });
});

describe('reviewAgeDays', () => {
  it('counts whole UTC days to today', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(reviewAgeDays('2026-09-30', now)).toBe(53);
    expect(reviewAgeDays('2026-11-22', new Date('2026-11-22T23:59:00Z'))).toBe(0);
    expect(reviewAgeDays('2026-11-25', now)).toBe(-3);
    expect(reviewAgeDays(undefined, now)).toBeUndefined();
  });
});
