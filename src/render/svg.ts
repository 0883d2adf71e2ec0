import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { launchBrowser, requireBrowser, type LaunchedBrowser } from './browser.js';

export { BrowserLaunchError, BrowserNotFoundError, findBrowser } from './browser.js';

export interface SvgRendererOptions {
  /** --browser PATH; otherwise PUPPETEER_EXECUTABLE_PATH, then system locations. */
  browserPath?: string;
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
}

export interface SvgRenderer {
  readonly browserPath: string;
  readonly portable: boolean;
  /** Resolves to the SVG, or rejects with MermaidRenderError for a diagram Mermaid rejects. */
  render(source: string, options?: RenderOptions): Promise<string>;
  close(): Promise<void>;
}

export interface SvgSource {
  source: string;
  id?: string;
}

export type SvgBatchResult = { ok: true; svg: string } | { ok: false; error: string };

/** Mermaid rejected one diagram (message from Mermaid), or the diagram could not be rendered safely. */
export class MermaidRenderError extends Error {
  override readonly name = 'MermaidRenderError';
}

const DEFAULT_TIMEOUT_MS = 30_000;

const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="container"></div></body></html>';

/**
 * In portable mode journey text is drawn as <text> with the section colour as
 * its fill: Mermaid 11 gives section titles the class section-type-N, whose CSS
 * fill is the section's own background (text invisible), and task text is
 * white on the neutral theme's near-white boxes. Dark text fixes both.
 */
const PORTABLE_JOURNEY_CSS = 'text.task, text.journey-section { fill: #333; }';

/**
 * Plain edge labels get a white backing rect at opacity 0.5 from Mermaid's
 * flowchart CSS: the edge line shows through the words (HTML labels have an
 * opaque background).
 */
const PORTABLE_CSS = `${PORTABLE_JOURNEY_CSS} .edgeLabel rect { opacity: 1; }`;

/**
 * The neutral theme draws xychart lines in near-white grey (#eee on white):
 * the emotion curve is invisible. Okabe-Ito colours stay distinct for one line
 * per persona, also for colour-blind readers.
 */
const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const LINE_PALETTE = OKABE_ITO.join(', ');

/**
 * Journey actor dots default to two near-identical greens (#8FBC8F, #7CFC00);
 * journey.actorColours cannot replace them, as Mermaid 11.17 appends a
 * configured array to the default one. CSS beats the fill attribute. Mermaid
 * numbers actors actor-0, actor-1... without wrapping.
 */
const ACTOR_CSS = Array.from({ length: 32 }, (_, index) => `circle.actor-${index} { fill: ${OKABE_ITO[index % OKABE_ITO.length]}; }`).join(' ');

/**
 * The IIFE bundle (sets globalThis.mermaid, no imports), so it can be injected
 * from a local file with no network and no module loader. @mermaid-js/mermaid-cli
 * loads mermaid.esm.mjs from the same package through a request interceptor; the
 * IIFE avoids that. mermaid is a dependency of mermaid-cli, so resolve through it
 * when it is not hoisted.
 */
export function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve('mermaid/dist/mermaid.min.js');
  } catch {
    const cli = require.resolve('@mermaid-js/mermaid-cli');
    return createRequire(cli).resolve('mermaid/dist/mermaid.min.js');
  }
}

function mermaidConfig(portable: boolean): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    // Without this, a parse error renders a "Syntax error" bomb image into the page.
    suppressErrorRendering: true,
    htmlLabels: !portable,
    flowchart: { htmlLabels: !portable },
    // Mermaid 11 journey defaults to 'fo' (foreignObject); 'tspan' draws plain <text>.
    journey: { textPlacement: portable ? 'tspan' : 'fo' },
    // xychart lays out the plot in this share of the width first and gives the
    // legend what is left after the y axis; a legend wider than that is dropped
    // whole (Mermaid 11.17 neither wraps nor shortens legend entries). At the
    // default 50% a 700 px chart keeps names up to ~40 characters; at 30% up to
    // ~65, counted before decoding, so "#124;" counts as five. Space the legend
    // and axis labels do not use goes back to the plot.
    xyChart: { plotReservedSpacePercent: 30 },
    themeVariables: { xyChart: { plotColorPalette: LINE_PALETTE } },
    // Keys a %%{init}%% directive or front matter in a diagram may not change.
    // Mermaid's own list is the first six; the rest keep --portable and strict
    // sanitising from being switched off by the diagram text.
    secure: [
      'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges',
      'htmlLabels', 'dompurifyConfig', 'themeCSS',
    ],
    themeCSS: portable ? `${ACTOR_CSS} ${PORTABLE_CSS}` : ACTOR_CSS,
  };
}

