import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlExact } from '../../src/load/parse.js';
import { applyEdits, offsetBeforeEdits } from '../../src/load/syntax/cause.js';
import { explainYamlErrors, reparseBudget, type YamlError } from '../../src/load/syntax/index.js';
import { ROOT } from '../helpers/cli.js';

const EXAMPLES = join(ROOT, 'examples');
const TEXTS = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.journey.yaml'))
  .sort()
  .map((name) => readFileSync(join(EXAMPLES, name), 'utf8'));

function yamlErrors(text: string): YamlError[] {
  const [document] = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: true }) as ReturnType<typeof parseAllDocuments> & unknown[];
  return (document?.errors ?? []).map((error) => ({ code: error.code, start: error.pos[0], end: error.pos[1], message: error.message }));
}

const syntaxProblems = (text: string) => parseYamlExact(text, DEFAULT_LIMITS).problems.filter((problem) => problem.code === 'yaml-syntax' || problem.code === 'duplicate-key');

describe('edits', () => {
  it('apply in any order and map offsets back', () => {
    const edits = [
      { start: 6, end: 6, insert: '"' },
      { start: 0, end: 1, insert: '    ' },
    ];
    expect(applyEdits('\ttitle: a', edits)).toBe('    title": a');
    expect(applyEdits('\ttitle: a', [{ start: 0, end: 0, insert: '\n' }])).toBeUndefined();
    expect(offsetBeforeEdits(4, edits)).toBe(1); // the `t` after the expanded tab
    expect(offsetBeforeEdits(2, edits)).toBe(0); // inside the inserted spaces
  });
});

describe('explainYamlErrors', () => {
  it('reports at most 10 causes, the first ones', () => {
    const text = Array.from({ length: 14 }, (_, i) => `k${i}: a: b`).join('\n');
    const problems = syntaxProblems(text);
    expect(problems).toHaveLength(10);
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('names every line of one tab habit in one finding', () => {
    const text = 'stages:\n  - id: a\n\tname: A\n  - id: b\n\tname: B\n';
    expect(syntaxProblems(text).map(({ line, column, message }) => `${line}:${column} ${message}`)).toEqual([
      '3:1 YAML indents with spaces, not tabs: replace the tab at line 3, column 1 with 4 spaces; line 5 also indents with a tab',
    ]);
  });

  it('re-parses a big broken file within its budget', () => {
    const line = '  - { id: x, name: "a long enough name to make the file big" }\n';
    const text = `stages:\n${line.repeat(Math.ceil(800_000 / line.length))}title: a: b\n`;
    let parsed = 0;
    const causes = explainYamlErrors(text, yamlErrors(text), (repaired) => {
      parsed += repaired.length;
      return yamlErrors(repaired);
    });
    expect(causes).toHaveLength(1);
    expect(parsed).toBeLessThanOrEqual(reparseBudget(text.length));
    expect(reparseBudget(text.length)).toBe(4 * text.length);
  });

  it('falls back to the parser words, without the position it appends, for an error it cannot explain', () => {
    const [problem] = syntaxProblems('a: !!binary *x\n');
    expect(problem.message).not.toMatch(/at line \d+/);
  });
});

describe('on random slips in the examples (fast-check, fixed seed)', () => {
  const slips: ((line: string) => string)[] = [
    (line) => `\t${line.trimStart()}`,
    (line) => ` ${line}`,
    (line) => line.slice(1),
    (line) => `  ${line}`,
    (line) => line.replace('- ', '  '),
    (line) => line.replace('- ', ''),
    (line) => line.replace(': ', ':'),
    (line) => line.replace(': ', ': "'),
    (line) => line.replace(': ', ':\u00A0'),
    (line) => line.replace(/: (\w+)/, ': $1: x'),
    (line) => `${line}:`,
    (line) => line.replace(']', ''),
    (line) => line.replace(': ', ' '),
    (line) => line.replace(/: (.+)$/, ': \u201C$1\u201D'),
  ];
  const slipped = fc
    .record({ text: fc.constantFrom(...TEXTS), edits: fc.array(fc.tuple(fc.nat(), fc.nat({ max: slips.length - 1 })), { minLength: 1, maxLength: 3 }) })
    .map(({ text, edits }) => {
      const lines = text.split('\n');
      for (const [at, slip] of edits) lines[at % lines.length] = slips[slip](lines[at % lines.length]);
      return lines.join('\n');
    });

  it('report syntax problems exactly when the parser finds errors, at most 10, inside the file, in plain words', () => {
    fc.assert(
      fc.property(slipped, (text) => {
        const problems = syntaxProblems(text);
        expect(problems.length > 0).toBe(yamlErrors(text).length > 0);
        expect(problems.length).toBeLessThanOrEqual(10);
        const lines = text.split('\n');
        for (const problem of problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines.length);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeLessThanOrEqual(lines[problem.line - 1].length + 1);
          expect(problem.message).not.toMatch(/ at line \d+, column \d+:?$/);
        }
        expect(syntaxProblems(text)).toEqual(problems);
      }),
      { seed: 20261122, numRuns: 50 },
    );
  });
});
