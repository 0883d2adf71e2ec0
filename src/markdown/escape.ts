/**
 * Makes what people type inert in the markdown cjm writes: the pages of
 * `cjm report` and the pull-request comments of `cjm diff --format markdown`.
 *
 * Both are read on GitHub, GitLab, Backstage TechDocs and wikis whose
 * renderers differ (some pass raw HTML through), so no user text may become
 * HTML, a link, an image, a heading, a fence or a table break anywhere. cjm
 * itself emits no HTML at all: folded newlines become spaces, never `<br>`.
 *
 * - `escapeInline`: one line of text (table cells, list items, headings).
 *   Markdown-significant ASCII punctuation is backslash-escaped, `<`, `>`,
 *   `&`, `[` and `]` become entities, and line-start syntax (`-`, `+`, `1.`) is escaped at
 *   the start too, since a list item's text is itself parsed as blocks
 *   (`- # x` is a heading inside the item).
 * - `escapeBlock`: free text whose format allows markdown (descriptions). It
 *   keeps paragraphs, lists, emphasis and code spans, and neutralises HTML,
 *   links (bare URLs too), images, reference definitions, headings and fences
 *   (an unclosed fence would swallow the rest of the page).
 * - `markdownLink`: a link only when the URL is http(s); otherwise the title
 *   and the URL as escaped text.
 *
 * Emoji shortcodes (`:x:`) are left alone: GitHub replaces them in the
 * rendered text, after markdown escapes are gone, and they cannot carry script.
 */

/** Line breaks of every kind JavaScript or a markdown renderer may honour, plus other whitespace runs. */
const WHITESPACE_RUN = /[\s\u0085]+/g;

/**
 * Characters that change how text around them is displayed without being
 * seen: bidi embeddings, overrides and isolates (the "Trojan Source" set) and
 * the marks. They are shown as a visible `<U+202E>` so a label cannot reorder
 * the rest of a table row or hide what it says.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Invisible characters with no job in a label: zero-width space, word joiner,
 * BOM, soft hyphen, the invisible operators. Shown visibly like bidi controls.
 * ZWJ and ZWNJ (U+200C, U+200D) stay: emoji sequences and Persian or Indic
 * spellings need them.
 */
const INVISIBLES = /[\u00ad\u180e\u200b\u2060-\u2064\ufeff]/g;

/** C0 and C1 controls other than whitespace (which folding already turned into spaces). */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * ASCII punctuation escaped with a backslash wherever it appears in a line:
 * emphasis, code, links, tables, strikethrough, GitHub math (`$`), headings
 * and references (`#`), mentions and e-mail autolinks (`@`), and the escape
 * character itself.
 */
