import type { MarkerShape } from '../persona-style.js';
import { circlePath, path, polygon, polygonPath } from './path.js';
import type { Box, Mark } from './scene.js';

/**
 * Symbols as vector shapes, not glyphs: the bundled font has no ★, ↳ or
 * faces, and emoji fonts differ between machines (or are missing, and draw
 * boxes). Each function returns marks centred on (cx, cy) or placed at (x, y).
 */

export function markerPath(shape: MarkerShape, cx: number, cy: number, size: number): string {
  return markerOutline(shape, cx, cy, size).d;
}

/** A marker's path and the box of its outline (stroke not included). */
export function markerOutline(shape: MarkerShape, cx: number, cy: number, size: number): { d: string; extent: Box } {
  const r = size / 2;
  if (shape === 'circle') return { d: circlePath(cx, cy, r), extent: { x: cx - r, y: cy - r, width: 2 * r, height: 2 * r } };
  const outline = polygon(markerCorners(shape, cx, cy, r));
  return { d: outline.toString(), extent: outline.extent()! };
}

function markerCorners(shape: Exclude<MarkerShape, 'circle'>, cx: number, cy: number, r: number): [number, number][] {
  switch (shape) {
    case 'square':
      return [[cx - r * 0.85, cy - r * 0.85], [cx + r * 0.85, cy - r * 0.85], [cx + r * 0.85, cy + r * 0.85], [cx - r * 0.85, cy + r * 0.85]];
    case 'triangle':
      return [[cx, cy - r * 1.1], [cx + r, cy + r * 0.75], [cx - r, cy + r * 0.75]];
    case 'triangle-down':
      return [[cx - r, cy - r * 0.75], [cx + r, cy - r * 0.75], [cx, cy + r * 1.1]];
    case 'diamond':
      return [[cx, cy - r * 1.15], [cx + r * 1.15, cy], [cx, cy + r * 1.15], [cx - r * 1.15, cy]];
  }
}

/** A five-pointed star (moment of truth). */
export function star(cx: number, cy: number, r: number): Mark {
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return { kind: 'path', d: polygonPath(points), style: 'moment-star' };
}

/** A face for an emotion score -2..2: the mouth bends with the score, so the scale reads without colour. */
export function face(cx: number, cy: number, r: number, score: number): Mark[] {
  const eyeY = cy - r * 0.28;
  const eyeX = r * 0.36;
  const mouthY = cy + r * 0.35;
  const bend = score * r * 0.22;
  const mouth = path()
    .moveTo(cx - r * 0.45, mouthY - bend / 2)
    .curveTo(cx - r * 0.2, mouthY + bend, cx + r * 0.2, mouthY + bend, cx + r * 0.45, mouthY - bend / 2)
    .toString();
  return [
    { kind: 'path', d: circlePath(cx, cy, r), style: 'face' },
    { kind: 'path', d: circlePath(cx - eyeX, eyeY, r * 0.11), style: 'face-fill' },
    { kind: 'path', d: circlePath(cx + eyeX, eyeY, r * 0.11), style: 'face-fill' },
    { kind: 'path', d: mouth, style: 'face' },
  ];
}

/** ↳: a sub-journey goes deeper here. */
export function subjourneyArrow(x: number, y: number, size: number): Mark {
  const d = path()
    .moveTo(x + size * 0.2, y)
    .lineTo(x + size * 0.2, y + size * 0.65)
    .lineTo(x + size * 0.95, y + size * 0.65)
    .moveTo(x + size * 0.7, y + size * 0.4)
    .lineTo(x + size * 0.95, y + size * 0.65)
    .lineTo(x + size * 0.7, y + size * 0.9)
    .toString();
  return { kind: 'path', d, style: 'icon' };
}

/** A warning triangle with an exclamation mark: something is missing here. */
export function warning(x: number, y: number, size: number): Mark[] {
  const triangle = polygonPath([[x + size / 2, y], [x + size, y + size * 0.9], [x, y + size * 0.9]]);
  const bar = polygonPath([[x + size * 0.45, y + size * 0.3], [x + size * 0.55, y + size * 0.3], [x + size * 0.54, y + size * 0.6], [x + size * 0.46, y + size * 0.6]]);
  return [
    { kind: 'path', d: triangle, style: 'warn' },
    { kind: 'path', d: bar, style: 'knockout' },
    { kind: 'path', d: circlePath(x + size / 2, y + size * 0.74, size * 0.06), style: 'knockout' },
  ];
}

