import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, measureText, TEXT_STYLE } from '../../../../src/render/map/text/measure.js';
import { bundledFontFiles, resvgOptions, svgToPng } from '../../../../src/render/map/text/png.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DEJAVU_SANS = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function svgWith(body: string, { width = 300, height = 80, background = true } = {}): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    ...(background ? [`<rect width="${width}" height="${height}" fill="#ffffff"/>`] : []),
    body,
    '</svg>',
  ].join('\n');
}

/** Text alone, so that resvg's bounding box is the text's ink. */
const inkOnly = { background: false };

function text(content: string, { x = 10, y = 30, size = 20, bold = false, style = TEXT_STYLE } = {}): string {
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="${size}"${weight} style="${style}">${content}</text>`;
}

/** Width and height from the IHDR chunk, which follows the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** resvg's bounding box of the ink, with the options svgToPng uses. */
async function inkWidth(svg: string, fallbackFontFiles: string[] = []): Promise<number> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, resvgOptions({ fallbackFontFiles })).getBBox()!.width;
}

describe('svgToPng', () => {
  const svg = svgWith([text('Compare bikes — Ödön, Ελληνικά, кириллица'), text('Bold step name 0123', { y: 60, bold: true })].join('\n'));

  it('draws a PNG of the SVG size times the scale', async () => {
    for (const scale of [1, 2, 1.5]) {
      const png = await svgToPng(svg, { scale });
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(pngSize(png)).toEqual({ width: 300 * scale, height: 80 * scale });
    }
    expect(pngSize(await svgToPng(svg))).toEqual({ width: 300, height: 80 });
  });

  it('gives the same bytes every time', async () => {
    const first = await svgToPng(svg, { scale: 2 });
    const second = await svgToPng(svg, { scale: 2 });
    expect(first.equals(second)).toBe(true);
  });

  it('draws text with the bundled fonts, though system fonts are off', async () => {
    expect(resvgOptions().font).toMatchObject({ loadSystemFonts: false, defaultFontFamily: 'Arimo' });
    const blank = await svgToPng(svgWith(''));
    expect((await svgToPng(svg)).equals(blank)).toBe(false);
    for (const file of bundledFontFiles()) expect(existsSync(file)).toBe(true);
  });

  it('rejects a scale that is not a positive number', async () => {
    await expect(svgToPng(svg, { scale: 0 })).rejects.toThrow(RangeError);
    await expect(svgToPng(svg, { scale: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('resvg draws text as measureText measures it', () => {
  const font = fontkit.create(readFileSync('assets/fonts/Arimo-Regular.ttf')) as any;
  // Every A-V pair kerns in Arimo, and both letters have straight edges, so the ink box is exact.
  const kerned = 'AVAVAVAVAVAVAVAVAVAV';

  /** Width of the ink: advances up to the last glyph, plus its right edge, minus the first glyph's left bearing. */
  function expectedInk(kern: boolean, size: number): number {
    const run = font.layout(kerned, { kern });
    const advances = run.positions.slice(0, -1).reduce((sum: number, position: { xAdvance: number }) => sum + position.xAdvance, 0);
    return ((advances + run.glyphs.at(-1).bbox.maxX - run.glyphs[0].bbox.minX) * size) / font.unitsPerEm;
  }

  it('kerns by default, and not with TEXT_STYLE (font-kerning:none)', async () => {
    expect(await inkWidth(svgWith(text(kerned, { style: '' }), inkOnly))).toBeCloseTo(expectedInk(true, 20), 2);
    expect(await inkWidth(svgWith(text(kerned), inkOnly))).toBeCloseTo(expectedInk(false, 20), 2);
    expect(expectedInk(false, 20) - expectedInk(true, 20)).toBeGreaterThan(20);
  });

  it('honours font-kerning:none from a <style> rule as well', async () => {
    const svg = svgWith(`<style>text { font-kerning: none }</style>\n${text(kerned, { style: '' })}`, inkOnly);
    expect(await inkWidth(svg)).toBeCloseTo(expectedInk(false, 20), 2);
  });

  it("draws a character Arimo lacks as Arimo's .notdef box, 0.75 em wide, as measureText counts it", async () => {
    const withMissing = await inkWidth(svgWith(text('A\u0628B'), inkOnly));
    const without = await inkWidth(svgWith(text('AB'), inkOnly));
    expect(withMissing - without).toBeCloseTo(0.75 * 20, 2);
    expect(measureText('\u0628', { size: 20 })).toBe(0.75 * 20);
  });

  it.runIf(existsSync(DEJAVU_SANS))('draws missing characters from fallbackFontFiles when given', async () => {
    const star = svgWith(text('A★B'), inkOnly);
    expect((await svgToPng(star, { fallbackFontFiles: [DEJAVU_SANS] })).equals(await svgToPng(star))).toBe(false);
    // DejaVu's star (0.838 em) is narrower than the 1 em measureText counts for a symbol Arimo lacks.
    expect(await inkWidth(star, [DEJAVU_SANS])).toBeLessThan(measureText('A★B', { size: 20 }));
  });
});
