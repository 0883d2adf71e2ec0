/**
 * Code that runs inside the Chromium page, not in Node. Every function below
 * except pageScript is sent to the page as text (toString), so each must be
 * self-contained: no imports, no module-level constants or helpers, only what
 * its own body declares (types are erased, so type imports are fine). The
 * factories each return one group of fixes; pageScript() wires them into
 * installPageRenderer as arguments, so nothing is added to the page's globals
 * but cjmRender.
 */

export const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="container"></div></body></html>';

export interface PageSettings {
  config: Record<string, unknown>;
  portable: boolean;
}

export type PageResult = { ok: true; svg: string } | { ok: false; error: string };

/** The function installPageRenderer puts on the page's globalThis. */
export type PageRender = (source: string, id: string) => Promise<PageResult>;

interface DomSanitiser {
  /** Removes elements and attributes that could run script or fetch something, and comments. */
  sanitise(root: Element): void;
  dropNonXmlCharacters(root: Element): void;
}

interface PlainLabelFixes {
  fixPlainLabels(svg: Element): void;
}

interface JourneyTextFixes {
  fixJourneyText(svg: Element): void;
}

/** Workarounds for rsvg 2.54 (Debian 12), the renderer --portable is checked against. */
interface RsvgFixes {
  dropImportantFromInlineStyles(svg: Element): void;
  bakeBaselines(svg: Element): void;
}

interface XyChartFixes {
  anchorSlantedAxisLabels(svg: Element): void;
  fitViewBoxToContent(svg: SVGSVGElement): void;
}

interface PageFixes {
  sanitiser: DomSanitiser;
  plainLabels: PlainLabelFixes;
  journeyText: JourneyTextFixes;
  rsvg: RsvgFixes;
  xyChart: XyChartFixes;
}

/** The script that installs globalThis.cjmRender in a page where globalThis.mermaid is loaded. */
export function pageScript(settings: PageSettings): string {
  const fixes = [
    `sanitiser: (${createDomSanitiser.toString()})()`,
    `plainLabels: (${createPlainLabelFixes.toString()})()`,
    `journeyText: (${createJourneyTextFixes.toString()})()`,
    `rsvg: (${createRsvgFixes.toString()})()`,
    `xyChart: (${createXyChartFixes.toString()})()`,
  ];
  return `(${installPageRenderer.toString()})(${JSON.stringify(settings)}, { ${fixes.join(', ')} })`;
}

/** In the page: installs globalThis.cjmRender, which renders one diagram and applies the fixes. */
function installPageRenderer(settings: PageSettings, fixes: PageFixes): void {
  const scope = globalThis as unknown as {
    mermaid: {
      initialize(config: unknown): void;
      render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
    };
    cjmRender?: PageRender;
  };
  const mermaid = scope.mermaid;
  mermaid.initialize(settings.config);
  const container = document.getElementById('container') as HTMLElement;
  const SVG_NS = 'http://www.w3.org/2000/svg';

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
      fixes.sanitiser.sanitise(inert);
      const live = document.importNode(inert, true) as SVGSVGElement;
      container.appendChild(live);
      if (settings.portable) {
        fixes.plainLabels.fixPlainLabels(live);
        fixes.rsvg.dropImportantFromInlineStyles(live);
        fixes.journeyText.fixJourneyText(live);
        fixes.rsvg.bakeBaselines(live);
      }
      if (live.getAttribute('aria-roledescription') === 'xychart') {
        fixes.xyChart.anchorSlantedAxisLabels(live);
        fixes.xyChart.fitViewBoxToContent(live);
      }
      fixes.sanitiser.dropNonXmlCharacters(live);
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

/** In the page: removes what could run or load anything, and characters XML forbids. */
function createDomSanitiser(): DomSanitiser {
  const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background']);
  // SMIL <set>/<animate> can rewrite an href to javascript: after sanitising; Mermaid never emits them.
  const BLOCKED_ELEMENTS = 'script, iframe, frame, object, embed, applet, base, link, meta, set, animate';

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

  return { sanitise, dropNonXmlCharacters };
}

/** In the page: entity codes and spaces in portable (non-HTML) labels. */
function createPlainLabelFixes(): PlainLabelFixes {
  const XML_NS = 'http://www.w3.org/XML/1998/namespace';

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

  return { fixPlainLabels };
}

/** In the page: wraps portable journey text to its box. */
function createJourneyTextFixes(): JourneyTextFixes {
  const SVG_NS = 'http://www.w3.org/2000/svg';

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

  return { fixJourneyText };
}

/** In the page: markup rsvg 2.54 misreads, rewritten to what it draws correctly. */
function createRsvgFixes(): RsvgFixes {
  function dropImportantFromInlineStyles(svg: Element): void {
    // Mermaid copies classDef styles into style="stroke-dasharray:6 3 !important";
    // rsvg 2.54 ignores that declaration (dropoff hotspots lose their dashes).
    // An inline style outranks the stylesheet anyway, and the stylesheet's own
    // !important rules from the same classDef carry the same values.
    for (const element of Array.from(svg.querySelectorAll('[style*="!important"]'))) {
      element.setAttribute('style', (element.getAttribute('style') ?? '').replace(/\s*!important/g, ''));
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

  return { dropImportantFromInlineStyles, bakeBaselines };
}

/** In the page: keeps xychart axis labels and legends readable and inside the picture. */
function createXyChartFixes(): XyChartFixes {
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

  return { anchorSlantedAxisLabels, fitViewBoxToContent };
}
