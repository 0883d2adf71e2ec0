/**
 * The browser check: Chromium must draw each string as wide as measureText
 * says, both with the bundled Arimo (as a web font) and with the fonts a viewer
 * without Arimo falls back to (here Liberation Sans, through fontconfig's Arial
 * alias; Debian's fonts-liberation, which Chromium's package recommends).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FAMILY, measureText, TEXT_STYLE, type FontWeight } from '../../../../src/render/map/text/measure.js';
import { wrapText } from '../../../../src/render/map/text/wrap.js';
import { CHROMIUM, launchChromium, NO_CHROMIUM, type Chromium } from '../chromium.js';

const TOLERANCE_PX = 0.5;
/** getBBox() rounds glyph ink out to whole pixels: see expectWidthsToMatch. */
const INK_ROUNDING_PX = 1;
/** Fonts whose advances are Arial's: any other means the check measured something else. */
const METRIC_COMPATIBLE_FAMILIES = ['Arimo', 'Arial', 'Liberation Sans'];

if (!CHROMIUM) console.warn(`browser width check SKIPPED: ${NO_CHROMIUM}`);

// Arimo 1.341 and Liberation Sans 1.07 disagree on a few characters (· ƒ ˆ µ Ѝ џ ⁿ), so the strings avoid them.
const STRINGS = [
  'Compare bikes across several shops',
  'AVATAR Wave To LT Yo Ty P. F, r.',
  'Ödön Šťastný façade naïve Ærøskøbing Łódź',
  'Ελληνικά: Καλημέρα σας, ΑΒΓΔ',
  'Кириллица: Съешь же ещё этих булок',
  'Punctuation: "quoted" (paren) [bracket] {brace} — – … ‘’ “” ! ? ; : , .',
  '0123456789 €1,299.00 +42% #7 @home & more',
  'MMMMMMMMMM iiiiiiiiii WWWWW llll',
];
const SIZES = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
const WEIGHTS: FontWeight[] = ['regular', 'bold'];

interface Sample {
  id: string;
  text: string;
  size: number;
  weight: FontWeight;
}

const samples: Sample[] = [];
for (const weight of WEIGHTS) {
  for (const size of SIZES) {
    for (const text of STRINGS) samples.push({ id: `t${samples.length}`, text, size, weight });
  }
  // Lines as wrapText makes them for a map cell: each must also fit when the browser draws it.
  const paragraph = 'Checkout fails with "card declined" although the bank approved the payment; the customer calls support twice.';
  for (const text of wrapText(paragraph, { width: 174, size: 12, weight }).lines) samples.push({ id: `t${samples.length}`, text, size: 12, weight });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function svgOf(fontFamily: string, head = ''): string {
  const texts = samples.map(
    (sample, index) =>
      `<text id="${sample.id}" x="4" y="${24 + index * 24}" font-family="${escapeXml(fontFamily)}" font-size="${sample.size}"` +
      ` font-weight="${sample.weight === 'bold' ? 'bold' : 'normal'}" style="${TEXT_STYLE}">${escapeXml(sample.text)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${24 * samples.length + 24}">${head}\n${texts.join('\n')}\n</svg>`;
}

function bundledFontFace(): string {
  const face = (file: string, weight: string) =>
    `@font-face { font-family: 'ArimoBundled'; font-weight: ${weight}; src: url(data:font/ttf;base64,${readFileSync(join('assets/fonts', file)).toString('base64')}) format('truetype'); }`;
  return `<style>${face('Arimo-Regular.ttf', '400')}\n${face('Arimo-Bold.ttf', '700')}</style>`;
}

interface BrowserWidth {
  id: string;
  length: number;
  bboxWidth: number;
}

async function browserWidths(page: Page, svg: string): Promise<Map<string, BrowserWidth>> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const widths = await page.evaluate(() =>
    Array.from(document.querySelectorAll('text'), (element) => ({
      id: element.id,
      length: element.getComputedTextLength(),
      bboxWidth: element.getBBox().width,
    })),
  );
  return new Map(widths.map((width) => [width.id, width]));
}

/** The font families Chromium actually drew each sample with. */
async function platformFonts(page: Page): Promise<Map<string, string[]>> {
  const session = await page.createCDPSession();
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const families = new Map<string, string[]>();
  for (const sample of samples) {
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${sample.id}` });
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    families.set(sample.id, fonts.map((font) => font.familyName));
  }
  await session.detach();
  return families;
}

/**
 * getComputedTextLength is the sum of the advances, what a line occupies, and
 * must match. getBBox() in Chromium also takes in the glyphs' ink rounded out to
 * whole pixels, so when the last glyph's ink reaches its advance (k, к) the box
 * is up to a pixel wider: cell padding absorbs that.
 */
function expectWidthsToMatch(widths: Map<string, BrowserWidth>, label: string): void {
  const mismatches: string[] = [];
  let largestDifference = 0;
  for (const sample of samples) {
    const measured = measureText(sample.text, sample);
    const drawn = widths.get(sample.id)!;
    largestDifference = Math.max(largestDifference, Math.abs(drawn.length - measured));
    const where = `${sample.weight} ${sample.size}px ${JSON.stringify(sample.text)}`;
    if (Math.abs(drawn.length - measured) > TOLERANCE_PX) {
      mismatches.push(`${where}: getComputedTextLength ${drawn.length.toFixed(3)} vs measureText ${measured.toFixed(3)}`);
    }
    if (drawn.bboxWidth < measured - TOLERANCE_PX || drawn.bboxWidth > measured + INK_ROUNDING_PX + TOLERANCE_PX) {
      mismatches.push(`${where}: getBBox().width ${drawn.bboxWidth.toFixed(3)} vs measureText ${measured.toFixed(3)}`);
    }
  }
  console.info(`${label}: ${samples.length} strings, largest |getComputedTextLength - measureText| ${largestDifference.toFixed(3)} px`);
  expect(mismatches).toEqual([]);
}

describe.runIf(CHROMIUM)('Chromium draws text as wide as measureText measures it', () => {
  let chromium: Chromium;
  let page: Page;

  beforeAll(async () => {
    chromium = await launchChromium();
    page = chromium.page;
  });

  afterAll(async () => {
    await chromium?.close();
  });

  it('with the bundled Arimo as a web font', async () => {
    const widths = await browserWidths(page, svgOf('ArimoBundled', bundledFontFace()));
    const families = await platformFonts(page);
    expect(new Set([...families.values()].flat())).toEqual(new Set(['Arimo']));
    expectWidthsToMatch(widths, 'bundled Arimo');
  });

  it(`with the fonts of FONT_FAMILY installed on this machine (${FONT_FAMILY})`, async () => {
    const widths = await browserWidths(page, svgOf(FONT_FAMILY));
    const used = new Set([...(await platformFonts(page)).values()].flat());
    console.info(`Chromium drew FONT_FAMILY with: ${[...used].join(', ')}`);
    for (const family of used) {
      expect(METRIC_COMPATIBLE_FAMILIES, `Chromium drew with ${family}, which lacks Arial's metrics: apt-get install fonts-liberation`).toContain(family);
    }
    expectWidthsToMatch(widths, [...used].join(', '));
  });
});

describe.runIf(!CHROMIUM && process.env.CJM_REQUIRE_BROWSER === '1')('CI that promised a browser', () => {
  it('has a Chromium for the font width check', () => {
    expect.fail(`CJM_REQUIRE_BROWSER=1 but ${NO_CHROMIUM}`);
  });
});
