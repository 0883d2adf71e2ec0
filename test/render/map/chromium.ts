/**
 * Headless Chromium for the map's browser checks: found at the usual places
 * (or PUPPETEER_EXECUTABLE_PATH), started offline with a fresh profile.
 * A suite skips when there is none, and fails instead under CJM_REQUIRE_BROWSER=1.
 */
import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function isExecutable(path: string | undefined): path is string {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const CHROMIUM = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find(isExecutable);
export const NO_CHROMIUM = 'no Chromium found (set PUPPETEER_EXECUTABLE_PATH or apt-get install chromium)';
export const BROWSER_REQUIRED = process.env.CJM_REQUIRE_BROWSER === '1';

export interface Chromium {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'cjm-map-browser-'));
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, pipe: true, userDataDir: profile, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  return {
    browser,
    page,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One `<text>` as Chromium lays it out. */
export interface DrawnText {
  text: string;
  x: number;
  anchor: string;
  /** getComputedTextLength(): the sum of the advances, what the line takes. */
  length: number;
  /** getBBox(): the advances' box, widened by glyph ink (rounded out to whole pixels). */
  box: { x: number; y: number; width: number; height: number };
}

/** Every `<text>` of an SVG, in document order, once its fonts are loaded. */
export async function drawnTexts(page: Page, svg: string): Promise<DrawnText[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('svg text'), (element) => {
      const text = element as SVGTextElement;
      const box = text.getBBox();
      return {
        text: text.textContent ?? '',
        x: text.x.baseVal[0]?.value ?? 0,
        anchor: text.getAttribute('text-anchor') ?? 'start',
        length: text.getComputedTextLength(),
        box: { x: box.x, y: box.y, width: box.width, height: box.height },
      };
    }),
  );
}
