import { ADVANCE_DIGITS, DIGITS_PER_ADVANCE, type EncodedFontMetrics } from './font-metrics.generated.js';
import { EMOJI_EM, missingGlyphEm } from './missing-glyphs.js';

const PAGE_BITS = 8;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
/** No real advance is this wide (the widest Arimo glyph is 5810 units): marks a code point the font lacks. */
const NOT_MAPPED = 0xffff;
const VARIATION_SELECTOR_16 = 0xfe0f;
const HAS_EMOJI_FORM = /^\p{Emoji}$/u;

/**
 * One weight's advance widths in font units, looked up in a two-level table of
 * 256-code-point pages (27 pages for Arimo): a page index and an array index
 * per character, no hashing, which keeps measuring a map's few thousand strings
 * in the low milliseconds.
 */
export class AdvanceTable {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  private readonly pages: (Uint16Array | undefined)[] = [];
  private readonly missing = new Map<number, number>();
  private readonly emojiUnits: number;

  constructor(metrics: EncodedFontMetrics) {
    this.unitsPerEm = metrics.unitsPerEm;
    this.ascent = metrics.ascent;
    this.descent = metrics.descent;
    this.emojiUnits = Math.round(EMOJI_EM * metrics.unitsPerEm);
    for (const [firstCodePoint, advances] of metrics.advanceRanges) {
      const count = advances.length / DIGITS_PER_ADVANCE;
      for (let index = 0; index < count; index++) {
        this.set(firstCodePoint + index, decodeAdvance(advances, index * DIGITS_PER_ADVANCE));
      }
    }
  }

  private set(codePoint: number, units: number): void {
    const pageIndex = codePoint >>> PAGE_BITS;
    let page = this.pages[pageIndex];
    if (page === undefined) {
      page = new Uint16Array(PAGE_SIZE).fill(NOT_MAPPED);
      this.pages[pageIndex] = page;
    }
    page[codePoint & PAGE_MASK] = units;
  }

  /** The advance of one code point, in font units; an estimate for one the font lacks (see missing-glyphs.ts). */
  advanceOf(codePoint: number): number {
    const units = this.pages[codePoint >>> PAGE_BITS]?.[codePoint & PAGE_MASK] ?? NOT_MAPPED;
    return units === NOT_MAPPED ? this.missingAdvanceOf(codePoint) : units;
  }

  private missingAdvanceOf(codePoint: number): number {
    let units = this.missing.get(codePoint);
    if (units === undefined) {
      units = Math.round(missingGlyphEm(codePoint) * this.unitsPerEm);
      this.missing.set(codePoint, units);
    }
    return units;
  }

  /**
   * The sum of the advances of a string's code points, in font units: with
   * kerning and ligatures off this is the width a shaper gives the string.
   * Reads UTF-16 by hand because `for...of` over a string allocates a string
   * per character, several times slower on the measuring hot path.
   */
  advanceSum(text: string): number {
    let units = 0;
    let previous = 0;
    for (let index = 0; index < text.length; index++) {
      let codePoint = text.charCodeAt(index);
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
        const low = text.charCodeAt(index + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          index++;
        }
      }
      units += codePoint === VARIATION_SELECTOR_16 ? this.emojiFormExtra(previous) : this.advanceOf(codePoint);
      previous = codePoint;
    }
    return units;
  }

  /**
   * VS16 asks for the emoji form of the character before it (♥️, ☺️, 1️⃣): a
   * browser then draws that from an emoji font, wider than Arimo's text form.
   */
  private emojiFormExtra(previous: number): number {
    if (!HAS_EMOJI_FORM.test(String.fromCodePoint(previous))) return 0;
    return Math.max(0, this.emojiUnits - this.advanceOf(previous));
  }
}

function decodeAdvance(advances: string, offset: number): number {
  let units = 0;
  for (let digit = 0; digit < DIGITS_PER_ADVANCE; digit++) {
    units = units * ADVANCE_DIGITS.length + ADVANCE_DIGITS.indexOf(advances[offset + digit]);
  }
  return units;
}
