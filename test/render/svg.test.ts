import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserLaunchError, BrowserNotFoundError, findBrowser, lookupBrowser } from '../../src/render/browser/chromium.js';
import {
  createSvgRenderer,
  MermaidRenderError,
  renderSvgBatch,
  type SvgRenderer,
} from '../../src/render/browser/svg.js';
import { escapeJourneyText, escapeMermaidText } from '../../src/render/mermaid/escape.js';

const lookup = lookupBrowser();
const browser = lookup.found ? lookup.path : undefined;
const NO_BROWSER = lookup.found ? '' : lookup.message;
if (!browser) console.warn(`SVG rendering tests SKIPPED: ${NO_BROWSER}`);
/** Shown in the test name, so a skip is visible in every reporter, not only in the console. */
const needsBrowser = browser ? '' : ` [skipped: ${NO_BROWSER}]`;

const journey = [
  'journey',
  '  title Buy a bike #58; online',
  '  section Discover',
  '    Search the shop: 4: Ana, Ben',
  '    Compare many models across several very long pages of specifications: 2: Ana',
  '  section Buy',
  '    Pay: 1: Ben',
].join('\n');

const flowchart = [
  'flowchart LR',
  '  subgraph s1["Stage #58; one"]',
  '    n1["Search #quot;bike#quot; #35;1"]',
  '    n2["Compare"]',
  '  end',
  '  n1 -->|"yes #124; 80%"| n2',
  '  n2 --> n3["Pay"]',
  '  classDef pain fill:#fdd,stroke:#c00',
  '  class n2 pain',
].join('\n');

const xychart = [
  'xychart-beta',
  '  title "Emotion"',
  '  x-axis ["Search", "Compare", "Pay"]',
  '  y-axis "Emotion" -2 --> 2',
  '  line [1, -1, 2]',
].join('\n');

const broken = 'flowchart LR\n  n1["a"] -->';

/** Text content, as a reader of the picture sees it. */
function visibleText(svg: string): string {
  return svg
    .replace(/<style[^]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/**
 * The text of every label as a reader sees it, from the SVG parsed as XML (so
 * a character XML forbids fails here): an HTML label's text; a plain label's
 * rows joined with the space Mermaid broke them at; a journey task cjm wrapped
 * itself carries its full text in a <title>.
 */
function labelTexts(svg: string): string[] {
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
  const labels: string[] = [];
  for (const object of Array.from(doc.getElementsByTagName('foreignObject'))) labels.push(object.textContent ?? '');
  for (const text of Array.from(doc.getElementsByTagName('text'))) {
    if (text.closest('foreignObject')) continue;
    const title = Array.from(text.children).find((child) => child.localName === 'title');
    const rows = Array.from(text.children).filter((child) => child.localName === 'tspan' && child.classList.contains('row'));
    if (title) labels.push(title.textContent ?? '');
    else if (rows.length > 0) labels.push(rows.map((row) => row.textContent ?? '').join(' '));
    else labels.push(text.textContent ?? '');
  }
  return labels;
}

/** Every printable ASCII character that needs care in Mermaid, a zero-width space and bidi controls. */
const TRICKY = 'Pay | ship <now> & "save" \'10%\' : ok; #1, `x` a\u200bb \u202eevil\u202c \u2066iso\u2069 &lt; &#58;';

function trickyFlowchart(label: string): string {
  const quoted = `"${escapeMermaidText(label)}"`;
  return `flowchart LR\n  subgraph s1[${quoted}]\n    n1[${quoted}]\n  end\n  n1 -->|${quoted}| n2["end"]`;
}

function trickyJourney(label: string): string {
  const text = escapeJourneyText(label);
  return `journey\n  title ${text}\n  section ${text}\n    ${text}: 3: ${escapeMermaidText(label, 'actor')}`;
}

/**
 * Short enough for an xychart legend, which Mermaid drops whole when an entry
 * does not fit; it measures the entry with its codes undecoded ("#124;").
 */
const TRICKY_SHORT = '| < > & " \' : ; # , % ` a\u200bb \u202ex\u202c';
/** What a diagram shows: bidi controls are dropped (foldLabel), everything else as typed. */
const shown = (label: string) => label.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');

function trickyXychart(label: string, lineName: string): string {
  const quote = (text: string): string => `"${escapeMermaidText(text)}"`;
  return `%%{init: {"xyChart": {"width": 1200}}}%%\nxychart-beta\n  title ${quote(label)}\n  x-axis [${quote(label)}, "b"]\n  y-axis "Emotion" -2 --> 2\n  line ${quote(lineName)} [1, 2]\n  line "other" [0, 1]`;
}

function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/javascript:/i);
  expect(svg).not.toMatch(/\bon[a-z]+\s*=/i);
}

