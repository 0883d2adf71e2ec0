/**
 * Widths for characters the bundled font does not have. A viewer draws them
 * with whatever fallback font it finds, and resvg (bundled fonts only) draws
 * Arimo's .notdef box, 0.75 em wide; so each estimate is at least that box, and
 * errs wide where fonts disagree: a line measured too wide wraps early, a line
 * measured too narrow spills out of its cell.
 */

/** Arimo's .notdef advance: what resvg draws for a missing visible character. */
const MISSING_GLYPH_EM = 0.75;
/** CJK ideographs, kana, Hangul and fullwidth forms are one em in every CJK font. */
const WIDE_EM = 1;
/** Noto Color Emoji advances 2550/2048 em (1.245); other emoji fonts are near that. */
export const EMOJI_EM = 1.25;
/** Arrows, dingbats, geometric and miscellaneous symbols: symbol fonts draw them 0.8 to 1 em wide. */
const SYMBOL_EM = 1;
/** Half a flag: two regional indicators make one flag emoji; resvg draws two .notdef boxes. */
const REGIONAL_INDICATOR_EM = 0.75;

// Drawn as nothing, or on top of the previous character: controls, default
// ignorables (zero-width space and joiners, variation selectors, tags, bidi
// controls), combining marks, and emoji skin-tone modifiers.
const ZERO_WIDTH = /^[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\p{Emoji_Modifier}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;

/** East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, by block). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x2e80, 0x303e], // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x18aff], // Tangut and friends
  [0x1b000, 0x1b2ff], // Kana supplement and extensions, Nushu
  [0x20000, 0x3fffd], // CJK Extensions B and later, planes 2 and 3
];

export function isWideCodePoint(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  for (const [first, last] of WIDE_RANGES) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** The width, in em, to count for a code point the font does not map. */
export function missingGlyphEm(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (ZERO_WIDTH.test(character)) return 0;
  if (codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff) return REGIONAL_INDICATOR_EM;
  if (EMOJI.test(character)) return EMOJI_EM;
  if (isWideCodePoint(codePoint)) return WIDE_EM;
  if (codePoint >= 0x2190 && codePoint <= 0x2bff) return SYMBOL_EM;
  return MISSING_GLYPH_EM;
}
