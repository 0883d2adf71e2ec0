import { describe, expect, it } from 'vitest';
import { DayReader, isoWeek, periodOf } from '../../src/data/periods.js';

describe('periods', () => {
  it('month, quarter and day keys', () => {
    expect(['day', 'month', 'quarter'].map((kind) => periodOf('2026-03-31', kind as 'day'))).toEqual(['2026-03-31', '2026-03', '2026-Q1']);
    expect(periodOf('2026-04-01', 'quarter')).toBe('2026-Q2');
  });

  it('ISO weeks start on Monday; the first week holds the first Thursday', () => {
    expect(isoWeek('2026-05-31')).toBe('2026-W22'); // a Sunday closes its week
    expect(isoWeek('2026-06-01')).toBe('2026-W23'); // Monday opens the next
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53'); // early January can belong to the last year's week
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // late December can belong to the next year's
  });
});

describe('DayReader: the calendar day of a date cell', () => {
  it('a plain date is the day as written, whatever the time zone', () => {
    expect(new DayReader('Pacific/Auckland').day('2026-03-31')).toBe('2026-03-31');
  });

  it('an instant is counted in UTC by default: a tie at the month boundary stays in March', () => {
    const utc = new DayReader(undefined);
    expect(utc.day('2026-03-31T23:30:00Z')).toBe('2026-03-31');
    expect(utc.day('2026-04-01T00:00:00Z')).toBe('2026-04-01');
    expect(utc.day('2026-04-01T01:30:00+02:00')).toBe('2026-03-31');
  });

  it('with timezone:, the same instant is counted where the source says', () => {
    expect(new DayReader('Europe/Rome').day('2026-03-31T23:30:00Z')).toBe('2026-04-01'); // 01:30 in Rome (summer time)
    expect(new DayReader('America/New_York').day('2026-04-01T03:00:00Z')).toBe('2026-03-31'); // 23:00 the day before
    expect(new DayReader('Asia/Kolkata').day('2026-03-31T18:29:00Z')).toBe('2026-03-31'); // 23:59 at +05:30
    expect(new DayReader('Asia/Kolkata').day('2026-03-31T18:30:00Z')).toBe('2026-04-01'); // midnight at +05:30
  });

  it('a date-time without an offset is already local', () => {
    expect(new DayReader('Europe/Rome').day('2026-03-31 23:30')).toBe('2026-03-31');
  });

  it('refuses what is not a real date', () => {
    const reader = new DayReader(undefined);
    expect(['31/03/2026', '2026-02-30', '2026-13-01', '', 'soon', '2026-03-31T25:00:00Z'].map((text) => reader.day(text))).toEqual(Array(6).fill(undefined));
  });

  it('unknown time zones are refused when the source is read', () => {
    expect(() => new DayReader('Mars/Olympus')).toThrow(RangeError);
  });
});
