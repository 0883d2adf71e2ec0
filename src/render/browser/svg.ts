import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, requireBrowser, requireBrowserPackages, type LaunchedBrowser } from './chromium.js';
import { mermaidConfig } from './svg-config.js';
import { PAGE_HTML, pageScript, type PageRender, type PageResult, type PageSettings } from './svg-page.js';
import { makeSvgSafe } from './svg-safety.js';

export { neutraliseScriptLookalikes, svgHazard } from './svg-safety.js';

interface SvgRendererOptions {
  /** --browser PATH; otherwise PUPPETEER_EXECUTABLE_PATH, then system locations. */
  browserPath?: string;
  /** Where PUPPETEER_EXECUTABLE_PATH and PATH are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** SVG that renders outside a browser too (checked with rsvg-convert 2.54): no <foreignObject>, text as <text>/<tspan>. */
  portable?: boolean;
  /** Per-diagram time limit; on expiry the page is replaced and that diagram fails. Default 30 s. */
  timeoutMs?: number;
}

export interface RenderOptions {
  /**
   * The SVG's id, also the scope of its CSS. Default: derived from the source,
   * so the same diagram always renders to the same bytes.
   */
  id?: string;
  /** This diagram's time limit, over the renderer's. */
  timeoutMs?: number;
}

export interface SvgRenderer {
  readonly browserPath: string;
  readonly portable: boolean;
  /** Resolves to the SVG, or rejects with MermaidRenderError for a diagram Mermaid rejects. */
  render(source: string, options?: RenderOptions): Promise<string>;
  close(): Promise<void>;
}

interface SvgSource {
  source: string;
  id?: string;
}

type SvgBatchResult = { ok: true; svg: string } | { ok: false; error: string };

/** Mermaid rejected one diagram (message from Mermaid), or the diagram could not be rendered safely. */
export class MermaidRenderError extends Error {
  override readonly name = 'MermaidRenderError';
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The IIFE bundle (sets globalThis.mermaid, no imports), so it can be injected
 * from a local file with no network and no module loader. mermaid is an
 * optional peer dependency: requireBrowserPackages() has checked it is there.
 */
function mermaidBundlePath(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

/** Ids become CSS selectors (#id .node {...}): keep them to letters, digits, - and _. */
function diagramId(source: string, requested?: string): string {
  if (requested !== undefined && requested !== '') {
    const cleaned = requested.replace(/[^A-Za-z0-9_-]/g, '-');
    return /^[A-Za-z]/.test(cleaned) ? cleaned : `cjm-${cleaned}`;
  }
  return `cjm-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
}

function finishSvg(svg: string, portable: boolean): string {
  const safe = makeSvgSafe(svg, portable);
  if (!safe.ok) throw new MermaidRenderError(`the rendered SVG ${safe.hazard}; refusing to write it`);
  return safe.svg;
}

async function openPage(browser: Browser, bundlePath: string, settings: PageSettings): Promise<Page> {
  const page = await browser.newPage();
  // Nothing may be fetched: the bundle is injected inline and labels must not reach the network.
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    request.abort('blockedbyclient').catch(() => undefined);
  });
  await page.setContent(PAGE_HTML);
  // Reads the file in Node and injects its text: no file:// or http request.
  await page.addScriptTag({ path: bundlePath });
  await page.evaluate(pageScript(settings));
  return page;
}

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class PageRenderer implements SvgRenderer {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    readonly browserPath: string,
    readonly portable: boolean,
    private readonly launched: LaunchedBrowser,
    private page: Page,
    private readonly settings: PageSettings,
    private readonly bundlePath: string,
    private readonly timeoutMs: number,
  ) {}

  render(source: string, options: RenderOptions = {}): Promise<string> {
    if (this.closed) return Promise.reject(new Error('the SVG renderer is closed'));
    const id = diagramId(source, options.id);
    // mermaid.render keeps global state: one diagram at a time per page.
    const job = this.queue.then(() => this.renderNow(source, id, options.timeoutMs ?? this.timeoutMs));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async renderNow(source: string, id: string, timeoutMs: number): Promise<string> {
    const evaluation = this.page.evaluate(
      (text, svgId) => (globalThis as unknown as { cjmRender: PageRender }).cjmRender(text, svgId),
      source,
      id,
    );
    evaluation.catch(() => undefined); // observed below; after a timeout the page is closed under it
    let result: PageResult | typeof TIMED_OUT;
    try {
      result = await withTimeout(evaluation, timeoutMs);
    } catch (error) {
      await this.replacePage();
      throw new MermaidRenderError(`the page crashed while rendering this diagram: ${String(error)}`);
    }
    if (result === TIMED_OUT) {
      await this.replacePage();
      throw new MermaidRenderError(`rendering took longer than ${timeoutMs} ms`);
    }
    if (!result.ok) throw new MermaidRenderError(result.error);
    return finishSvg(result.svg, this.portable);
  }

  /** A hung or crashed page cannot be trusted again: start a fresh one (~1 s, mermaid reload). */
  private async replacePage(): Promise<void> {
    const stale = this.page;
    this.page = await openPage(this.launched.browser, this.bundlePath, this.settings);
    // Closing a page that is busy in a layout takes ~0.5 s; the new page runs in its own process meanwhile.
    stale.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.launched.close();
  }
}

/**
 * One browser, one page, mermaid loaded once, then every diagram through that
 * page (bench/results.md has the time against one mmdc run per diagram).
 * Throws BrowserNotFoundError (one-line message, exit 2) when no browser exists.
 */
export async function createSvgRenderer(options: SvgRendererOptions = {}): Promise<SvgRenderer> {
  requireBrowserPackages();
  const browserPath = requireBrowser(options.browserPath, options.env);
  const bundlePath = mermaidBundlePath();
  const portable = options.portable ?? false;
  const settings: PageSettings = { config: mermaidConfig(portable), portable };
  const launched = await launchBrowser(browserPath);
  try {
    const page = await openPage(launched.browser, bundlePath, settings);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new PageRenderer(browserPath, portable, launched, page, settings, bundlePath, timeoutMs);
  } catch (error) {
    await launched.close();
    throw error;
  }
}

/** Renders every source with one renderer; a diagram Mermaid rejects gives { ok: false } and the batch goes on. */
export async function renderSvgBatch(
  sources: readonly (string | SvgSource)[],
  options: SvgRendererOptions = {},
): Promise<SvgBatchResult[]> {
  const renderer = await createSvgRenderer(options);
  try {
    const results: SvgBatchResult[] = [];
    for (const item of sources) {
      const { source, id } = typeof item === 'string' ? { source: item, id: undefined } : item;
      results.push(await renderOne(renderer, source, id));
    }
    return results;
  } finally {
    await renderer.close();
  }
}

async function renderOne(renderer: SvgRenderer, source: string, id?: string): Promise<SvgBatchResult> {
  try {
    return { ok: true, svg: await renderer.render(source, { id }) };
  } catch (error) {
    if (error instanceof MermaidRenderError) return { ok: false, error: error.message };
    throw error;
  }
}