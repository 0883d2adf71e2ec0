import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/load/limits.js';
import { parseYaml } from '../src/load/parse.js';

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
