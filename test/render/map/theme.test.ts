/**
 * Contrast of the map's colours (WCAG 2 relative luminance): every text style
 * at least 4.5:1 on every fill it can sit on, and the persona and semantic
 * colours of lines and markers at least 3:1 (graphics), in light and dark.
 */
import { describe, expect, it } from 'vitest';
import { PERSONA_STYLES, stylesheet, themeColors } from '../../../src/render/map/theme.js';

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  expect(hex).toMatch(/^#[0-9A-Fa-f]{6}$/);
  return [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16) / 255) as unknown as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number): number => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** A colour at an opacity over another, as a browser composites it (in sRGB). */
function over(color: Rgb, opacity: number, under: Rgb): Rgb {
  return color.map((channel, index) => channel * opacity + under[index] * (1 - opacity)) as unknown as Rgb;
}

const THEMES = ['light', 'dark'] as const;
const TEXT = 4.5;
const GRAPHICS = 3;

function report(pairs: { name: string; ratio: number }[], least: number): string[] {
  return pairs.filter(({ ratio }) => ratio < least).map(({ name, ratio }) => `${name}: ${ratio.toFixed(2)}:1, needs ${least}:1`);
}

describe.each(THEMES)('the %s theme', (theme) => {
  const c = themeColors(theme);
  const background = rgb(c.background);
  const lane = rgb(c.lane);
  const moment = rgb(c.moment);
  /** Every fill text is drawn on: lanes and heads, and a moment of truth's wash over a lane or (under the feeling captions) the background. */
  const textFills: Record<string, Rgb> = {
    background,
    band: rgb(c.band),
    head: rgb(c.head),
    lane,
    pill: rgb(c.pill),
    'moment wash over a lane': over(moment, c.momentOpacity, lane),
    'moment wash over the background': over(moment, c.momentOpacity, background),
  };
  /** Where the emotion curves and their markers are drawn: the band's tints, in a moment of truth's column too. */
  const bandFills: Record<string, Rgb> = {
    'the positive tint': over(rgb(c.good), c.tintOpacity, background),
    'the negative tint': over(rgb(c.bad), c.tintOpacity, background),
    'the positive tint over a moment wash': over(rgb(c.good), c.tintOpacity, over(moment, c.momentOpacity, background)),
    'the negative tint over a moment wash': over(rgb(c.bad), c.tintOpacity, over(moment, c.momentOpacity, background)),
  };
  const personas = Array.from({ length: PERSONA_STYLES }, (_, index) => ({ name: `persona ${index} ${c.persona(index)}`, color: rgb(c.persona(index)) }));

  it('text styles (title, text, muted) reach 4.5:1 on every fill they sit on', () => {
    // The stylesheet colours title and text with c.text and muted with c.muted.
    expect(stylesheet(theme)).toContain(`.title{fill:${c.text}}.text{fill:${c.text}}.muted{fill:${c.muted}}`);
    const pairs = Object.entries({ text: c.text, muted: c.muted }).flatMap(([style, color]) =>
      Object.entries(textFills).map(([fill, under]) => ({ name: `${style} ${color} on ${fill}`, ratio: contrast(rgb(color), under) })),
    );
    expect(report(pairs, TEXT)).toEqual([]);
  });

  it('persona colours reach 3:1 on the background, the step headers (their markers) and the emotion band', () => {
    const fills = { background, head: rgb(c.head), ...bandFills };
    const pairs = personas.flatMap(({ name, color }) => Object.entries(fills).map(([fill, under]) => ({ name: `${name} on ${fill}`, ratio: contrast(color, under) })));
    expect(report(pairs, GRAPHICS)).toEqual([]);
  });

  it('semantic colours (pains, opportunities, KPI good and bad, warnings) reach 3:1 on the background and the lanes', () => {
    const semantic = { pain: c.pain, opportunity: c.opportunity, good: c.good, bad: c.bad, warn: c.warn };
    const pairs = Object.entries(semantic).flatMap(([name, color]) =>
      Object.entries({ background, lane }).map(([fill, under]) => ({ name: `${name} ${color} on ${fill}`, ratio: contrast(rgb(color), under) })),
    );
    expect(report(pairs, GRAPHICS)).toEqual([]);
  });

  it('KPI bars (on target, off target, no target) reach 3:1 on their track, which is the page colour', () => {
    expect(stylesheet(theme)).toContain(`.kpi-track{fill:${c.background};`);
    const bars = { good: c.good, bad: c.bad, none: c.none };
    const pairs = Object.entries(bars).map(([name, color]) => ({ name: `${name} ${color} on the track`, ratio: contrast(rgb(color), background) }));
    expect(report(pairs, GRAPHICS)).toEqual([]);
  });
});

it('the contrast formula gives WCAG reference values', () => {
  expect(contrast(rgb('#000000'), rgb('#FFFFFF'))).toBeCloseTo(21, 5);
  expect(contrast(rgb('#777777'), rgb('#FFFFFF'))).toBeCloseTo(4.48, 2);
  // The design notes' numbers: #E69F00 2.25, #CC79A7 3.06, #009E73 3.42, #D55E00 3.87 on white.
  expect([...['#E69F00', '#CC79A7', '#009E73', '#D55E00'].map((hex) => Number(contrast(rgb(hex), rgb('#FFFFFF')).toFixed(2)))]).toEqual([2.25, 3.06, 3.42, 3.87]);
});