const INLINE_SPECIAL = /[\\`*_|~#$@]/g;

/** The same, minus what a description may use on purpose: emphasis, code spans and tables. */
const BLOCK_SPECIAL = /[\\#$@]/g;

/** Block syntax that only counts at the start of a line: bullets, ordered-list numbers, setext and thematic breaks. */
const LINE_START = /^([-+=]|\d+(?=[.)]))/;

/** Folds a user string to the one line it is shown as: whitespace runs to one space, controls dropped, ends trimmed. */
export function foldText(text: string): string {
  return text.replace(CONTROLS, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Invisible formatting characters made visible as `<U+XXXX>` (escaped later like any `<`). */
function revealInvisibles(text: string): string {
  const reveal = (char: string): string => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
  return text.replace(BIDI_CONTROLS, reveal).replace(INVISIBLES, reveal);
}

/**
 * What a reader sees of a user string in a page: folded to one line, with
 * invisible formatting characters revealed. `escapeInline(text)` renders to
 * exactly this text.
 */
export function visibleText(text: string): string {
  return revealInvisibles(foldText(text));
}

/**
 * `<`, `>` and `&` as entities, and `[`, `]` too: marked 4 re-parses the text
 * of a link, so `\[x\](javascript:...)` inside a cjm link to a page became a
 * second, live link there. An entity is never markup in any renderer.
 */
function escapeEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\[/g, '&#91;').replace(/\]/g, '&#93;');
}

/**
 * GFM renderers turn bare `http://...`, `www....` and e-mail addresses in
 * text into links. A page links only what `links:` declares as http(s), so
 * these are broken with an escape that does not show: `\://` and `www\.`
 * (the `@` of e-mail addresses is escaped with the other specials).
 */
function breakAutolinks(text: string): string {
  return text.replace(/:(?=\/\/)/g, '\\:').replace(/(www)\./gi, '$1\\.');
}

/** One line of user text, safe in a table cell, a list item, a heading or a paragraph. */
export function escapeInline(text: string): string {
  const escaped = escapeEntities(breakAutolinks(visibleText(text).replace(INLINE_SPECIAL, (char) => `\\${char}`)));
  return escaped.replace(LINE_START, (start) => (/\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** escapeInline, or a dash for a missing or blank value: an empty table cell reads as "forgot to fill in". */
export function cellText(text: string | undefined, empty = '—'): string {
  const escaped = text === undefined ? '' : escapeInline(text);
  return escaped === '' ? empty : escaped;
}

/**
 * Free text that may hold markdown (a description): paragraphs, lists,
 * **emphasis** and `code` survive; HTML, links (bare URLs too), images,
 * footnotes, headings, fences and math do not.
 */
export function escapeBlock(text: string): string {
  const lines = text.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n').split('\n');
  const out = lines.map((line) => {
    const clean = revealInvisibles(line.replace(CONTROLS, '').replace(/\t/g, '    ').replace(/[ \t]+$/, ''));
    let escaped = escapeEntities(breakAutolinks(clean.replace(BLOCK_SPECIAL, (char) => `\\${char}`)));
    // A fence opener (``` or ~~~ after up to 3 spaces) would swallow the rest of the page when left open.
    escaped = escaped.replace(/^(\s*)(`{3,}|~{3,})/, (_, indent: string, fence: string) => `${indent}${fence.replace(/./g, '\\$&')}`);
    // `===` or `---` under a line makes it a heading; a line of `***`/`___`/`---` is a rule. Escape the first mark.
    escaped = escaped.replace(/^(\s*)([=\-*_])(?=[\s=\-*_]*$)/, '$1\\$2');
    return escaped;
  });
  return collapseBlankLines(out).join('\n').trim();
}

function collapseBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line.trim() === '' ? '' : line);
  }
  return out;
}

/** A code span for ids and file names, safe in a table cell (GitHub ends a cell at `|` even inside code). */
export function codeSpan(value: string): string {
  const clean = revealInvisibles(foldText(value));
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** True for URLs a page may link to: http and https only (no javascript:, data:, file:, ...). */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A URL as a markdown link destination: the WHATWG serialisation (which
 * percent-encodes spaces, quotes and angle brackets), then the characters
 * that still end a destination or a table cell percent-encoded too.
 */
function linkDestination(url: string): string {
  return new URL(url).href.replace(/[()|\\[\]<>"'`* _~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[title](url)` for an http(s) URL; otherwise `title (url)` as plain escaped text. */
export function markdownLink(title: string, url: string): string {
  const text = cellText(title, escapeInline(url) || 'link');
  if (!isWebUrl(url)) return `${text} (${escapeInline(url)})`;
  return `[${text}](${linkDestination(url)})`;
}

/** A table row; each cell must already be escaped. */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A whole table: header, alignment row, body. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right' | 'center')[]): string {
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : align?.[i] === 'center' ? ':---:' : '---'));
  return [tableRow(header), tableRow(rule), ...rows.map(tableRow)].join('\n');
}

/** A fence longer than any backtick run inside, so the content cannot close it. */
export function fencedBlock(info: string, content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${content.replace(/\n+$/, '')}\n${fence}`;
}
