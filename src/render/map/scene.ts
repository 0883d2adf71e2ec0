/**
 * The journey map as a scene: plain numbers and style names, no SVG syntax.
 * Layout produces a Scene; svg-writer.ts only prints it, as Vega's scenegraph
 * renderer prints marks. Tests read the numbers (no overlaps, text inside its
 * cell) without parsing SVG.
 */

/** A style name: one CSS class of the map's stylesheet (theme.ts), never a colour. */
export type StyleName = string;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RectMark extends Box {
  kind: 'rect';
  style: StyleName;
  radius?: number;
  /** stroke-dasharray; absent is solid. */
  dash?: string;
}

export interface LineMark {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  style: StyleName;
  dash?: string;
}

export interface PathMark {
  kind: 'path';
  d: string;
  style: StyleName;
  dash?: string;
  /** The box the path's outline lies in, stroke not included (kept for tests, not printed). */
  extent?: Box;
  /** The box it must stay inside, stroke included, e.g. its emotion band (kept for tests, not printed). */
  cell?: Box;
}

/** One line of text. `cell` is the box it must stay inside (kept for tests, not printed). */
export interface TextMark {
  kind: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  size: number;
  weight: 'regular' | 'bold';
  anchor: 'start' | 'middle' | 'end';
  /** Set for right-to-left text (Hebrew, Arabic...): drawn as a right-to-left embedding, right-aligned in its box. */
  direction?: 'rtl';
  style: StyleName;
  /** The measured extent of the line: what tests check against `cell`. */
  bounds: Box;
  cell: Box;
}

/** Marks that belong together: a tooltip (`<title>`) for text cut short, and a name for tests and diffs. */
export interface GroupMark {
  kind: 'group';
  /** A data-name attribute: which part of the map this is (e.g. "lane:pains", "step:open-claim"). */
  name?: string;
  /** The full text behind a clamped label, shown as a tooltip and read by screen readers. */
  title?: string;
  marks: Mark[];
}

export type Mark = RectMark | LineMark | PathMark | TextMark | GroupMark;

export interface Scene {
  width: number;
  height: number;
  /** Accessible name and one-paragraph summary (`<title>`, `<desc>`). */
  title: string;
  description: string;
  marks: Mark[];
}

/** Every mark of a scene, groups flattened, in drawing order. */
export function* allMarks(marks: readonly Mark[]): Generator<Exclude<Mark, GroupMark>> {
  for (const mark of marks) {
    if (mark.kind === 'group') yield* allMarks(mark.marks);
    else yield mark;
  }
}
