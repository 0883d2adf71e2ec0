import type { Box, Mark, TextMark } from './scene.js';
import { textDirection } from './text/direction.js';
import { lineMetrics, measureText, type FontWeight } from './text/measure.js';
import { wrapText, type WrappedText } from './text/wrap.js';

/** Marks laid out from a top-left origin, and the height they take. */
export interface Block {
  marks: Mark[];
  height: number;
}

interface TextOptions {
  x: number;
  y: number;
  width: number;
  size: number;
  weight?: FontWeight;
  maxLines?: number;
  style?: string;
  anchor?: 'start' | 'middle';
  /** The box the text must stay in (defaults to the wrap box). */
  cell?: Box;
  /** A name for the group, when the text is clamped (tests find it by name). */
  name?: string;
}

// Layout measures every cell, then draws it where the measures put it: the same text is wrapped
// twice. A small cache makes the second time free; it is bounded so a long-lived process does not grow.
const WRAP_CACHE = new Map<string, WrappedText>();
const WRAP_CACHE_LIMIT = 20_000;

function wrapCached(text: string, width: number, size: number, weight: FontWeight, maxLines: number | undefined): WrappedText {
  const key = `${width}|${size}|${weight}|${maxLines ?? ''}|${text}`;
  let wrapped = WRAP_CACHE.get(key);
  if (wrapped === undefined) {
    if (WRAP_CACHE.size >= WRAP_CACHE_LIMIT) WRAP_CACHE.clear();
    wrapped = wrapText(text, { width, size, weight, maxLines });
    WRAP_CACHE.set(key, wrapped);
  }
  return wrapped;
}

/**
 * Wrapped text, one `<text>` per line. Clamped text ends in "…" and is grouped
 * with its full wording as a `<title>`: a tooltip in browsers, read by screen
 * readers, so nothing is silently lost. Right-to-left text is right-aligned
 * where left-to-right text would start at the left.
 */
export function textBlock(text: string, options: TextOptions): Block {
  const { x, y, width, size, weight = 'regular', maxLines, style = 'text' } = options;
  const rtl = textDirection(text) === 'rtl';
  const anchor = options.anchor === 'middle' ? 'middle' : rtl ? 'end' : 'start';
  const wrapped = wrapCached(text, width, size, weight, maxLines);
  const metrics = lineMetrics({ size, weight });
  const cell = options.cell ?? { x, y, width, height: Math.max(1, wrapped.lines.length) * metrics.lineHeight };
  const anchorX = { start: x, middle: x + width / 2, end: x + width }[anchor];
  const marks: TextMark[] = wrapped.lines.map((line, index) => {
    const top = y + index * metrics.lineHeight;
    const lineWidth = measureText(line, { size, weight });
    const left = { start: x, middle: x + (width - lineWidth) / 2, end: x + width - lineWidth }[anchor];
    return {
      kind: 'text',
      x: anchorX,
      y: top + metrics.baseline,
      text: line,
      size,
      weight,
      anchor,
      ...(rtl && { direction: 'rtl' as const }),
      style,
      bounds: { x: left, y: top + metrics.baseline - metrics.ascent, width: lineWidth, height: metrics.ascent + metrics.descent },
      cell,
    };
  });
  const height = wrapped.lines.length * metrics.lineHeight;
  if (!wrapped.truncated) return { marks, height };
  return { marks: [{ kind: 'group', name: options.name, title: text.trim(), marks }], height };
}

