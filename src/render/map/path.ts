/** SVG path data built from numbers, with every coordinate printed the same way (0.01 px). */
import type { Box } from './scene.js';

/** Rounded to 0.01 and printed without trailing zeros or "-0", so output is stable across platforms. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export class PathBuilder {
  private readonly parts: string[] = [];
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];

  moveTo(x: number, y: number): this {
    this.parts.push(`M${num(x)} ${num(y)}`);
    return this.cover(x, y);
  }

  lineTo(x: number, y: number): this {
    this.parts.push(`L${num(x)} ${num(y)}`);
    return this.cover(x, y);
  }

  curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): this {
    this.parts.push(`C${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x)} ${num(y)}`);
    return this.cover(x1, y1).cover(x2, y2).cover(x, y);
  }

  arcTo(radius: number, largeArc: boolean, sweep: boolean, x: number, y: number): this {
    this.parts.push(`A${num(radius)} ${num(radius)} 0 ${largeArc ? 1 : 0} ${sweep ? 1 : 0} ${num(x)} ${num(y)}`);
    return this;
  }

  close(): this {
    this.parts.push('Z');
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }

  /**
   * The box of every point given to moveTo, lineTo and curveTo: a cubic
   * Bézier stays inside the hull of its control points, so a path of lines and
   * curves stays inside this box. Arcs are counted by their end points only.
   */
  extent(): Box | undefined {
    if (this.xs.length === 0) return undefined;
    const x = Math.min(...this.xs);
    const y = Math.min(...this.ys);
    return { x, y, width: Math.max(...this.xs) - x, height: Math.max(...this.ys) - y };
  }

  private cover(x: number, y: number): this {
    this.xs.push(x);
    this.ys.push(y);
    return this;
  }
}

export function path(): PathBuilder {
  return new PathBuilder();
}

/** A circle as a path (two arcs), so shapes can share one mark kind. */
export function circlePath(cx: number, cy: number, r: number): string {
  return path().moveTo(cx - r, cy).arcTo(r, false, true, cx + r, cy).arcTo(r, false, true, cx - r, cy).close().toString();
}

export function polygonPath(points: readonly (readonly [number, number])[]): string {
  return polygon(points).toString();
}

export function polygon(points: readonly (readonly [number, number])[]): PathBuilder {
  const builder = path();
  points.forEach(([x, y], index) => (index === 0 ? builder.moveTo(x, y) : builder.lineTo(x, y)));
  return builder.close();
}
