import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJourneyText } from '../../src/fmt/index.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYaml, parseYamlExact } from '../../src/load/parse.js';
import { decode } from '../../src/load/read.js';

/**
 * Issue 12, item 12: one parser truth. The fast path (js-yaml) and the exact
 * path (`yaml`) read every file to the same values at the same lines, whatever
 * its line endings (LF, CRLF, CR alone), byte order mark and escape forms; and
 * fmt's output reads back to the same values.
 */
const DOUBLE_ESCAPES = ['\\n', '\\t', '\\\\', '\\"', '\\/', '\\x41', '\\u00e9', '\\U0001F600', '\\0', '\\e', '\\_', '\\N', '\\L', '\\P', '\\ ', '\\a', '\\b', '\\r'];
const word = fc.stringMatching(/^[a-z][a-z0-9 ]{0,8}[a-z0-9]$/);
const text = fc.array(fc.oneof(word, fc.constantFrom('é', '👩‍👩‍👧', ' ', "'", '#', ': ', ' - ')), { maxLength: 5 }).map((parts) => parts.join(''));

/** A scalar in one of YAML's forms, written as it would be in the file (before line endings are chosen). */
const scalar = fc.oneof(
  word,
  fc.array(fc.oneof(text.map((t) => t.replace(/["\\]/g, '')), fc.constantFrom(...DOUBLE_ESCAPES)), { maxLength: 6 }).map((parts) => `"${parts.join('')}"`),
  text.map((t) => `'${t.replace(/'/g, "''")}'`),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((lines) => `|\n${lines.map((line) => `  ${line}`).join('\n')}`),
  fc.array(word, { minLength: 1, maxLength: 3 }).map((lines) => `>-\n${lines.map((line) => `  ${line}`).join('\n')}`),
  // Quoted over several lines, the continuation indented or not (js-yaml accepts both, the spec only the first).
  fc.tuple(word, word, fc.constantFrom('', '  '), fc.constantFrom('"', "'")).map(([a, b, indent, quote]) => `${quote}${a}\n${indent}${b}${quote}`),
);

const documentText = fc
  .uniqueArray(
    fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/).filter((key) => key !== 'cjm'),
    { minLength: 1, maxLength: 6 },
  )
  .chain((keys) => fc.tuple(fc.constant(keys), fc.array(scalar, { minLength: keys.length, maxLength: keys.length })))
  .map(([keys, values]) => `${keys.map((key, index) => `${key}: ${values[index]}`).join('\n')}\n`);

const ending = fc.constantFrom('\n', '\r\n', '\r');

function withEnding(lf: string, eol: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode(`${bom ? '\ufeff' : ''}${lf.replace(/\n/g, eol)}`);
}

describe('one parser truth', () => {
  it('fast and exact paths agree on values and lines, for LF, CRLF and CR files with or without a BOM', () => {
    fc.assert(
      fc.property(documentText, ending, fc.boolean(), (lf, eol, bom) => {
        const read = decode(withEnding(lf, eol, bom));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const reference = parseYamlExact(lf, DEFAULT_LIMITS);
        const exact = parseYamlExact(read.text, DEFAULT_LIMITS);
        const fast = parseYaml(read.text, DEFAULT_LIMITS, 'eager');
        const errors = (parsed: typeof exact) => parsed.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.code);
        expect(errors(fast)).toEqual(errors(exact));
        expect(errors(exact)).toEqual(errors(reference));
        if (errors(exact).length > 0) return;
        expect(fast.data).toEqual(exact.data);
        expect(exact.data).toEqual(reference.data);
        for (const key of Object.keys(exact.data as object)) {
          expect(fast.positions().locate([key]).line, key).toBe(exact.positions().locate([key]).line);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('fmt writes text that reads back to the same values', () => {
    fc.assert(
      fc.property(documentText, ending, (lf, eol) => {
        const read = decode(withEnding(`cjm: 1\n${lf}`, eol, false));
        if (!read.ok) return;
        const before = parseYamlExact(read.text, DEFAULT_LIMITS);
        const formatted = formatJourneyText(read.text.replace(/\r\n/g, '\n'), DEFAULT_LIMITS);
        if (!formatted.ok) {
          expect(before.problems.some((problem) => problem.severity === 'error')).toBe(true);
          return;
        }
        expect(parseYaml(formatted.output, DEFAULT_LIMITS).data).toEqual(before.data);
      }),
      { numRuns: 200 },
    );
  });

  it("the issue's CR-only file reads as the LF file does, and a quoted CR is a line break in every command", () => {
    const cr = decode(new TextEncoder().encode('cjm: 1\rid: cr\rtitle: T\rstages:\r  - id: a\r    name: A\r'));
    const lf = 'cjm: 1\nid: cr\ntitle: T\nstages:\n  - id: a\n    name: A\n';
    expect(cr).toMatchObject({ ok: true, text: lf, loneCr: true });
    expect(parseYaml('stages:\r  - id: a\r', DEFAULT_LIMITS, 'eager').positions().locate(['stages', 0, 'id']).line).toBe(2);
    const quoted = 'title: "x\ry"\n';
    expect(parseYaml(quoted, DEFAULT_LIMITS).data).toEqual(parseYamlExact(quoted, DEFAULT_LIMITS).data);
  });
});
