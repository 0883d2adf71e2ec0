import { listWords } from './words.js';

/**
 * Characters that word processors put where YAML expects plain ASCII: they look
 * right on screen, but YAML reads them as ordinary letters, so `−2` is text, not
 * a number, and `“a: b”` is not a quoted string. Messages name them with their
 * code, since nobody can tell them apart by eye.
 */
interface Lookalike {
  char: string;
  /** e.g. U+2212 */
  code: string;
  name: string;
  /** What to type instead. */
  ascii: string;
  /** What YAML would have read the ASCII character as. */
  role: 'minus sign' | 'quote' | 'space';
}

const LOOKALIKES: readonly Lookalike[] = [
  { char: '\u2212', code: 'U+2212', name: 'typographic minus', ascii: '-', role: 'minus sign' },
  // Word's AutoCorrect turns " - 2" into " – 2".
  { char: '\u2013', code: 'U+2013', name: 'en dash', ascii: '-', role: 'minus sign' },
  { char: '\u201C', code: 'U+201C', name: 'typographic quote', ascii: '"', role: 'quote' },
  { char: '\u201D', code: 'U+201D', name: 'typographic quote', ascii: '"', role: 'quote' },
  { char: '\u2018', code: 'U+2018', name: 'typographic quote', ascii: "'", role: 'quote' },
  { char: '\u2019', code: 'U+2019', name: 'typographic quote', ascii: "'", role: 'quote' },
  { char: '\u00A0', code: 'U+00A0', name: 'non-breaking space', ascii: ' ', role: 'space' },
  { char: '\u202F', code: 'U+202F', name: 'narrow non-breaking space', ascii: ' ', role: 'space' },
];

const BY_CHAR = new Map(LOOKALIKES.map((lookalike) => [lookalike.char, lookalike]));

export const SMART_QUOTES = '\u201C\u201D\u2018\u2019';
export const LOOKALIKE_SPACES = '\u00A0\u202F';

export function lookalikeOf(char: string): Lookalike | undefined {
  return BY_CHAR.get(char);
}

/** The distinct look-alike characters in `text`, in order of appearance. */
export function lookalikesIn(text: string): Lookalike[] {
  const found = new Map<string, Lookalike>();
  for (const char of text) {
    const lookalike = BY_CHAR.get(char);
    if (lookalike) found.set(char, lookalike);
  }
  return [...found.values()];
}

/** `text` with every look-alike replaced by its ASCII counterpart. */
export function toAscii(text: string): string {
  let out = '';
  for (const char of text) out += BY_CHAR.get(char)?.ascii ?? char;
  return out;
}

/**
 * Names the characters for a message: "a typographic minus (U+2212)", or
 * "typographic quotes (U+201C, U+201D)" for several of one kind.
 */
export function nameLookalikes(found: readonly Lookalike[]): string {
  const byName = new Map<string, string[]>();
  for (const lookalike of found) byName.set(lookalike.name, [...(byName.get(lookalike.name) ?? []), lookalike.code]);
  const parts = [...byName].map(([name, codes]) => (codes.length === 1 ? `${article(name)} ${name} (${codes[0]})` : `${name}s (${codes.join(', ')})`));
  return listWords(parts);
}

/** "a typographic minus (U+2212), which YAML does not read as a minus sign" */
export function describeLookalikes(found: readonly Lookalike[]): string {
  const roles = [...new Set(found.map((lookalike) => lookalike.role))].map((role) => (found.filter((l) => l.role === role).length > 1 ? `${role}s` : `${article(role)} ${role}`));
  return `${nameLookalikes(found)}, which YAML does not read as ${listWords(roles).replace(/ and /g, ' or ')}`;
}

function article(name: string): string {
  return /^[aeiou]/.test(name) ? 'an' : 'a';
}
