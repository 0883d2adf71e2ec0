/**
 * Text widths for the journey-map canvas, measured from the font cjm ships.
 *
 * The map is plain SVG text, wrapped by cjm before any viewer sees it, so every
 * viewer must draw each line as wide as it was measured. The font is Arimo
 * (SIL OFL, bundled in assets/fonts/): it is metric-compatible with Arial and
 * Liberation Sans, drawn with other outlines but with the same advance for
 * every character, so FONT_FAMILY's list gives the same widths in a browser
 * with Arimo, with Arial (Windows, macOS: GitHub's image view), or with
 * Liberation Sans (Linux, where fontconfig maps Arial to it), and in the PNG,
 * where resvg loads only the bundled files. Kerning would make widths depend on
 * neighbouring letters, and Chromium and resvg both kern by default, so the
 * writer switches it off with TEXT_STYLE, which both honour: a line is then the
 * plain sum of its characters' advances. Known gaps in the compatibility:
 * Arimo 1.341 and Liberation Sans 1.07 differ in a few rare characters
 * (· ƒ ˆ µ Ѝ џ ⁿ); characters Arimo lacks get the estimates of missing-glyphs.ts.
 */
import { AdvanceTable } from './advance-table.js';
import { ARIMO_BOLD, ARIMO_REGULAR } from './font-metrics.generated.js';

/** For the SVG `font-family` attribute: the bundled font first, then the fonts with its metrics. */
export const FONT_FAMILY = "Arimo, Arial, 'Liberation Sans', Helvetica, sans-serif";

/**
 * For the `style` attribute of every `<text>` (or a `<style>` rule for `text`):
 * widths are measured without kerning or ligatures. A CSS property, because
 * Chromium ignores both the SVG 1.1 `kerning="0"` attribute and a
 * `font-kerning="none"` presentation attribute.
 */
export const TEXT_STYLE = 'font-kerning:none;font-variant-ligatures:none';

/** Line height as a multiple of the font size (design: 1.3). */
const LINE_HEIGHT = 1.3;

export type FontWeight = 'regular' | 'bold';

export interface FontOptions {
  /** Font size in px (SVG user units). */
  size: number;
  weight?: FontWeight;
}

const TABLES: Record<FontWeight, AdvanceTable> = {
  regular: new AdvanceTable(ARIMO_REGULAR),
  bold: new AdvanceTable(ARIMO_BOLD),
};

export function advanceTable(weight: FontWeight = 'regular'): AdvanceTable {
  return TABLES[weight];
}

/** Converts a sum of advances in font units to px; wrap.ts uses the same formula, so their results agree to the bit. */
export function unitsToPx(units: number, { size, weight = 'regular' }: FontOptions): number {
  return (units * size) / TABLES[weight].unitsPerEm;
}

/**
 * The width of one line of text in px, as Chromium, Firefox and resvg draw it
 * with TEXT_STYLE. The text is taken as it is: collapse whitespace first (wrapText does).
 */
export function measureText(text: string, font: FontOptions): number {
  return unitsToPx(TABLES[font.weight ?? 'regular'].advanceSum(text), font);
}

interface LineMetrics {
  /** Distance between baselines of consecutive lines. */
  lineHeight: number;
  /** Height above the baseline (typographic ascender). */
  ascent: number;
  /** Depth below the baseline, positive. */
  descent: number;
  /** From the top of a line box to its baseline, leading split evenly above and below as CSS does. */
  baseline: number;
}

export function lineMetrics({ size, weight = 'regular' }: FontOptions): LineMetrics {
  const table = TABLES[weight];
  const ascent = (table.ascent * size) / table.unitsPerEm;
  const descent = (-table.descent * size) / table.unitsPerEm;
  const lineHeight = LINE_HEIGHT * size;
  return { lineHeight, ascent, descent, baseline: (lineHeight - ascent - descent) / 2 + ascent };
}
