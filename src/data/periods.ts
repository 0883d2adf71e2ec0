import type { PeriodKind } from '../schema/data-source.js';

/**
 * Dates of data rows and the calendar periods they fall in. A plain date
 * (2026-05-31) is a calendar day as written; a date-time with an offset or Z
 * is an instant, whose day is taken in the source's time zone (UTC unless the
 * source sets `timezone:`); a date-time without an offset is already local.
 */

const DAY_MS = 86_400_000;
// Every UTC offset in use is a multiple of 15 minutes, so a local day starts on a quarter hour in UTC.
const QUARTER_HOUR_MS = 900_000;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads row dates into calendar days (YYYY-MM-DD). A million rows hold a few
 * hundred days but nearly as many distinct date-times, so plain dates are
 * cached whole and date-times by their parts: the day checked once, the local
 * day of an instant once per quarter hour (measured: 7 s of a 60 MB export
 * went into parsing its date-times before this).
 */
export class DayReader {
  private readonly days = new Map<string, string | undefined>();
  private readonly validDays = new Map<string, boolean>();
  private readonly localDays = new Map<number, string>();
  private readonly format: Intl.DateTimeFormat | undefined;

  /** Throws RangeError for a time zone that Intl does not know. */
  constructor(timeZone: string | undefined) {
    this.format = timeZone && timeZone !== 'UTC' ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }) : undefined;
  }

  /** The calendar day of a date cell, or undefined when it is not a date. */
  day(text: string): string | undefined {
    if (text.length <= 10) {
      if (!this.days.has(text)) this.days.set(text, this.parse(text.trim()));
      return this.days.get(text);
    }
    return this.parse(text.trim());
  }

  private parse(text: string): string | undefined {
    // The common export format, 2026-05-31T14:03:00Z in UTC, read without a regular expression.
    if (!this.format && text.length === 20 && text.charCodeAt(10) === 84 && text.charCodeAt(19) === 90 && isClock(text, 11)) {
      const date = text.slice(0, 10);
      return this.isValidDay(date) ? date : undefined;
    }
    const match = DATE_TIME.exec(text);
    if (!match) return undefined;
    const date = text.slice(0, 10);
    if (!this.isValidDay(date)) return undefined;
    const [, year, month, day, hour, minute, second, offset] = match;
    if (hour === undefined) return date;
    if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return undefined;
    if (offset === undefined) return date;
    const offsetMinutes = offset === 'Z' ? 0 : (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
    if (offsetMinutes === 0 && !this.format) return date;
    const instant = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second ?? 0)) - offsetMinutes * 60_000;
    return this.dayOfInstant(instant);
  }

  private isValidDay(date: string): boolean {
    let valid = this.validDays.get(date);
    if (valid === undefined) this.validDays.set(date, (valid = isCalendarDate(date)));
    return valid;
  }

  /** Intl is slow per call: the local day is cached per quarter hour of UTC, within which it cannot change. */
  private dayOfInstant(instant: number): string {
    const slot = Math.floor(instant / QUARTER_HOUR_MS);
    let day = this.localDays.get(slot);
    if (day === undefined) {
      const start = new Date(slot * QUARTER_HOUR_MS);
      day = this.format ? this.format.format(start) : start.toISOString().slice(0, 10);
      this.localDays.set(slot, day);
    }
    return day;
  }
}

/** HH:MM:SS at `at`, a real time of day. */
function isClock(text: string, at: number): boolean {
  const digit = (i: number) => {
    const code = text.charCodeAt(at + i) - 48;
    return code >= 0 && code <= 9 ? code : NaN;
  };
  if (text.charCodeAt(at + 2) !== 58 || text.charCodeAt(at + 5) !== 58) return false;
  return digit(0) * 10 + digit(1) <= 23 && digit(3) * 10 + digit(4) <= 59 && digit(6) * 10 + digit(7) <= 59;
}

/** True for a real YYYY-MM-DD day (not 2026-02-30). */
function isCalendarDate(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}

/** The period a day falls in: 2026-05-31, 2026-W22 (ISO week), 2026-05 or 2026-Q2. Keys sort in time order. */
export function periodOf(day: string, period: PeriodKind): string {
  switch (period) {
    case 'day':
      return day;
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'week':
      return isoWeek(day);
  }
}

/** ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday (so 2027-01-01 is in 2026-W53). */
export function isoWeek(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  const thursday = new Date(time + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whole days from a YYYY-MM-DD day to `now`, in UTC, so the answer does not depend on the machine's time zone. */
export function daysSince(day: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}
