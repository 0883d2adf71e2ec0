import fc from 'fast-check';
import { parse as parseWithYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYaml, parseYamlExact } from '../../src/load/parse.js';

const limits = DEFAULT_LIMITS;

function problemsOf(text: string) {
  return parseYaml(text, limits).problems.map(({ code, line, column, message }) => ({ code, line, column, message }));
}

describe('parseYaml: bad input gives one clear problem with its position', () => {
  it('malformed YAML', () => {
    const [problem] = problemsOf('cjm: 1\nstages:\n  - id: a\n   name: x\n');
    expect(problem).toMatchObject({ code: 'yaml-syntax', line: 4 });
  });

  it('an unclosed flow sequence', () => {
    expect(problemsOf('tags: [a, b\nid: x\n')[0].code).toBe('yaml-syntax');
  });

  it('a duplicate key, at the second key', () => {
    const [problem] = problemsOf('cjm: 1\nid: a\nid: b\n');
    expect(problem).toMatchObject({ code: 'duplicate-key', line: 3, column: 1 });
    expect(problem.message).toBe('`id` is already set on line 2 of this mapping; a key may appear only once: remove one of the two');
  });

  it('an alias bomb (billion laughs) is refused, not expanded', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [problem] = problemsOf(lines.join('\n'));
    expect(problem.code).toBe('alias-limit');
  }, 20_000);

  it('nesting thousands of levels deep, twice in one process (the second used to abort Node)', () => {
    for (const text of ['['.repeat(5000) + ']'.repeat(5000), 'a:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n'), '- '.repeat(4000) + 'x']) {
      const [problem] = problemsOf(text);
      expect(problem.code).toBe('too-deep');
      expect(problem.line).toBeGreaterThanOrEqual(1);
    }
  });

  it('an empty file, and one with only comments', () => {
    expect(problemsOf('')[0].code).toBe('empty-file');
    expect(problemsOf('# nothing here\n\n')[0].code).toBe('empty-file');
  });

  it('a multi-document file points at the second document marker', () => {
    const [problem] = problemsOf('cjm: 1\n---\ncjm: 1\n');
    expect(problem).toMatchObject({ code: 'multi-document', line: 2, column: 1 });
  });

  it('a custom tag stays inert text and is reported as a warning', () => {
    const parsed = parseYaml('title: !!js/function "function () { return 1 }"\n', limits);
    expect(parsed.data).toEqual({ title: 'function () { return 1 }' });
    expect(parsed.problems.map((p) => [p.code, p.severity])).toEqual([['yaml-warning', 'warn']]);
  });

  it('reads dates as text, not Date objects (YAML 1.2 core schema on both paths)', () => {
    expect(parseYaml('reviewed: 2026-09-30\n', limits).data).toEqual({ reviewed: '2026-09-30' });
    expect(parseYamlExact('reviewed: 2026-09-30\n', limits).data).toEqual({ reviewed: '2026-09-30' });
  });
});

describe('fast and exact paths read the same data', () => {
  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom('yes', 'no', 'on', 'off', 'null', '~', 'true', 'True', 'FALSE', '012', '0o17', '0x1F', '1e3', '.inf', '-.Inf', '.nan', '2026-09-30', '12:30', '- x', '#x', 'a: b', '"q"', "'s'"),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 4 })),
  })).node;

  it('on generated documents in block and flow styles', async () => {
    const { stringify } = await import('yaml');
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tree, { minKeys: 1, maxKeys: 5 }), fc.boolean(), (doc, flow) => {
        const text = stringify(doc, flow ? { collectionStyle: 'flow' } : undefined);
        const fast = parseYaml(text, limits);
        const exact = parseYamlExact(text, limits);
        expect(fast.problems.filter((p) => p.severity === 'error')).toEqual(exact.problems.filter((p) => p.severity === 'error'));
        expect(fast.data).toEqual(exact.data);
        if (exact.problems.length === 0) expect(exact.data).toEqual(parseWithYaml(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on hand-written scalars that YAML 1.1 and 1.2 read differently', () => {
    const text = ['a: yes', 'b: 012', 'c: 0o17', 'd: 1_000', 'e: 0b101', 'f: .5', 'g: +12', 'h: 1:30', 'i: ~', 'j: Null', 'k: "x"', "l: 'y'", 'm: -.inf', 'n: 0x1A'].join('\n');
    expect(parseYaml(text, limits).data).toEqual(parseYamlExact(text, limits).data);
  });
});

describe('the nesting pre-scan', () => {
  it('does not count keys inside a long flow mapping as levels', () => {
    const keys = Array.from({ length: 120 }, (_, i) => `k${i}: ${i}`).join(', ');
    const parsed = parseYamlExact(`stages:\n  - { ${keys} }\n`, DEFAULT_LIMITS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toMatchObject({ stages: [{ k0: 0, k119: 119 }] });
  });
});
