import type { Kpi } from '../schema/journey.js';
import { kpiFeed } from './match.js';

/** How many periods the report and the map show a trend over. */
const TREND_PERIODS = 6;

/** A fed KPI's last values and its last change, for the report's sparkline and the map's trend line. */
interface KpiTrend {
  /** Oldest first, at most TREND_PERIODS. */
  values: number[];
  periods: string[];
  /** The latest value less the one before. */
  change: number;
}

export function kpiTrend(kpi: Kpi): KpiTrend | undefined {
  const points = kpiFeed(kpi)?.points.slice(-TREND_PERIODS);
  if (!points || points.length < 2) return undefined;
  const values = points.map((point) => point.value);
  return { values, periods: points.map((point) => point.period), change: Math.round((values.at(-1)! - values.at(-2)!) * 1000) / 1000 };
}

const BARS = '▁▂▃▄▅▆▇█';

/** ▁▃▅▇: each value as a bar between the lowest and the highest shown; all equal is a flat ▄ line. */
export function sparkline(values: readonly number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.map((value) => (high === low ? BARS[3] : BARS[Math.round(((value - low) / (high - low)) * (BARS.length - 1))])).join('');
}

/** ▲ 2.1, ▼ 0.4 or ▶ 0: the arrow says up or down, the sign-free number how much (better or worse depends on the metric). */
export function changeLabel(change: number, format: (value: number) => string): string {
  return `${change > 0 ? '▲' : change < 0 ? '▼' : '▶'} ${format(Math.abs(change))}`;
}
