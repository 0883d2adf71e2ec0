/**
 * Turns what people type into text that Mermaid 11 (measured on 11.17) shows
 * as typed, in every diagram cjm generates.
 *
 * Two steps:
 * 1. Folding (`foldLabel`): every run of whitespace (JavaScript `\s`: newlines,
 *    tabs, no-break and other Unicode spaces, U+2028/2029, U+FEFF) becomes one
 *    space, and the ends are trimmed. Mermaid lines end at a newline, and
 *    diagrams collapse runs of spaces anyway. Bidi controls are dropped.
 * 2. Escaping (`escapeMermaidText`): letters, digits, marks, non-ASCII
 *    punctuation and symbols, the space and a short list of ASCII punctuation
 *    measured safe in journey tasks, sections, actors, flowchart and xychart
 *    quoted strings stay as they are; everything else becomes Mermaid's entity
 *    code `#<decimal>;`, which Mermaid turns into an HTML character reference
 *    when it draws the diagram.
 *
 * Measured hazards (raw character -> what Mermaid 11 does):
 * - journey: `:` in a task shifts the score and actors (silently wrong), `;`,
 *   `#` and newlines are parse errors, `#` in a section cuts it short, `,` in an
 *   actor splits it, a task starting with `title ` or `accTitle:` becomes the
 *   title, one starting with `section ` or `journey` is a parse error; `%%`
 *   anywhere after another character starts a comment.
 * - flowchart: `"` ends the quoted label, `|` ends an edge label, a label that
 *   starts with a backtick is a markdown string, `&lt;` typed raw is shown as
 *   `<` (the browser decodes it).
 * - xychart: `"` cannot be escaped with a backslash; `&`, `<`, `>` show as
 *   `&amp;`, `&lt;`, `&gt;` when raw but as themselves when entity-coded.
 * - everywhere: `%%{...}%%` is a directive even in the middle of a label;
 *   bidi controls and zero-width characters are invisible in the source;
 *   Mermaid's own entity placeholders `ﬂ°°58¶ß` typed raw are drawn as `:`
 *   (its decodeEntities replaces `ﬂ°°`, `ﬂ°` and `¶ß`), so `ﬂ` and `¶` are coded.
 */

/** ASCII punctuation that passes through every context above unchanged. */
const SAFE_ASCII = new Set(Array.from(" .-_'()/!?+*@$~^=[]"));

/** Non-ASCII letters, marks, digits, punctuation and symbols: no Mermaid lexer treats them specially. */
const SAFE_NON_ASCII = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** U+FB02 and U+00B6 start and end Mermaid's internal entity placeholders. */
const PLACEHOLDER_CHARS = new Set(['\ufb02', '\u00b6']);

/** Task or section text the journey lexer would read as a keyword (case-insensitive). */
const JOURNEY_KEYWORD_START = /^(?:journey|title|section|acc)/i;

/**
 * Where the text goes:
 * - 'quoted': a flowchart or xychart "quoted string". `,` stays; `:` stays when
 *   a space follows (Mermaid's preprocessor drops the last `;` of any line
 *   matching `style.*:\S*#.*;`, which would cut an entity code after "style:").
 * - 'journey': a journey title, section or task: `:` is always coded.
 * - 'actor': a journey actor: `:` and `,` are coded.
 */
type TextContext = 'quoted' | 'journey' | 'actor';

/**
 * Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069)
 * are dropped: Mermaid decodes their entity codes back into real controls, and
 * an override in a label reorders what the diagram shows (a spoofing vector).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function foldLabel(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

function isSafe(char: string, code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || SAFE_ASCII.has(char);
  return SAFE_NON_ASCII.test(char) && !PLACEHOLDER_CHARS.has(char);
}

function entity(code: number): string {
  return `#${code};`;
}

function keepsRaw(chars: readonly string[], index: number, context: TextContext): boolean {
  const char = chars[index];
  switch (char) {
    case ',':
      return context !== 'actor';
    case ':':
      return context === 'quoted' && chars[index + 1] === ' ';
    case '%':
      // "%%" starts a comment (or with "{" a directive) anywhere; "%" starts one at the start of a token.
      return index > 0 && chars[index - 1] !== '%' && chars[index + 1] !== '%';
    default:
      return isSafe(char, char.codePointAt(0)!);
  }
}

/** Folds and escapes text for a Mermaid label (see TextContext). */
export function escapeMermaidText(text: string, context: TextContext = 'quoted'): string {
  const chars = Array.from(foldLabel(text));
  let out = '';
  for (let index = 0; index < chars.length; index++) {
    out += keepsRaw(chars, index, context) ? chars[index] : entity(chars[index].codePointAt(0)!);
  }
  return out;
}

/**
 * Folds and escapes a journey task, section or title ('journey' context), and
 * codes the first letter of a leading keyword (`title`, `section`, `journey`,
 * `accTitle`...) so the lexer sees text, not a keyword.
 */
export function escapeJourneyText(text: string): string {
  const escaped = escapeMermaidText(text, 'journey');
  if (!JOURNEY_KEYWORD_START.test(escaped)) return escaped;
  return entity(escaped.codePointAt(0)!) + escaped.slice(1);
}

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Decodes Mermaid entity codes (`#58;`, `#quot;`) back into characters, the way
 * the drawn diagram shows them. Mermaid's parser keeps them as placeholders
 * (`ﬂ°°58¶ß`, `ﬂ°quot¶ß`); those are decoded too, so a test can read labels
 * straight from a parsed diagram. Unknown names are left as they are.
 */
export function decodeMermaidEntities(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, '#$1;')
    .replace(/ﬂ°(\w+)¶ß/g, '#$1;')
    .replace(/#(\d+);|#([A-Za-z]+);/g, (whole, decimal: string | undefined, name: string | undefined) => {
      if (decimal !== undefined) {
        const code = Number(decimal);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[name!] ?? whole;
    });
}
