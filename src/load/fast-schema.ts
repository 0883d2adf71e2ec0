import jsYaml from 'js-yaml';

/**
 * A js-yaml schema that resolves plain scalars exactly like `yaml`'s YAML 1.2
 * core schema (same regular expressions, same conversions). js-yaml's own
 * CORE_SCHEMA differs (it reads 0b101 as 5, allows signed hex...), and the two
 * parse paths must never read different data.
 */
/**
 * `firstChars` lists the characters a match can start with: most plain scalars
 * are words, and a character check is much cheaper than four regular expressions
 * (they were 3% of a lint run before this check).
 */
const scalar = (tag: string, firstChars: string, test: RegExp, construct: (text: string) => unknown) =>
  new jsYaml.Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => text !== null && (text === '' ? test.test(text) : firstChars.includes(text[0]) && test.test(text)),
    construct: (text: string | null) => construct(text ?? ''),
  });

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

function constructInt(text: string): number {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  return parseInt(text, 10);
}

function constructFloat(text: string): number {
  if (FLOAT_SPECIAL.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  return parseFloat(text);
}

export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', '~nN', NULL, () => null),
    scalar('bool', 'tTfF', BOOL, (text) => text[0] === 't' || text[0] === 'T'),
    scalar('int', '+-0123456789', new RegExp(`${INT_OCT.source}|${INT_DEC.source}|${INT_HEX.source}`), constructInt),
    scalar('float', '+-.0123456789', new RegExp(`${FLOAT_SPECIAL.source}|${FLOAT_EXP.source}|${FLOAT.source}`), constructFloat),
  ],
});
