import type { AggregateKind, DataSource } from '../schema/data-source.js';

/**
 * Survey and funnel aggregates, as the survey tools define them:
 * - nps: % promoters (9-10) minus % detractors (0-6), answers on 0..10;
 * - csat: % satisfied, the top `topBoxes` answers (default 2: 4 and 5 on 1..5);
 * - ces and mean: the mean answer;
 * - share: % of rows whose value is one of `shareOf` (a funnel step completed);
 * - count: how many rows.
 * Percentages are rounded to one decimal, means to two.
 */

export interface Tally {
  /** Answers counted. */
  responses: number;
  /** nps: promoters; csat: satisfied; share: matching; mean and ces: the sum. */
  hits: number;
  /** nps: detractors. */
  misses: number;
}

const DEFAULT_SCALES: Partial<Record<AggregateKind, [number, number]>> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

/** How one source turns raw answers into a value: reading an answer, and the value of a period's tally. */
export interface Aggregation {
  kind: AggregateKind;
  /** Adds one raw answer; returns why it cannot be counted, or undefined. */
  add(tally: Tally, raw: string): string | undefined;
  value(tally: Tally): number;
}

export function createAggregation(source: Pick<DataSource, 'aggregate' | 'scale' | 'topBoxes' | 'shareOf' | 'decimal'>): Aggregation {
  const kind = source.aggregate!;
  const scale = source.scale ?? DEFAULT_SCALES[kind];
  const readNumber = numberReader(source.decimal ?? '.');
  const answer = (raw: string): number | string => {
    const value = readNumber(raw);
    if (value === undefined) return `${JSON.stringify(raw)} is not a number`;
    if (scale && (value < scale[0] || value > scale[1])) return `${value} is outside the ${kind} answer scale ${scale[0]}..${scale[1]}`;
    if (scale && kind !== 'mean' && !Number.isInteger(value)) return `${value} is not a whole answer on the ${kind} scale ${scale[0]}..${scale[1]}`;
    return value;
  };
  /** An aggregate of scored answers: each answer checked against the scale, then tallied. */
  const scored = (tallyAnswer: (tally: Tally, value: number) => void, value: (tally: Tally) => number): Aggregation => ({
    kind,
    add(tally, raw) {
      const checked = answer(raw);
      if (typeof checked === 'string') return checked;
      tally.responses++;
      tallyAnswer(tally, checked);
      return undefined;
    },
    value,
  });
  switch (kind) {
    case 'nps':
      return scored(
        (tally, value) => {
          // On another scale than 0..10 the bands keep their place: the top two answers promote, the bottom seven detract.
          if (value >= scale![1] - 1) tally.hits++;
          else if (value <= scale![1] - 4) tally.misses++;
        },
        (tally) => round1(((tally.hits - tally.misses) / tally.responses) * 100),
      );
    case 'csat': {
      const satisfied = scale![1] - (source.topBoxes ?? 2) + 1;
      return scored(
        (tally, value) => {
          if (value >= satisfied) tally.hits++;
        },
        (tally) => round1((tally.hits / tally.responses) * 100),
      );
    }
    case 'ces':
    case 'mean':
      return scored(
        (tally, value) => {
          tally.hits += value;
        },
        (tally) => round2(tally.hits / tally.responses),
      );
    case 'share': {
      const counted = new Set((source.shareOf ?? [1, true, 'yes']).map((value) => String(value).trim().toLowerCase()));
      return {
        kind,
        add(tally, raw) {
          tally.responses++;
          const text = raw.trim().toLowerCase();
          if (counted.has(text) || (readNumber(text) !== undefined && counted.has(String(readNumber(text))))) tally.hits++;
          return undefined;
        },
        value: (tally) => round1((tally.hits / tally.responses) * 100),
      };
    }
    case 'count':
      return {
        kind,
        add(tally) {
          tally.responses++;
          return undefined;
        },
        value: (tally) => tally.responses,
      };
  }
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?\d+(?:,\d+)?$/;

/**
 * Reads a number cell: `8.5`, or `8,5` with a decimal comma. Thousands
 * separators are refused rather than guessed (is 1,234 one thousand or 1.234?).
 */
export function numberReader(decimal: '.' | ','): (raw: string) => number | undefined {
  return (raw) => {
    const text = raw.trim();
    if (decimal === ',') return COMMA_NUMBER.test(text) ? Number(text.replace(',', '.')) : undefined;
    return NUMBER.test(text) ? Number(text) : undefined;
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
