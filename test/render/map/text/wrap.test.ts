import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clustersOf } from '../../../../src/render/map/text/line-breaks.js';
import { measureText, type FontWeight } from '../../../../src/render/map/text/measure.js';
import { ELLIPSIS, wrapText, type WrapOptions } from '../../../../src/render/map/text/wrap.js';

const cell = { width: 174, size: 12 } as const;

/** The characters a reader sees: no whitespace, no bidi or other controls. */
function visible(text: string): string {
  return text.replace(/[\s\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '');
}

const pieces = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Compare', 'bikes', 'across', 'several', 'shops', 'a', 'I', 'Ödön', 'Ελληνικά', 'кириллица', '1,299.00', '€', '(yes)', '"quoted"') },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '\u00A0', '\u3000') },
  { weight: 2, arbitrary: fc.constantFrom('self-service', 'and/or', 'https://example.com/a/b', '10-20', '--flag', '-5') },
  { weight: 2, arbitrary: fc.constantFrom('注文を確定する', '配送先住所を確認してください。', '「確認」', '한국어') },
  { weight: 1, arbitrary: fc.constantFrom('👨‍👩‍👧', '🇩🇪🇫🇷', '👍🏽', '♥\uFE0F', 'e\u0301', '\u200B', '\u00AD') },
  { weight: 1, arbitrary: fc.constantFrom('\u202E', '\u202C', '\u2066', '\u2069', '\u0007') },
  { weight: 1, arbitrary: fc.constantFrom('Supercalifragilisticexpialidocious', 'W'.repeat(40), 'x'.repeat(120)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => text.replace(/…/g, '')) },
);
const texts = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
const options = fc.record({
  width: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double({ min: 1, max: 400, noNaN: true })),
  size: fc.constantFrom(11, 12, 13, 14, 20),
  weight: fc.constantFrom<FontWeight>('regular', 'bold'),
  maxLines: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
});
const RUNS = { seed: 4242, numRuns: 600 };

