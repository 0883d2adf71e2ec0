import { path, type PathBuilder } from './path.js';

/**
 * A smooth line through points that never overshoots them: the monotone cubic
 * of Fritsch and Carlson, as d3-shape's curveMonotoneX draws it. Between two
 * points the curve stays within their values, so an emotion curve through
 * scores of -2..2 never leaves the band.
 */
function monotoneCurve(points: readonly (readonly [number, number])[]): string {
  return monotoneCurvePath(points).toString();
}

/** The monotone curve as a path builder, whose extent() (control points included) bounds the curve. */
export function monotoneCurvePath(points: readonly (readonly [number, number])[]): PathBuilder {
  const builder = path();
  if (points.length === 0) return builder;
  builder.moveTo(points[0][0], points[0][1]);
  if (points.length === 1) return builder;
  if (points.length === 2) return builder.lineTo(points[1][0], points[1][1]);
  const tangents = monotoneTangents(points);
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i];
    const [x1, y1] = points[i + 1];
    const dx = (x1 - x0) / 3;
    builder.curveTo(x0 + dx, y0 + dx * tangents[i], x1 - dx, y1 - dx * tangents[i + 1], x1, y1);
  }
  return builder;
}

function sign(value: number): number {
  return value < 0 ? -1 : 1;
}

/** Slopes at each point: zero at a local extremum, limited elsewhere so each piece stays monotone (d3's slope3/slope2). */
function monotoneTangents(points: readonly (readonly [number, number])[]): number[] {
  const n = points.length;
  const tangents = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = points[i][0] - points[i - 1][0];
    const h1 = points[i + 1][0] - points[i][0];
    const s0 = (points[i][1] - points[i - 1][1]) / h0;
    const s1 = (points[i + 1][1] - points[i][1]) / h1;
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    tangents[i] = (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  const end = (a: number, b: number, inner: number): number => {
    const h = points[b][0] - points[a][0];
    return h ? ((3 * (points[b][1] - points[a][1])) / h - inner) / 2 : inner;
  };
  tangents[0] = end(0, 1, tangents[1]);
  tangents[n - 1] = end(n - 2, n - 1, tangents[n - 2]);
  return tangents;
}
