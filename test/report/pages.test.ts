import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.js';
import { catalogForJourney } from '../../src/load/catalog.js';
import { openWorkspace } from '../../src/load/workspace.js';
import { pageDiagramSources, MERMAID_BLOCK_LIMIT } from '../../src/report/index.js';
import { renderIndexPage } from '../../src/report/index-page.js';
import { renderJourneyPage, type ReportJourney } from '../../src/report/journey-page.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const GOLDEN = join(FIXTURES, 'report/goldens');
const HOSTILE = join(FIXTURES, 'report/hostile/hostile.journey.yaml');

async function load(paths: string[], config: string | false): Promise<ReportJourney[]> {
  const run = await lintFiles(paths, { cwd: ROOT, config, now: NOW, keepJourneys: true });
  const workspace = await openWorkspace({ cwd: ROOT, config });
  return run.files.map((file) => {
    expect(file.journey, `${file.file} is valid`).toBeDefined();
    return { file: file.file, journey: file.journey!, catalog: catalogForJourney(workspace.catalog, file.journey!), findings: file.findings };
  });
}

function page(item: ReportJourney): string {
  const diagrams = pageDiagramSources(item).map(({ kind, caption, source }) => ({ kind, caption, mermaid: source }));
  return renderJourneyPage(item, { now: NOW, diagrams });
}

describe('report pages of the examples', () => {
  it.each(['motor-claim', 'car-purchase-loop'])('%s.md matches its golden page', async (id) => {
    const [item] = await load([`examples/${id}.journey.yaml`], 'cjm.config.yaml');
    await expect(page(item)).toMatchFileSnapshot(join(GOLDEN, `${id}.md`));
  });

  it('index.md matches its golden page', async () => {
    const items = await load(['examples/motor-claim.journey.yaml', 'examples/car-purchase-loop.journey.yaml'], 'cjm.config.yaml');
    await expect(renderIndexPage(items, { now: NOW, skipped: [{ file: 'examples/broken.journey.yaml', reason: 'invalid (2 errors; run cjm validate)' }] })).toMatchFileSnapshot(
      join(GOLDEN, 'index.md'),
    );
  });

  it('splits a flow over 2,000 characters into one block per stage and keeps the others whole', async () => {
    const [item] = await load(['examples/car-purchase-loop.journey.yaml'], 'cjm.config.yaml');
    const sources = pageDiagramSources(item);
    const flows = sources.filter((source) => source.kind === 'flow');
    expect(flows.length).toBe(item.journey.stages.filter((stage) => stage.steps?.length).length);
    for (const flow of flows) expect(flow.source.length).toBeLessThanOrEqual(MERMAID_BLOCK_LIMIT);
    expect(sources.filter((source) => source.kind !== 'flow').map((source) => source.kind)).toEqual(['journey', 'emotion']);
  });
});

/** Markdown outside fenced code blocks (the Mermaid source is code, shown as text by any renderer that does not draw it). */
function outsideFences(markdown: string): string {
  return markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
}

/** Cells of a table row split at unescaped pipes. */
function cellCount(row: string): number {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/).length;
}

function tables(markdown: string): string[][] {
  const found: string[][] = [];
  let current: string[] | undefined;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      found.push(current);
      current = undefined;
    }
  }
  if (current) found.push(current);
  return found;
}

describe('a hostile journey', () => {
  it('cannot inject script, HTML or javascript: links, nor break a table', async () => {
    const items = await load([HOSTILE], false);
    const pages = [page(items[0]), renderIndexPage(items, { now: NOW })];
    for (const markdown of pages) {
      const prose = outsideFences(markdown);
      // cjm emits no HTML, and no user text keeps a `<`.
      expect(prose).not.toContain('<');
      expect(markdown).not.toMatch(/<script/i);
      const html = marked.parse(markdown, { gfm: true, headerIds: false, mangle: false });
      expect(html).not.toMatch(/<script|<img|<iframe|<svg|<marquee|<b>|<i>|<u>|<!--|<[^>]*\son\w+=/i);
      // Links go to the web (http/https) or to a page of the report.
      for (const href of html.matchAll(/(?:href|src)="([^"]*)"/gi)) expect(href[1]).toMatch(/^(https?:|[a-z0-9-]+\.md$)/);
      const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/gi)].map((match) => match[1].toLowerCase()));
      for (const tag of tags) expect(['h1', 'h2', 'h3', 'p', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td']).toContain(tag);
      for (const rows of tables(prose)) {
        const columns = cellCount(rows[0]);
        for (const row of rows) expect(cellCount(row), row).toBe(columns);
      }
      // Rendered, every row of every table has as many cells as its header.
      for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
        const header = (/<thead>([\s\S]*?)<\/thead>/.exec(table[1])![1].match(/<th/g) ?? []).length;
        for (const row of table[1].matchAll(/<tbody>[\s\S]*?<\/tbody>/g)) {
          for (const tr of row[0].matchAll(/<tr>([\s\S]*?)<\/tr>/g)) expect((tr[1].match(/<td/g) ?? []).length).toBe(header);
        }
      }
    }
  });

  it('shows bidi and zero-width characters instead of letting them act', async () => {
    const [item] = await load([HOSTILE], false);
    const markdown = outsideFences(page(item));
    expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
    expect(markdown).toContain('&lt;U+202E&gt;reversed&lt;U+202C&gt;');
    // U+FEFF is whitespace to JavaScript, so it folds to a space like a newline.
    expect(markdown).toContain('zero&lt;U+200B&gt;width and bidi &lt;U+2066&gt;isolate&lt;U+2069&gt;');
  });

  it('links only http(s) URLs from links:, and shows the others as text', async () => {
    const [item] = await load([HOSTILE], false);
    const markdown = page(item);
    expect(markdown).toContain('- [ok &#93; ) \\| link](https://example.com/a%28b%29%7Cc)');
    expect(markdown).toContain('- &lt;script&gt;x&lt;/script&gt; (mailto:x\\@example.com?subject=&lt;script&gt;alert(4)&lt;/script&gt;)');
    expect(markdown).toContain('- [data](https://example.com/%3Cscript%3Ealert%285%29%3C/script%3E%22onmouseover=alert%285%29)');
    expect(outsideFences(markdown)).not.toMatch(/(?<!\\)\]\((?!https?:)/);
  });
});
