import type { Pain } from '../schema/journey.js';
import type { NumberDelta, Trend } from './types.js';

export function painText(pain: Pain): string {
  return typeof pain === 'string' ? pain : pain.text;
}

export function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** A number that changed, with its trend in the given direction (up: higher is better). */
export function numberDelta(from: number | undefined, to: number | undefined, direction: 'up' | 'down' | undefined): NumberDelta | undefined {
  if (from === to) return undefined;
  const delta: NumberDelta = {};
  if (from !== undefined) delta.from = from;
  if (to !== undefined) delta.to = to;
  const trend = trendOf(from, to, direction);
  if (trend) delta.trend = trend;
  return delta;
}

export function trendOf(from: number | undefined, to: number | undefined, direction: 'up' | 'down' | undefined): Trend | undefined {
  if (from === undefined || to === undefined || direction === undefined || from === to) return undefined;
  return (to > from) === (direction === 'up') ? 'better' : 'worse';
}

/** Deep equality of YAML data (plain objects, arrays, scalars), key order ignored. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => same(item, (b as unknown[])[index]));
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