/** Ids become CSS selectors (#id .node {...}): keep them to letters, digits, - and _. */
export function diagramId(source: string, requested?: string): string {
  if (requested !== undefined && requested !== '') {
    const cleaned = requested.replace(/[^A-Za-z0-9_-]/g, '-');
    return /^[A-Za-z]/.test(cleaned) ? cleaned : `cjm-${cleaned}`;
  }
  return `cjm-${createHash('sha256').update(source).digest('hex').slice(0, 12)}`;
}

interface PageSettings {
  config: Record<string, unknown>;
  portable: boolean;
}

type PageResult = { ok: true; svg: string } | { ok: false; error: string };

/**
 * Runs inside the page (serialised with toString, so it must be self-contained:
 * no imports, no outer variables). Installs globalThis.cjmRender.
 */
function installPageRenderer(settings: PageSettings): void {
  const scope = globalThis as unknown as {
    mermaid: {
      initialize(config: unknown): void;
      render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
    };
    cjmRender?: (source: string, id: string) => Promise<PageResult>;
  };
  const mermaid = scope.mermaid;
  mermaid.initialize(settings.config);
  const container = document.getElementById('container') as HTMLElement;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const XML_NS = 'http://www.w3.org/XML/1998/namespace';
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background']);
  // SMIL <set>/<animate> can rewrite an href to javascript: after sanitising; Mermaid never emits them.
  const BLOCKED_ELEMENTS = 'script, iframe, frame, object, embed, applet, base, link, meta, set, animate';

  function errorMessage(error: unknown): string {
    const e = error as { message?: unknown; str?: unknown } | undefined;
    const text = typeof e?.message === 'string' ? e.message : typeof e?.str === 'string' ? e.str : String(error);
    // "No diagram type detected ... for text: <the whole source>" can be megabytes long.
    const trimmed = text.trim();
    return trimmed.length > 2000 ? `${trimmed.slice(0, 2000)}…` : trimmed || 'Mermaid could not render this diagram';
  }

  function clearPage(): void {
    // Mermaid leaves its temporary #d<id> wrapper (and on some errors the bomb
    // image) behind; anything but the container must go before the next diagram.
    container.replaceChildren();
    for (const child of Array.from(document.body.children)) {
      if (child !== container) child.remove();
    }
  }

  function sanitise(root: Element): void {
    for (const element of Array.from(root.querySelectorAll(BLOCKED_ELEMENTS))) element.remove();
    for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.localName.toLowerCase();
        const isHandler = name.startsWith('on');
        const isExternalUrl = URL_ATTRIBUTES.has(name) && !attribute.value.trim().startsWith('#');
        if (isHandler || isExternalUrl) element.removeAttributeNode(attribute);
      }
    }
    const comments = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const found: Node[] = [];
    while (comments.nextNode()) found.push(comments.currentNode);
    for (const comment of found) comment.parentNode?.removeChild(comment);
  }

  const decoder = document.createElement('textarea');
  function decodeReference(reference: string): string {
    // A <textarea> parses its content as RCDATA: the reference decodes, no element is created.
    decoder.innerHTML = reference;
    return decoder.value;
  }

  const REFERENCE = /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

  function decodeReferences(text: string): string {
    // Mermaid's markdown pass has already turned its named codes #lt; #gt;
    // #amp; into < > &: a "&lt;" still in the text came from "&" + "lt;" and
    // is what the user typed. Every other complete reference is decoded once.
    return text.replace(REFERENCE, (reference, name: string) => (/^(lt|gt|amp)$/i.test(name) ? reference : decodeReference(reference)));
  }

  function decodeAcrossTspans(text: Element): boolean {
    // Mermaid wraps a long word by characters, measuring the undecoded text,
    // so "&#124;" can be cut over two rows ("...&#1" | "24;..."): decode on
    // the joined text and put each character where its reference started.
    const tspans = Array.from(text.querySelectorAll('tspan.text-inner-tspan'));
    const parts = tspans.map((tspan) => tspan.textContent ?? '');
    const joined = parts.join('');
    if (!joined.includes('&')) return false;
    const owner: number[] = [];
    parts.forEach((part, index) => {
      for (let i = 0; i < part.length; i++) owner.push(index);
    });
    const output = parts.map(() => '');
    let cursor = 0;
    for (const match of joined.matchAll(REFERENCE)) {
      const start = match.index ?? 0;
      for (; cursor < start; cursor++) output[owner[cursor]] += joined[cursor];
      output[owner[start]] += decodeReferences(match[0]);
      cursor = start + match[0].length;
    }
    for (; cursor < joined.length; cursor++) output[owner[cursor]] += joined[cursor];
    let changed = false;
    tspans.forEach((tspan, index) => {
      if (output[index] === parts[index]) return;
      changed = true;
      if (output[index] === '') tspan.remove();
      else tspan.textContent = output[index];
    });
    if (changed) dropEmptyRows(text);
    return changed;
  }

  function dropEmptyRows(text: Element): void {
    // A row left empty (it held only the tail of a reference) would show as a
    // blank line: remove it and re-centre the rest (Mermaid's rows sit at
    // y = -0.1em + 1.1em per row, centred on the text's own y).
    const rows = Array.from(text.querySelectorAll(':scope > tspan.row'));
    const kept = rows.filter((row) => (row.textContent ?? '') !== '');
    for (const row of kept) {
      // The row's first word lost its leading part; words after it start with a space.
      const first = row.querySelector('tspan.text-inner-tspan');
      if (first?.textContent?.startsWith(' ')) first.textContent = first.textContent.slice(1);
    }
    if (kept.length === rows.length) return;
    for (const row of rows) if (!kept.includes(row)) row.remove();
    const shift = ((rows.length - kept.length) * 1.1) / 2;
    kept.forEach((row, index) => row.setAttribute('y', `${(-0.1 + 1.1 * index + shift).toFixed(2)}em`));
  }

  function fixPlainLabels(svg: Element): void {
    // With htmlLabels off, Mermaid 11 (11.17) leaves its decimal entity codes
    // as text in the <tspan>: "#58;" shows as "&#58;", "#quot;" as "&quot;".
    // Only lt, gt and amp come out decoded. Words are separate tspans starting
    // with a space, which rsvg strips unless told to preserve it.
    for (const text of Array.from(svg.querySelectorAll('text'))) {
      if (!text.querySelector('tspan.text-inner-tspan')) continue;
      text.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      decodeAcrossTspans(text);
    }
  }

  // XML 1.0 allows no C0 controls but tab, LF and CR, no U+FFFE/U+FFFF and no
  // lone surrogates, not even as references: a label with "#1;" decodes to
  // U+0001 and would make the .svg unparseable. They draw nothing anyway.
  const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

  function dropNonXmlCharacters(root: Element): void {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.nodeValue ?? '';
      if (NOT_XML.test(text)) node.nodeValue = text.replace(NOT_XML, '');
      NOT_XML.lastIndex = 0;
    }
  }

  function dropImportantFromInlineStyles(svg: Element): void {
    // Mermaid copies classDef styles into style="stroke-dasharray:6 3 !important";
    // rsvg 2.54 ignores that declaration (dropoff hotspots lose their dashes).
    // An inline style outranks the stylesheet anyway, and the stylesheet's own
    // !important rules from the same classDef carry the same values.
    for (const element of Array.from(svg.querySelectorAll('[style*="!important"]'))) {
      element.setAttribute('style', (element.getAttribute('style') ?? '').replace(/\s*!important/g, ''));
    }
  }

  function anchorSlantedAxisLabels(svg: Element): void {
    // Mermaid centres a slanted x-axis label on its tick, so a long step name
    // reaches up past the next ticks and reads as belonging to a later step.
    // End each label at its own tick instead, like a spreadsheet chart does.
    const axis = svg.querySelector('g.bottom-axis g.axis-line path')?.getAttribute('d') ?? '';
    const axisY = Number(/^M\s*[-\d.e]+[ ,]\s*([-\d.e]+)/.exec(axis)?.[1]);
    if (!Number.isFinite(axisY)) return;
    for (const text of Array.from(svg.querySelectorAll('g.bottom-axis g.label text'))) {
      const transform = text.getAttribute('transform') ?? '';
      const match = /^translate\(([-\d.e]+),\s*[-\d.e]+\)\s*rotate\(([-\d.e]+)\)/.exec(transform);
      if (!match || Number(match[2]) === 0) continue;
      const [, x, angle] = match;
      text.removeAttribute('dominant-baseline');
      text.removeAttribute('alignment-baseline');
      text.setAttribute('text-anchor', 'end');
      // 10 = tick length + label padding (Mermaid's defaults); 0.35em centres the glyphs on the line.
      const size = Number(text.getAttribute('font-size')) || 14;
      text.setAttribute('transform', `translate(${x}, ${(axisY + 10).toFixed(2)}) rotate(${angle}) translate(0, ${(size * 0.35).toFixed(2)})`);
    }
  }

  function fitViewBoxToContent(svg: SVGSVGElement): void {
    // The xychart legend's width is measured before the theme font applies,
    // so long persona names ran past the right edge ("Elena and Luca, growing
    // fam…"), and slanted step names past the bottom. Mermaid has no legend
    // wrapping or width option (11.17): widen the picture to what was drawn.
    const view = svg.viewBox.baseVal;
    if (!view || view.width === 0) return;
    const drawn = svg.getBBox();
    const pad = 8;
    const x = drawn.x < view.x ? drawn.x - pad : view.x;
    const y = drawn.y < view.y ? drawn.y - pad : view.y;
    const right = Math.max(view.x + view.width, drawn.x + drawn.width > view.x + view.width ? drawn.x + drawn.width + pad : 0);
    const bottom = Math.max(view.y + view.height, drawn.y + drawn.height > view.y + view.height ? drawn.y + drawn.height + pad : 0);
    if (x === view.x && y === view.y && right === view.x + view.width && bottom === view.y + view.height) return;
    const width = right - x;
    const height = bottom - y;
    svg.setAttribute('viewBox', `${x.toFixed(2)} ${y.toFixed(2)} ${width.toFixed(2)} ${height.toFixed(2)}`);
    if (svg.style.maxWidth) svg.style.maxWidth = `${width.toFixed(2)}px`;
    if (/^[\d.]+$/.test(svg.getAttribute('width') ?? '')) svg.setAttribute('width', width.toFixed(2));
    if (/^[\d.]+$/.test(svg.getAttribute('height') ?? '')) svg.setAttribute('height', height.toFixed(2));
    for (const background of Array.from(svg.querySelectorAll(':scope > g.main > rect.background'))) {
      for (const [key, value] of Object.entries({ x, y, width, height })) background.setAttribute(key, value.toFixed(2));
    }
  }

  function measure(text: SVGTextElement, tspan: SVGTSpanElement, content: string): number {
    tspan.textContent = content;
    return text.getComputedTextLength();
  }

  function breakLongWord(text: SVGTextElement, tspan: SVGTSpanElement, word: string, width: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    for (const char of Array.from(word)) {
      if (piece !== '' && measure(text, tspan, piece + char) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    if (piece !== '') pieces.push(piece);
    return pieces;
  }

  function wrapWords(text: SVGTextElement, tspan: SVGTSpanElement, content: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of content.split(/\s+/).filter((w) => w !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (measure(text, tspan, candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = measure(text, tspan, word) > width ? breakLongWord(text, tspan, word, width) : [word];
      line = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  function ellipsise(text: SVGTextElement, tspan: SVGTSpanElement, line: string, width: number): string {
    let chars = Array.from(line);
    while (chars.length > 0 && measure(text, tspan, `${chars.join('')}…`) > width) chars = chars.slice(0, -1);
    return `${chars.join('')}…`;
  }

  function wrapJourneyText(text: SVGTextElement, box: SVGRectElement): void {
    // Journey 'tspan' placement never wraps (only 'fo' does): long task names
    // run across the neighbouring boxes. Wrap to the box, shrinking the font
    // before cutting, and keep the full text in a <title>.
    const tspan = text.querySelector('tspan');
    const content = text.textContent ?? '';
    if (!tspan || text.querySelectorAll('tspan').length !== 1) return;
    // Generous padding: renderers without Chromium's fonts fall back to wider ones (DejaVu Sans).
    const width = Number(box.getAttribute('width')) - 16;
    const height = Number(box.getAttribute('height')) - 4;
    if (!(width > 0) || text.getComputedTextLength() <= width) return;
    const baseSize = parseFloat(text.style.fontSize) || 14;
    let lines: string[] = [];
    let size = baseSize;
    for (const scale of [1, 0.86, 0.72]) {
      size = baseSize * scale;
      text.style.fontSize = `${size}px`;
      lines = wrapWords(text, tspan, content, width);
      if (lines.length * size * 1.15 <= height) break;
    }
    const maxLines = Math.max(1, Math.floor(height / (size * 1.15)));
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      lines[maxLines - 1] = ellipsise(text, tspan, lines[maxLines - 1], width);
    }
    const x = tspan.getAttribute('x') ?? text.getAttribute('x') ?? '0';
    text.replaceChildren();
    lines.forEach((line, index) => {
      const row = document.createElementNS(SVG_NS, 'tspan');
      row.setAttribute('x', x);
      row.setAttribute('dy', `${index === 0 ? (-(lines.length - 1) / 2) * 1.15 : 1.15}em`);
      row.textContent = line;
      text.appendChild(row);
    });
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = content;
    text.appendChild(title);
  }

  function fixJourneyText(svg: Element): void {
    for (const text of Array.from(svg.querySelectorAll<SVGTextElement>('text.task, text.journey-section'))) {
      const group = text.parentElement;
      const box = group?.querySelector<SVGRectElement>(':scope > rect');
      const siblings = group?.querySelectorAll(':scope > text').length ?? 0;
      // Several <text> per box means the label had <br> lines, already laid out by Mermaid.
      if (box && siblings === 1) wrapJourneyText(text, box);
    }
  }

  function bakeBaselines(svg: Element): void {
    // xychart places axis labels with dominant-baseline="text-before-edge",
    // which rsvg 2.54 (Debian 12) ignores: labels sit on the axis and the
    // rotated y title falls off the left edge. Measure the shift Chromium
    // applies and write it as a plain translate instead.
    for (const text of Array.from(svg.querySelectorAll<SVGTextElement>('text'))) {
      const baseline = text.getAttribute('dominant-baseline') ?? text.getAttribute('alignment-baseline');
      if (baseline === null) continue;
      const before = text.getBBox().y;
      text.removeAttribute('dominant-baseline');
      text.removeAttribute('alignment-baseline');
      const shift = before - text.getBBox().y;
      if (Math.abs(shift) < 0.01) continue;
      const transform = text.getAttribute('transform');
      text.setAttribute('transform', `${transform ? `${transform} ` : ''}translate(0, ${shift.toFixed(2)})`);
    }
  }

  function addBackground(svg: SVGSVGElement): void {
    // What mmdc does; a transparent SVG on a dark wiki theme is unreadable.
    svg.style.backgroundColor = 'white';
    if (!settings.portable) return;
    // Renderers outside a browser ignore CSS background on the root element.
    const box = svg.viewBox.baseVal;
    if (!box || box.width === 0) return;
    const rect = document.createElementNS(SVG_NS, 'rect');
    for (const [key, value] of Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height })) {
      rect.setAttribute(key, String(value));
    }
    rect.setAttribute('fill', 'white');
    svg.insertBefore(rect, svg.firstChild);
  }

  async function render(source: string, id: string): Promise<PageResult> {
    try {
      const { svg } = await mermaid.render(id, source, container);
      clearPage();
      // Parse into an inert document first: no handler runs, nothing loads.
      const inert = new DOMParser().parseFromString(svg, 'text/html').querySelector('svg');
      if (!inert) return { ok: false, error: 'Mermaid produced no <svg>' };
      sanitise(inert);
      const live = document.importNode(inert, true) as SVGSVGElement;
      container.appendChild(live);
      if (settings.portable) {
        fixPlainLabels(live);
        dropImportantFromInlineStyles(live);
        fixJourneyText(live);
        bakeBaselines(live);
      }
      if (live.getAttribute('aria-roledescription') === 'xychart') {
        anchorSlantedAxisLabels(live);
        fitViewBoxToContent(live);
      }
      dropNonXmlCharacters(live);
      addBackground(live);
      // XML, not HTML, serialisation: <br> in labels must become <br/> for a standalone .svg.
      return { ok: true, svg: new XMLSerializer().serializeToString(live) };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    } finally {
      clearPage();
    }
  }

  scope.cjmRender = render;
}

/**
 * Last line of defence, on the string: text may legitimately say
 * "javascript:" or "onerror=", and grep-based checks (ours and users') cannot
 * tell text from markup, so write those characters as references, which
 * render identically.
 */
export function neutraliseScriptLookalikes(svg: string): string {
  return svg
    .replace(/javascript:/gi, (match) => `${match.slice(0, -1)}&#58;`)
    .replace(/(^|[^\w:-])(on[a-z]+\s*)=/gi, '$1$2&#61;');
}

/** Why an SVG must not be written, or undefined when it is clean. */
export function svgHazard(svg: string, portable: boolean): string | undefined {
  if (/<script/i.test(svg)) return 'contains <script';
  if (/javascript:/i.test(svg)) return 'contains javascript:';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'contains an event-handler attribute';
  if (portable && /<foreignObject/i.test(svg)) return 'needs <foreignObject>, so it cannot be portable';
  return undefined;
}

function finishSvg(svg: string, portable: boolean): string {
  const clean = neutraliseScriptLookalikes(svg);
  const hazard = svgHazard(clean, portable);
  if (hazard !== undefined) throw new MermaidRenderError(`the rendered SVG ${hazard}; refusing to write it`);
  return clean;
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
  await page.evaluate(`(${installPageRenderer.toString()})(${JSON.stringify(settings)})`);
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
    const job = this.queue.then(() => this.renderNow(source, id));
    this.queue = job.catch(() => undefined);
    return job;
  }

  private async renderNow(source: string, id: string): Promise<string> {
    const evaluation = this.page.evaluate(
      (text, svgId) => (globalThis as unknown as { cjmRender(s: string, i: string): Promise<PageResult> }).cjmRender(text, svgId),
      source,
      id,
    );
    evaluation.catch(() => undefined); // observed below; after a timeout the page is closed under it
    let result: PageResult | typeof TIMED_OUT;
    try {
      result = await withTimeout(evaluation, this.timeoutMs);
    } catch (error) {
      await this.replacePage();
      throw new MermaidRenderError(`the page crashed while rendering this diagram: ${String(error)}`);
    }
    if (result === TIMED_OUT) {
      await this.replacePage();
      throw new MermaidRenderError(`rendering took longer than ${this.timeoutMs} ms`);
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
 * One browser, one page, mermaid loaded once (~1 s), then ~30 ms per diagram.
 * Throws BrowserNotFoundError (one-line message, exit 2) when no browser exists.
 */
export async function createSvgRenderer(options: SvgRendererOptions = {}): Promise<SvgRenderer> {
  const browserPath = requireBrowser(options.browserPath);
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
