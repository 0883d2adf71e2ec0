import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  codeSpan,
  escapeBlock,
  escapeInline,
  fencedBlock,
  isWebUrl,
  markdownLink,
  table,
  visibleText,
} from '../../src/markdown/escape.js';

/** The HTML a GFM renderer makes of markdown; marked passes raw HTML through, so anything that survives escaping shows. */
function render(markdown: string): string {
  return marked.parse(markdown, { gfm: true, headerIds: false, mangle: false });
}

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|#39);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    if (named[entity.toLowerCase()]) return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/** The cells of the first body row of a rendered one-column table, or undefined when no table came out. */
function bodyCells(html: string): string[] | undefined {
  const body = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(html);
  if (!body) return /<table>/.test(html) ? [] : undefined;
  return [...body[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1]);
}

const hostileChar = fc.constantFrom(
  ...'|\\`*_[]()<>#!-+=~$@&:;"\'.\n\r\t 0123456789abcXYZ'.split(''),
  '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028', '\u0085', '\u0000', '\u001b', 'é', '😀', '<script>', 'javascript:', 'http://', 'www.', '&lt;', '```',
);
const hostileString = fc.array(hostileChar, { maxLength: 30 }).map((parts) => parts.join(''));

describe('escapeInline', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['line\nbreak\r\nand\rmore', 'line break and more'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['12. list', '12\\. list'],
    ['> quote', '&gt; quote'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['[x](javascript:alert(1))', '&#91;x&#93;(javascript:alert(1))'],
    ['![img](http://x/y.png)', '!&#91;img&#93;(http\\://x/y.png)'],
    ['`code` and *em* _em_ ~~del~~', '\\`code\\` and \\*em\\* \\_em\\_ \\~\\~del\\~\\~'],
    ['&amp; stays typed', '&amp;amp; stays typed'],
    ['$5 to $10', '\\$5 to \\$10'],
    ['mail a@b.com', 'mail a\\@b.com'],
    ['\u202eevil', '&lt;U+202E&gt;evil'],
    ['zero\u200bwidth', 'zero&lt;U+200B&gt;width'],
    ['see https://example.com/a_b or www.example.com', 'see https\\://example.com/a\\_b or www\\.example.com'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it('keeps a table cell one cell, one line, free of HTML, and shows exactly what was typed (property)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        const cell = escapeInline(text);
        expect(cell).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
        expect(cell).not.toContain('<');
        // Every | is escaped: preceded by an odd number of backslashes.
        for (const match of cell.matchAll(/(\\*)\|/g)) expect(match[1].length % 2).toBe(1);
        const html = render(table(['h'], [[cell]]));
        const cells = bodyCells(html);
        expect(cells).toBeDefined();
        expect(cells!.length).toBeLessThanOrEqual(1);
        const shown = cells!.length === 0 ? '' : cells![0];
        // No tag at all: not even an autolink, since pages link only what `links:` declares.
        expect(shown).not.toMatch(/<[a-z/!?]/i);
        expect(decodeEntities(shown)).toBe(visibleText(text));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('escapeBlock', () => {
  it('keeps emphasis, code spans and lists, and neutralises HTML, links, headings and fences', () => {
    const html = render(escapeBlock('Hello **bold** and `code`\n\n# not a heading\n- item\n<b>x</b> [l](javascript:alert(1)) ![i](http://x) https://example.com www.example.com\n```js\nopen fence'));
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>');
    expect(html).not.toMatch(/<h1|<b>|<a |<img|<pre/);
    expect(html).toContain('https://example.com www.example.com');
    expect(html).toContain('# not a heading');
  });

  it('lets no HTML, link or fence through for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileString, fc.constantFrom('\n', '\n\n', '    ', '```', '~~~', '---', '===')), { maxLength: 12 }), (parts) => {
        const markdown = `${escapeBlock(parts.join(''))}\n\nAFTER`;
        const html = render(markdown);
        const tags = [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((match) => match[1].toLowerCase());
        // No `a`: a page links only what `links:` declares, never a URL typed into a description.
        const allowed = new Set(['p', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 'pre']);
        for (const tag of tags) expect(allowed.has(tag), `tag <${tag}> in ${html}`).toBe(true);
        // Whatever the text did, the page goes on after it as a paragraph of its own.
        expect(html).toMatch(/<p>AFTER<\/p>\s*$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('links and code', () => {
  it('links only http(s) URLs', () => {
    expect(isWebUrl('https://example.com')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('data:text/html,<script>')).toBe(false);
    expect(markdownLink('Dashboard', 'https://example.com/a(b)|c d')).toBe('[Dashboard](https://example.com/a%28b%29%7Cc%20d)');
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x (javascript:alert(1))');
    expect(render(markdownLink('[evil](javascript:x)', 'JAVASCRIPT:alert(1)'))).not.toMatch(/href/);
  });

  it('keeps user text inside link text inert, even where a renderer re-parses link text (marked 4)', () => {
    const html = render(`[${escapeInline('a [x](javascript:alert(1)) ![i](javascript:y)')}](page.md)`);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(['page.md']);
    expect(html).not.toMatch(/<img/);
  });

  it('fences a block longer than any backtick run inside', () => {
    expect(fencedBlock('mermaid', 'a ``` b\n```` c')).toBe('`````mermaid\na ``` b\n```` c\n`````');
  });

  it('makes code spans that survive backticks and pipes', () => {
    expect(codeSpan('a`b|c')).toBe('``a`b\\|c``');
    expect(cellText(undefined)).toBe('—');
    expect(cellText('  \n ')).toBe('—');
  });
});
