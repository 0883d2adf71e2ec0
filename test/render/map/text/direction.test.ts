import { describe, expect, it } from 'vitest';
import { textBlock } from '../../../../src/render/map/cells.js';
import type { TextMark } from '../../../../src/render/map/scene.js';
import { renderJourneyMapSvg } from '../../../../src/render/map/index.js';
import { textDirection } from '../../../../src/render/map/text/direction.js';
import type { Journey } from '../../../../src/schema/journey.js';

describe('textDirection', () => {
  it('follows the first strong character', () => {
    expect(textDirection('ההעלאה נכשלת ב-4G חלש')).toBe('rtl');
    expect(textDirection('يفتح مطالبة في التطبيق')).toBe('rtl');
    expect(textDirection('42 % - ההעלאה נכשלת')).toBe('rtl'); // digits and punctuation are not strong
    expect(textDirection('App 2.0: ההעלאה')).toBe('ltr');
    expect(textDirection('Opens a claim')).toBe('ltr');
    expect(textDirection('申请理赔')).toBe('ltr');
    expect(textDirection('42 %')).toBe('ltr');
    expect(textDirection('')).toBe('ltr');
  });
});

describe('right-to-left text on the map', () => {
  it('is right-aligned in its box, marked rtl, and measured where it is drawn', () => {
    const { marks } = textBlock('ההעלאה נכשלת ב-4G חלש כשהקליטה חלשה מאוד בדרך', { x: 100, y: 0, width: 120, size: 13 });
    const lines = marks as TextMark[];
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatchObject({ anchor: 'end', direction: 'rtl', x: 220 });
      expect(line.bounds.x + line.bounds.width).toBeCloseTo(220, 6);
      expect(line.bounds.x).toBeGreaterThanOrEqual(100);
    }
  });

  it('keeps centred text centred, and left-to-right text as it was', () => {
    const [centred] = textBlock('מרוצה', { x: 0, y: 0, width: 100, size: 11, anchor: 'middle' }).marks as TextMark[];
    expect(centred).toMatchObject({ anchor: 'middle', direction: 'rtl', x: 50 });
    const [latin] = textBlock('Opens a claim', { x: 10, y: 0, width: 100, size: 13 }).marks as TextMark[];
    expect(latin.anchor).toBe('start');
    expect(latin.x).toBe(10);
    expect('direction' in latin).toBe(false);
  });

  it('is written as one right-to-left embedding per line, which Chromium and resvg read alike', () => {
    const journey = {
      cjm: 1, id: 'he', title: 'מסע לקוח: תביעת רכב', state: 'current',
      stages: [{ id: 'report', name: 'דיווח על התאונה', steps: [{ id: 'open', name: 'פותחת תביעה באפליקציה', pains: ['ההעלאה נכשלת ב-4G חלש'] }] }],
    } as unknown as Journey;
    const svg = renderJourneyMapSvg(journey);
    expect(svg).toMatch(/<text [^>]*text-anchor="end"[^>]*>&#x202B;ההעלאה נכשלת ב-4G חלש&#x202C;<\/text>/);
    expect(svg).toMatch(/<text [^>]*>Stages<\/text>/);
  });
});
