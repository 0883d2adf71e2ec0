/**
 * The direction a text is written in, by its first strong character (Unicode
 * bidi rules P2–P3): Hebrew, Arabic and the other right-to-left scripts give
 * 'rtl', any other letter 'ltr'; text with no letter (numbers, symbols) is
 * 'ltr'.
 *
 * An SVG line is one bidi paragraph whose base direction comes from the
 * `direction` property, but renderers disagree on it: Chromium honours it,
 * resvg ignores it (a Hebrew line with "4G" in it comes out scrambled). An
 * explicit embedding (RLE ... PDF) around the line is read the same way by
 * both, so that is how the SVG writer marks a right-to-left line.
 */
type TextDirection = 'ltr' | 'rtl';

const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const LETTER = /\p{L}/u;

export function textDirection(text: string): TextDirection {
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    return RTL_LETTER.test(char) ? 'rtl' : 'ltr';
  }
  return 'ltr';
}
