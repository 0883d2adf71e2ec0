import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { lineMetrics, measureText, type FontWeight } from '../../../../src/render/map/text/measure.js';

const FONT_FILES: Record<FontWeight, string> = {
  regular: 'assets/fonts/Arimo-Regular.ttf',
  bold: 'assets/fonts/Arimo-Bold.ttf',
};
const fonts = Object.fromEntries(
  Object.entries(FONT_FILES).map(([weight, file]) => [weight, fontkit.create(readFileSync(file))]),
) as Record<FontWeight, any>;

/** What a shaper makes of the text with kerning off: fontkit's own layout. */
function fontkitWidth(text: string, size: number, weight: FontWeight): number {
  const font = fonts[weight];
  const run = font.layout(text, { kern: false });
  const units = run.positions.reduce((sum: number, position: { xAdvance: number }) => sum + position.xAdvance, 0);
  return (units * size) / font.unitsPerEm;
}

// Control characters never reach the font (wrapText removes them); fontkit would measure U+000D as a space.
const mappedCodePoints = [...new Set<number>(fonts.regular.characterSet)].filter((codePoint) => !/\p{Cc}/u.test(String.fromCodePoint(codePoint)));
const em = (text: string, weight: FontWeight = 'regular') => measureText(text, { size: 2048, weight }) / 2048;

describe('measureText', () => {
  it("equals fontkit's advance sum (kerning off) for random strings of characters Arimo maps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...mappedCodePoints), { maxLength: 40 }),
        fc.constantFrom(11, 12, 13, 14, 20, 37.5),
        fc.constantFrom<FontWeight>('regular', 'bold'),
        (codePoints, size, weight) => {
          const text = String.fromCodePoint(...codePoints);
          expect(measureText(text, { size, weight })).toBeCloseTo(fontkitWidth(text, size, weight), 9);
        },
      ),
      { seed: 20240611, numRuns: 500 },
    );
  });

  it('matches known Arial-compatible widths', () => {
    // Arial's advances in 2048ths of an em: A 1366, V 1366, T 1251, R 1479, space 569, digits 1139.
    expect(measureText('AVATAR', { size: 20 })).toBeCloseTo(((1366 * 3 + 1366 + 1251 + 1479) * 20) / 2048, 9);
    expect(measureText('0123456789', { size: 2048 })).toBe(11390);
    expect(measureText(' ', { size: 2048, weight: 'bold' })).toBe(569);
    expect(measureText('', { size: 12 })).toBe(0);
  });

  it('defaults to the regular weight, and bold is wider', () => {
    expect(measureText('Checkout', { size: 13 })).toBe(measureText('Checkout', { size: 13, weight: 'regular' }));
    expect(measureText('Checkout', { size: 13, weight: 'bold' })).toBeGreaterThan(measureText('Checkout', { size: 13 }));
  });

  it('counts characters Arimo lacks with documented estimates', () => {
    expect(em('中')).toBe(1); // CJK ideograph
    expect(em('あア한')).toBe(3); // kana, Hangul
    expect(em('Ａ')).toBe(1); // fullwidth form
    expect(em('😀')).toBe(1.25); // emoji: Noto Color Emoji's advance
    expect(em('🇩🇪')).toBe(1.5); // a flag: two regional indicators
    expect(em('★')).toBe(1); // symbols Arimo lacks
    expect(em('ب')).toBe(0.75); // other scripts: Arimo's .notdef box, what resvg draws
  });

  it('counts zero for what is drawn as nothing or on the character before', () => {
    expect(em('e\u0301')).toBe(em('e')); // combining acute, mapped by Arimo
    expect(em('\u0610')).toBe(0); // Arabic combining mark, not mapped
    expect(em('a\u200B\u200C\u200D\u2060\uFEFFb')).toBe(em('ab')); // zero-width characters
    expect(em('a\u00ADb')).toBe(em('ab')); // soft hyphen: a shaper hides it
    expect(em('a\u2066b\u2069')).toBe(em('ab')); // bidi isolates
    expect(em('a\u0000\u0007\t\n\u009Fb')).toBe(em('ab')); // control characters
    expect(em('👍🏽')).toBe(em('👍')); // skin tone modifier
    expect(em('\u{E0041}')).toBe(0); // tag character
  });

  it('counts the emoji form that VS16 asks for', () => {
    expect(em('♥\uFE0F')).toBe(1.25);
    expect(em('a\uFE0F')).toBe(em('a'));
  });

  it('counts a lone surrogate like a missing glyph instead of failing', () => {
    expect(em('\uD800')).toBe(0.75);
  });

  it('costs well under 1 µs a character', () => {
    const texts = Array.from({ length: 2000 }, (_, index) => `Compare bikes across ${index} shops — Ödön pays €1,299`);
    const characters = texts.reduce((sum, text) => sum + text.length, 0);
    for (const text of texts) measureText(text, { size: 12 }); // warm up
    const start = process.hrtime.bigint();
    let total = 0;
    for (let round = 0; round < 10; round++) for (const text of texts) total += measureText(text, { size: 12 });
    const nanosecondsPerCharacter = Number(process.hrtime.bigint() - start) / (characters * 10);
    expect(total).toBeGreaterThan(0);
    // Measured about 20 ns; the bound leaves room for a busy CI machine.
    expect(nanosecondsPerCharacter).toBeLessThan(1000);
  });
});

describe('lineMetrics', () => {
  it("gives Arimo's typographic ascent and descent and the design's line height of 1.3", () => {
    const metrics = lineMetrics({ size: 20 });
    expect(metrics.ascent).toBeCloseTo((1854 * 20) / 2048, 9);
    expect(metrics.descent).toBeCloseTo((434 * 20) / 2048, 9);
    expect(metrics.lineHeight).toBeCloseTo(26, 9);
    expect(metrics.baseline).toBeCloseTo((26 - metrics.ascent - metrics.descent) / 2 + metrics.ascent, 9);
  });
});