describe('finding a browser', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjm-browser-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function fakeBrowser(name: string): string {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  }

  it('with none anywhere, says in one line how to get one', () => {
    const lookup = lookupBrowser(undefined, { PATH: dir }, []);
    expect(lookup.found).toBe(false);
    if (lookup.found) return;
    expect(lookup.message).not.toContain('\n');
    expect(lookup.message).toContain('apt-get install chromium');
    expect(lookup.message).toContain('--browser PATH');
    expect(lookup.message).toContain('PUPPETEER_EXECUTABLE_PATH');
  });

  it('tries --browser, then PUPPETEER_EXECUTABLE_PATH, then the usual names on PATH', () => {
    const onPath = fakeBrowser('google-chrome-stable');
    const fromEnv = fakeBrowser('env-chrome');
    const explicit = fakeBrowser('my-chrome');
    expect(lookupBrowser(undefined, { PATH: dir }, [])).toEqual({ found: true, path: onPath, source: 'system' });
    expect(lookupBrowser(undefined, { PATH: dir, PUPPETEER_EXECUTABLE_PATH: fromEnv }, [])).toMatchObject({ path: fromEnv });
    expect(lookupBrowser(explicit, { PATH: dir, PUPPETEER_EXECUTABLE_PATH: fromEnv }, [])).toMatchObject({ path: explicit });
    expect(findBrowser(explicit)).toBe(explicit);
    expect(findBrowser(join(dir, 'missing'))).toBeUndefined();
  });

  it('does not fall back when the named browser is missing', () => {
    fakeBrowser('chromium');
    const lookup = lookupBrowser(join(dir, 'nope'), { PATH: dir }, []);
    expect(lookup).toMatchObject({ found: false, message: expect.stringContaining(`--browser ${join(dir, 'nope')}`) });
  });

  it('reports a binary that will not start as BrowserLaunchError, in one line, leaving no profile behind', async () => {
    const broken = join(dir, 'broken-chrome');
    writeFileSync(broken, '#!/bin/sh\necho "no display" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('cjm-chromium-')).length;
    const error = await createSvgRenderer({ browserPath: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserLaunchError);
    expect((error as Error).message).toMatch(new RegExp(`^could not start ${broken}: `));
    expect((error as Error).message).not.toContain('\n');
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('cjm-chromium-')).length).toBe(before);
  });

  it('createSvgRenderer rejects with BrowserNotFoundError (exit code 2) before starting anything', async () => {
    const error = await createSvgRenderer({ browserPath: join(dir, 'missing-chrome') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).exitCode).toBe(2);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe.skipIf(!browser)(`SVG rendering with one browser and one page${needsBrowser}`, () => {
  let renderer: SvgRenderer;
  beforeAll(async () => {
    renderer = await createSvgRenderer({ portable: true });
  });
  afterAll(async () => {
    await renderer?.close();
  });

  async function renderAll(sources: string[]): Promise<({ svg: string } | { error: string })[]> {
    return Promise.all(
      sources.map((source) =>
        renderer.render(source).then(
          (svg) => ({ svg }),
          (error: unknown) => {
            if (!(error instanceof MermaidRenderError)) throw error;
            return { error: error.message };
          },
        ),
      ),
    );
  }

  it('renders a journey, a flowchart and an xychart; a broken diagram fails alone', async () => {
    const [j, f, x, bad, after] = await renderAll([journey, flowchart, xychart, broken, flowchart]);
    for (const result of [j, f, x, after]) {
      expect(result).toHaveProperty('svg');
      const svg = (result as { svg: string }).svg;
      expect(svg).toMatch(/^<svg[\s>]/);
      expect(svg).not.toContain('foreignObject');
      expectInert(svg);
    }
    expect(bad).toEqual({ error: expect.stringMatching(/^Parse error on line 3:/) });
    // The page was cleaned after the failure: the same source renders to the same bytes.
    expect((after as { svg: string }).svg).toBe((f as { svg: string }).svg);
  });

  it('draws portable journey text as <text>/<tspan>, dark, wrapped to its box', async () => {
    const svg = await renderer.render(journey);
    expect(svg).toMatch(/<text[^>]*class="task"[^>]*><tspan[^>]*>Search the shop<\/tspan>/);
    expect(svg).toMatch(/text\.task,#[\w-]+ text\.journey-section\{fill:rgb\(51, 51, 51\);\}/);
    // The long task is split over several tspans and keeps its full text in a <title>.
    expect(svg).toContain('<title>Compare many models across several very long pages of specifications</title>');
    expect(visibleText(svg)).toContain('Buy a bike : online');
  });

  it('decodes Mermaid entity codes in portable flowchart labels as HTML labels would', async () => {
    const text = visibleText(await renderer.render(flowchart));
    expect(text).toContain('Stage : one');
    // Mermaid measures the undecoded "&quot;bike&quot;" for wrapping, so "#1" may land on a second row.
    expect(text).toContain('Search "bike"');
    expect(text).toContain('#1');
    expect(text).toContain('yes | 80%');
    expect(text).not.toContain('&#');
  });

  it('shows every Mermaid entity code as the character typed, also when a long word is cut inside a code', async () => {
    const long = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa|bbbbbbbbbbbbbbbbbbbbbb<>cccccccccccccccccccccc#8203;dddd\u200beeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee<>ffff"gg';
    const svg = await renderer.render(trickyFlowchart(long));
    // Mermaid breaks the long word by characters wherever it likes, so compare without the row breaks.
    const squeezed = labelTexts(svg).map((label) => label.replace(/ /g, ''));
    expect(squeezed.filter((label) => label === long)).toHaveLength(3);
    expect(svg).not.toMatch(/&amp;#\d/);
    // No row is left empty after a cut code is joined up.
    expect(svg).not.toMatch(/<tspan[^>]*class="text-outer-tspan row"[^>]*><\/tspan>/);
  });

  it('drops characters XML forbids, so the file still parses', async () => {
    const svg = await renderer.render(trickyFlowchart('bell\u0007 and \u0001 nul'));
    expect(labelTexts(svg)).toContain('bell and  nul');
  });

  it('keeps decoded markup as escaped text', async () => {
    const label = '<script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)';
    const svg = await renderer.render(trickyFlowchart(label));
    expectInert(svg);
    expect(labelTexts(svg)).toContain(label);
    expect(svg).toContain('&lt;script&gt;');
  });

  it('renders the same source to the same bytes, with a caller-chosen id', async () => {
    const a = await renderer.render(xychart, { id: 'emotion.ana' });
    const b = await renderer.render(xychart, { id: 'emotion.ana' });
    expect(a).toBe(b);
    expect(a).toContain('id="emotion-ana"');
  });

  it('keeps hostile labels inert, and a diagram cannot switch HTML labels back on', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<script>alert(1)</script>',
      '<svg onload=alert(1)>',
      'javascript:alert(1)',
      '#lt;script#gt;alert(1)#lt;/script#gt;',
    ].join(' ');
    const sources = [
      `%%{init: {"htmlLabels": true, "securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%\nflowchart LR\n  n1["${hostile}"] -->|"${hostile}"| n2["ok"]`,
      `journey\n  title ${hostile.replace(/[#;:]/g, ' ')}\n  section S\n    x onclick=alert(1): 3: Me`,
      `xychart-beta\n  title "${hostile.replace(/"/g, '')}"\n  x-axis ["a"]\n  line [1]`,
    ];
    const results = await renderAll(sources);
    for (const result of results) {
      if ('svg' in result) {
        expectInert(result.svg);
        expect(result.svg).not.toContain('foreignObject');
      } else {
        // Refusing a diagram is safe too, but say why.
        expect(result.error).toMatch(/\S/);
      }
    }
    expect(results.filter((r) => 'svg' in r).length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!browser)(`renderSvgBatch${needsBrowser}`, () => {
  it('renders a batch with HTML labels when not portable, one result per source', async () => {
    const results = await renderSvgBatch([journey, { source: flowchart, id: 'flow' }, broken, xychart]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    const svg = (results[1] as { svg: string }).svg;
    expect(svg).toContain('<foreignObject');
    expect(svg).toContain('id="flow"');
    // XML serialisation: a standalone .svg must not carry HTML-only <br>.
    expect(svg).not.toMatch(/<br>/);
    for (const result of results) if (result.ok) expectInert(result.svg);
  });

  it('gives up on a diagram that takes too long and carries on with a fresh page', async () => {
    // A tight limit for the big diagram only: the small one after it has the default, even on a loaded machine.
    const renderer = await createSvgRenderer({ portable: true });
    try {
      const huge = `flowchart LR\n${Array.from({ length: 450 }, (_, i) => `  n${i}["step ${i}"] --> n${i + 1}`).join('\n')}`;
      await expect(renderer.render(huge, { timeoutMs: 200 })).rejects.toThrow(/longer than 200 ms/);
      expect(await renderer.render('flowchart LR\n  n1["a"] --> n2["b"]')).toMatch(/^<svg/);
    } finally {
      await renderer.close();
    }
  });
});

describe.skipIf(!browser)(`labels show exactly what was typed${needsBrowser}`, () => {
  const renderers: Record<string, SvgRenderer> = {};
  beforeAll(async () => {
    renderers.portable = await createSvgRenderer({ portable: true });
    renderers.html = await createSvgRenderer({ portable: false });
  });
  afterAll(async () => {
    await Promise.all(Object.values(renderers).map((r) => r.close()));
  });

  for (const mode of ['portable', 'html']) {
    it(`in a flowchart node, edge and subgraph (${mode})`, async () => {
      const svg = await renderers[mode].render(trickyFlowchart(TRICKY));
      expectInert(svg);
      expect(labelTexts(svg).filter((label) => label === shown(TRICKY))).toHaveLength(3);
    });

    it(`in a journey title, section, task and actor (${mode})`, async () => {
      const svg = await renderers[mode].render(trickyJourney(TRICKY));
      expectInert(svg);
      // Title, section and task (in HTML mode each also has a measuring copy).
      expect(labelTexts(svg).filter((label) => label === shown(TRICKY)).length).toBeGreaterThanOrEqual(3);
      // Mermaid breaks the actor's legend entry over several <text> lines, at spaces.
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      const legend = Array.from(doc.querySelectorAll('text.legend')).map((text) => text.textContent);
      expect(legend.join(' ')).toBe(shown(TRICKY));
    });

    it(`in an xychart title, axis label and legend (${mode})`, async () => {
      const svg = await renderers[mode].render(trickyXychart(TRICKY, TRICKY_SHORT));
      expectInert(svg);
      const labels = labelTexts(svg);
      expect(labels.filter((label) => label === shown(TRICKY))).toHaveLength(2);
      expect(labels).toContain(shown(TRICKY_SHORT));
    });

    it(`keeps a long xychart legend entry, whole, inside the picture (${mode})`, async () => {
      const name = 'Elena and Luca, growing family with two small children';
      const svg = await renderers[mode].render(`xychart-beta\n  x-axis ["a", "b"]\n  line "${name}" [1, 2]\n  line "Marco" [0, 1]`);
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      const [left, , width] = (doc.documentElement.getAttribute('viewBox') ?? '').split(' ').map(Number);
      // At Mermaid's default plot share the legend is dropped whole for a name this long.
      const legend = Array.from(doc.querySelectorAll('g.legend text')).find((text) => text.textContent === name);
      expect(legend).toBeDefined();
      const x = Number(/translate\(([\d.]+)/.exec(legend!.getAttribute('transform') ?? '')?.[1]);
      // 6 px per character is below any sans-serif's average at 14 px.
      expect(left + width).toBeGreaterThan(x + name.length * 6);
    });
  }
});

describe.runIf(!browser && process.env.CJM_REQUIRE_BROWSER === '1')('CI that promised a browser', () => {
  it('has one', () => {
    expect.fail(`CJM_REQUIRE_BROWSER=1 but ${NO_BROWSER}`);
  });
});
