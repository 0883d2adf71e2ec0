import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/load/limits.js';
import { parseYaml, parseYamlExact } from '../src/load/parse.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

const text = [
  'cjm: 1', //                       line 1
  'id: claim', //                    line 2
  'stages:', //                      line 3
  '  - id: report', //               line 4
  '    name: Report', //             line 5
  '    steps:', //                   line 6
  '      - { id: open, name: Open, emotion: -1 }', // line 7
  '      - id: upload', //           line 8
  '        owner:', //               line 9
].join('\n');

describe('positions at the end of a file', () => {
  it.each([
    ['a final line break', 'cjm: 1\nid: x\ntitle: [unclosed\n'],
    ['a final CRLF', 'cjm: 1\r\nid: x\r\ntitle: [unclosed\r\n'],
    ['no final line break', 'cjm: 1\nid: x\ntitle: [unclosed'],
  ])('a syntax error at the end of a 3-line file with %s points into line 3, not at the line after', (_, source) => {
    const { problems } = parseYamlExact(source, DEFAULT_LIMITS);
    expect(problems.map(({ code, line, endLine }) => ({ code, line, endLine }))).toEqual([{ code: 'yaml-syntax', line: 3, endLine: 3 }]);
  });

  it.each([
    ['a final line break', 'cjm: 1\nid: x\ntitle: T\n', { line: 3, column: 9 }],
    ['a final CRLF', 'cjm: 1\r\nid: x\r\ntitle: T\r\n', { line: 3, column: 9 }],
    ['no final line break', 'cjm: 1\nid: x\ntitle: T', { line: 3, column: 9 }],
    ['an empty last line the file does have', 'cjm: 1\nid: x\ntitle: T\n\n', { line: 4, column: 1 }],
  ])('a range at the very end of a file with %s is clamped to its last line', (_, source, end) => {
    const positions = parseYaml(source, DEFAULT_LIMITS).positions() as unknown as { rangeToPosition(start: number, end: number): { line: number; column: number } };
    expect(positions.rangeToPosition(source.length, source.length)).toMatchObject(end);
  });
});

describe('SourcePositions.locate (1-based)', () => {
  const positions = parseYaml(text, DEFAULT_LIMITS).positions();

  it('points at a value', () => {
    expect(positions.locate(['id'])).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 10 });
  });

  it('points at a key when asked', () => {
    expect(positions.locate(['stages', 0, 'name'], 'key')).toMatchObject({ line: 5, column: 5 });
  });

  it('finds values inside flow mappings', () => {
    expect(positions.locate(['stages', 0, 'steps', 0, 'emotion'])).toMatchObject({ line: 7, column: 42 });
  });

  it('points at the key when the value is empty', () => {
    expect(positions.locate(['stages', 0, 'steps', 1, 'owner'])).toMatchObject({ line: 9, column: 9 });
  });

  it('falls back to the nearest existing parent for a missing key', () => {
    expect(positions.locate(['stages', 0, 'steps', 1, 'emotion'])).toMatchObject({ line: 8, column: 9 });
    // No stage 5: the `stages` key itself.
    expect(positions.locate(['stages', 5, 'owner'])).toMatchObject({ line: 3, column: 1 });
  });

  it('is lazy on the fast path and gives the same answers as the exact path', () => {
    const fast = parseYaml(text, DEFAULT_LIMITS);
    expect(fast.problems).toEqual([]);
    expect(fast.positions().locate(['stages', 0, 'id'])).toMatchObject({ line: 4, column: 9 });
  });
});

describe('fast (js-yaml events) and exact (yaml Document) positions agree', () => {
  function allPaths(data: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    out.push(prefix);
    if (Array.isArray(data)) data.forEach((item, i) => allPaths(item, [...prefix, i], out));
    else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) allPaths(value, [...prefix, key], out);
    return out;
  }

  function expectSamePositions(text: string) {
    const fast = parseYaml(text, DEFAULT_LIMITS);
    const eager = parseYaml(text, DEFAULT_LIMITS, 'eager');
    const exact = parseYamlExact(text, DEFAULT_LIMITS);
    if (exact.problems.length > 0 || fast.problems.length > 0) return;
    expect(eager.data).toEqual(fast.data);
    for (const path of [...allPaths(exact.data), ['nope'], ['stages', 99, 'x']]) {
      for (const target of ['value', 'key'] as const) {
        const expected = { path, target, at: exact.positions().locate(path, target) };
        expect({ path, target, at: fast.positions().locate(path, target) }).toEqual(expected);
        expect({ path, target, at: eager.positions().locate(path, target) }).toEqual(expected);
      }
    }
  }

  it('on every example journey', () => {
    for (const name of readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml'))) expectSamePositions(readFileSync(join(EXAMPLES, name), 'utf8'));
  });

  it('on hand-written tricky layouts', () => {
    expectSamePositions(text);
    expectSamePositions('a:   # comment\n  b: 1\nc: { d, e: ~, f: }\ng:\n  - - x\n    - y\n  -\n    h: |\n      block\n      text\n\ni: "q"   # trailing\nj: [1, [2, 3], {k: v}]\n');
    expectSamePositions('key: value\nempty:\nnull: ~\nlist:\n- a\n- b\n');
  });

  it('on generated documents', () => {
    const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k.trim() === k && !/[#:?\-[\]{},&*!|>'"%@`]/.test(k));
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), fc.constantFrom('block', 'flow', 'mixed'), (doc, style) => {
        const options = style === 'flow' ? { collectionStyle: 'flow' as const } : style === 'mixed' ? { flowCollectionPadding: false, indentSeq: false } : undefined;
        expectSamePositions(stringify(doc, options));
      }),
      { numRuns: 200 },
    );
  });
});