describe('wrapText properties', () => {
  it('never returns a line wider than the width, except one that holds a single character', () => {
    fc.assert(
      fc.property(texts, options, (text, wrap) => {
        for (const line of wrapText(text, wrap).lines) {
          if (clustersOf(line).length > 1) expect(measureText(line, wrap)).toBeLessThanOrEqual(wrap.width);
        }
      }),
      RUNS,
    );
  });

  it('respects maxLines and ends the last line in "…" exactly when it truncates', () => {
    fc.assert(
      fc.property(texts, options, (text, wrap) => {
        const { lines, truncated } = wrapText(text, wrap);
        expect(lines.length).toBeLessThanOrEqual(wrap.maxLines ?? Infinity);
        const ellipses = lines.join('').split(ELLIPSIS).length - 1;
        expect(ellipses).toBe(truncated ? 1 : 0);
        if (truncated) expect(lines[lines.length - 1].endsWith(ELLIPSIS)).toBe(true);
        if (wrap.maxLines === undefined) expect(truncated).toBe(false);
      }),
      RUNS,
    );
  });

  it('loses no character except collapsed whitespace, controls, and what the truncation drops', () => {
    fc.assert(
      fc.property(texts, options, (text, wrap) => {
        const { lines, truncated } = wrapText(text, wrap);
        const kept = visible(lines.join('\n'));
        if (!truncated) expect(kept).toBe(visible(text));
        else expect(visible(text).startsWith(kept.slice(0, -ELLIPSIS.length))).toBe(true);
      }),
      RUNS,
    );
  });

  it('returns non-empty lines without line breaks, bidi controls, or leading, trailing or doubled spaces', () => {
    fc.assert(
      fc.property(texts, options, (text, wrap) => {
        for (const line of wrapText(text, wrap).lines) {
          expect(line).not.toBe('');
          expect(line).not.toMatch(/[\n\r\t\u2028\u2029\u202A-\u202E\u2066-\u2069]|^ | $| {2}/);
        }
      }),
      RUNS,
    );
  });

  it('does not split a word that fits, nor a character cluster', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Compare', 'bikes', 'Ödön', 'e\u0301t\u0301', '👨‍👩‍👧', 'Ελληνικά'), { minLength: 1, maxLength: 12 }), options, (words, wrap) => {
        const { lines } = wrapText(words.join(' '), { ...wrap, maxLines: undefined });
        const fitting = words.filter((word) => measureText(word, wrap) <= wrap.width);
        const lineWords = new Set(lines.flatMap((line) => line.split(' ')));
        for (const word of fitting) expect(lineWords.has(word)).toBe(true);
        const clusters = new Set(words.flatMap((word) => clustersOf(word)));
        for (const line of lines) for (const cluster of clustersOf(line)) if (cluster !== ' ') expect(clusters.has(cluster)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('wrapText examples', () => {
  const wrap = (text: string, more: Partial<WrapOptions> = {}) => wrapText(text, { ...cell, ...more });

  it('fills lines greedily by measured width', () => {
    expect(wrap('Compare many models across several very long pages of specifications', { width: 100 }).lines).toEqual([
      'Compare many',
      'models across',
      'several very long',
      'pages of',
      'specifications',
    ]);
  });

  it('ends the last allowed line in "…", dropping characters until it fits', () => {
    const result = wrap('Compare many models across several very long pages of specifications', { width: 100, maxLines: 3 });
    expect(result).toEqual({ lines: ['Compare many', 'models across', 'several very lon…'], truncated: true });
    expect(measureText(result.lines[2], cell)).toBeLessThanOrEqual(100);
  });

  it('puts "…" after the last line kept when whole lines are left out', () => {
    expect(wrap('Search\nCompare\nPay', { maxLines: 2 })).toEqual({ lines: ['Search', 'Compare…'], truncated: true });
  });

  it('makes each newline a line break, collapses spaces, and drops empty lines', () => {
    expect(wrap('  Search   the\tshop \r\n\n\n Pay  now  ').lines).toEqual(['Search the shop', 'Pay now']);
    expect(wrap(' \n\t ')).toEqual({ lines: [], truncated: false });
  });

  it('keeps no-break spaces', () => {
    expect(wrap('€\u00A01,299 and 10\u00A0km', { width: 60 }).lines).toEqual(['€\u00A01,299', 'and 10\u00A0km']);
  });

  it('breaks after hyphens and slashes inside words, but not in numbers or runs of them', () => {
    expect(wrap('well-known self-service 10-20', { width: 40 }).lines).toEqual(['well-', 'known', 'self-', 'service', '10-20']);
    expect(wrap('https://example.com/a/very/long/path', { width: 80 }).lines).toEqual(['https://', 'example.com/', 'a/very/long/', 'path']);
  });

  it('breaks a word longer than the line between characters', () => {
    const { lines } = wrap('Supercalifragilisticexpialidocious', { width: 50 });
    expect(lines.join('')).toBe('Supercalifragilisticexpialidocious');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, cell)).toBeLessThanOrEqual(50);
  });

  it('breaks CJK text between ideographs, never before closing punctuation', () => {
    const { lines } = wrap('注文を確定する前に、配送先住所を確認してください。', { width: 60 });
    expect(lines).toEqual(['注文を確定', 'する前に、', '配送先住所', 'を確認して', 'ください。']);
  });

  it('keeps emoji sequences, flags and combining marks whole', () => {
    const { lines } = wrap('👨‍👩‍👧🇩🇪e\u0301👍🏽', { width: 1 });
    expect(lines).toEqual(['👨‍👩‍👧', '🇩🇪', 'e\u0301', '👍🏽']);
  });

  it('removes bidi controls', () => {
    expect(wrap('\u202Eabc\u202C def \u2066x\u2069').lines).toEqual(['abc def x']);
  });

  it('puts a lone "…" when not even one character fits with it', () => {
    expect(wrap('abc', { width: 1, maxLines: 1 })).toEqual({ lines: [ELLIPSIS], truncated: true });
  });

  it('measures bold text as bold', () => {
    const text = 'Compare many models across several';
    const regular = wrap(text, { width: 150 }).lines;
    const bold = wrap(text, { width: 150, weight: 'bold' }).lines;
    for (const line of bold) expect(measureText(line, { size: 12, weight: 'bold' })).toBeLessThanOrEqual(150);
    expect(bold.length).toBeGreaterThanOrEqual(regular.length);
  });

  it('rejects options it cannot honour', () => {
    expect(() => wrap('a', { width: -1 })).toThrow(RangeError);
    expect(() => wrap('a', { width: Number.NaN })).toThrow(RangeError);
    expect(() => wrap('a', { maxLines: 0 })).toThrow(RangeError);
    expect(() => wrap('a', { maxLines: 1.5 })).toThrow(RangeError);
    expect(() => wrap('a', { size: 0 })).toThrow(RangeError);
  });
});
