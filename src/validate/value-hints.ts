import { describeLookalikes, lookalikesIn, SMART_QUOTES, toAscii } from '../util/lookalikes.js';

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** YAML 1.1 booleans, which YAML 1.2 (and cjm) read as text. */
const OLD_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['no', false],
  ['on', true],
  ['off', false],
  ['y', true],
  ['n', false],
]);

/**
 * Why a value that looks right to a person is not what YAML read, and what to
 * type instead: a number with a typographic minus or in quotes, `yes` for true,
 * an id in smart quotes, a mapping where a list needs `- `. `expected` lists the
 * types the schema accepts there (Zod's names: number, int, boolean, array...).
 */
export function valueHint(value: unknown, expected: readonly string[]): string | undefined {
  if (typeof value === 'string') return textHint(value, expected);
  if (expected.includes('array') && value !== null && typeof value === 'object' && !Array.isArray(value)) return 'start each item of the list with `- `';
  return undefined;
}

/** For a key that is not allowed: only what a look-alike character explains. */
export function keyHint(key: string): string | undefined {
  const found = lookalikesIn(key);
  if (found.length === 0) return undefined;
  const typed = { quote: 'straight quotes', space: 'plain spaces', 'minus sign': 'a plain -' };
  return `it has ${describeLookalikes(found)}: type ${[...new Set(found.map((lookalike) => typed[lookalike.role]))].join(' and ')} instead`;
}

function textHint(text: string, expected: readonly string[]): string | undefined {
  const found = lookalikesIn(text);
  if (found.length > 0) return `it has ${describeLookalikes(found)}: write ${withoutSmartQuotes(text)}`;
  const trimmed = text.trim();
  if (expected.some((type) => type === 'number' || type === 'int') && NUMBER.test(trimmed)) return `the quotes make it text: write ${trimmed} without quotes`;
  const old = OLD_BOOLEANS.get(trimmed.toLowerCase());
  if (expected.includes('boolean') && old !== undefined) return `YAML reads ${trimmed} as text: write ${old}`;
  return undefined;
}

/** The text as meant: look-alikes typed in ASCII, typographic quotes around it dropped. */
function withoutSmartQuotes(text: string): string {
  let inner = text.trim();
  if (inner.length > 1 && SMART_QUOTES.includes(inner[0]) && SMART_QUOTES.includes(inner[inner.length - 1])) inner = inner.slice(1, -1);
  return toAscii(inner).trim();
}