/** → between two channels: the customer changes channel here. */
export function handoffArrow(x: number, y: number, size: number): Mark {
  const d = path()
    .moveTo(x, y + size / 2)
    .lineTo(x + size, y + size / 2)
    .moveTo(x + size * 0.6, y + size * 0.2)
    .lineTo(x + size, y + size / 2)
    .lineTo(x + size * 0.6, y + size * 0.8)
    .toString();
  return { kind: 'path', d, style: 'handoff' };
}

/** Channel types by shape: a screen (digital), a storefront (physical), a person (human). */
export function channelIcon(type: 'digital' | 'physical' | 'human' | undefined, x: number, y: number, size: number): Mark[] {
  const s = size;
  switch (type) {
    case 'digital': {
      const screen = polygonPath([[x + s * 0.08, y + s * 0.12], [x + s * 0.92, y + s * 0.12], [x + s * 0.92, y + s * 0.68], [x + s * 0.08, y + s * 0.68]]);
      const stand = path().moveTo(x + s * 0.5, y + s * 0.68).lineTo(x + s * 0.5, y + s * 0.86).moveTo(x + s * 0.3, y + s * 0.88).lineTo(x + s * 0.7, y + s * 0.88).toString();
      return [
        { kind: 'path', d: screen, style: 'icon' },
        { kind: 'path', d: stand, style: 'icon' },
      ];
    }
    case 'physical': {
      const house = polygonPath([[x + s * 0.1, y + s * 0.45], [x + s * 0.5, y + s * 0.1], [x + s * 0.9, y + s * 0.45], [x + s * 0.9, y + s * 0.9], [x + s * 0.1, y + s * 0.9]]);
      const door = polygonPath([[x + s * 0.4, y + s * 0.9], [x + s * 0.4, y + s * 0.6], [x + s * 0.6, y + s * 0.6], [x + s * 0.6, y + s * 0.9]]);
      return [
        { kind: 'path', d: house, style: 'icon' },
        { kind: 'path', d: door, style: 'icon' },
      ];
    }
    case 'human': {
      const shoulders = path().moveTo(x + s * 0.15, y + s * 0.92).curveTo(x + s * 0.15, y + s * 0.55, x + s * 0.85, y + s * 0.55, x + s * 0.85, y + s * 0.92).toString();
      return [
        { kind: 'path', d: circlePath(x + s * 0.5, y + s * 0.3, s * 0.2), style: 'icon' },
        { kind: 'path', d: shoulders, style: 'icon' },
      ];
    }
    default:
      return [{ kind: 'path', d: circlePath(x + s / 2, y + s / 2, s * 0.35), style: 'icon' }];
  }
}

/** Pain severity by count as well as colour: ●●● high, ●● medium, ● low, ○ not rated. */
export function severityDots(severity: 'low' | 'medium' | 'high' | undefined, x: number, cy: number, r: number): Mark[] {
  if (severity === undefined) return [{ kind: 'path', d: circlePath(x + r, cy, r * 0.85), style: 'pain-empty' }];
  const count = severity === 'high' ? 3 : severity === 'medium' ? 2 : 1;
  return Array.from({ length: count }, (_, index) => ({ kind: 'path' as const, d: circlePath(x + r + index * r * 2.4, cy, r), style: 'pain' }));
}

/** A plus in a circle: an opportunity. */
export function opportunityMark(x: number, cy: number, r: number): Mark[] {
  const arm = r * 0.55;
  const w = r * 0.2;
  const plus = polygonPath([
    [x + r - w, cy - arm], [x + r + w, cy - arm], [x + r + w, cy - w], [x + r + arm, cy - w], [x + r + arm, cy + w], [x + r + w, cy + w],
    [x + r + w, cy + arm], [x + r - w, cy + arm], [x + r - w, cy + w], [x + r - arm, cy + w], [x + r - arm, cy - w], [x + r - w, cy - w],
  ]);
  return [
    { kind: 'path', d: circlePath(x + r, cy, r), style: 'opportunity' },
    { kind: 'path', d: plus, style: 'knockout' },
  ];
}

/** A small square bullet for backstage and support items. */
export function squareBullet(x: number, cy: number, size: number): Mark {
  return { kind: 'path', d: polygonPath([[x, cy - size / 2], [x + size, cy - size / 2], [x + size, cy + size / 2], [x, cy + size / 2]]), style: 'bullet' };
}
