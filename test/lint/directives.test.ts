import { describe, expect, it } from 'vitest';
import { parseDirectives, Suppressions } from '../../src/lint/directives.js';

function suppressionsOf(text: string) {
  return new Suppressions(parseDirectives(text), text);
}

describe('parseDirectives', () => {
  it('reads kind, rule ids (spaces or commas), reason and the comment position', () => {
    const comments = ['# cjm-disable-next-line stage-kpi, kpi-target -- measured elsewhere', '#cjm-disable', '# cjm-enable stage-owner', '# cjm-disable-file stale-review'];
    const text = ['cjm: 1', `  ${comments[0]}  `, 'id: a', ...comments.slice(1)].join('\n');
    // endColumn is exclusive, like every finding's: the column just after the comment.
    expect(parseDirectives(text)).toEqual([
      { kind: 'disable-next-line', line: 2, column: 3, endColumn: 3 + comments[0].length, ruleIds: ['stage-kpi', 'kpi-target'], reason: 'measured elsewhere' },
      { kind: 'disable', line: 4, column: 1, endColumn: 1 + comments[1].length, ruleIds: [] },
      { kind: 'enable', line: 5, column: 1, endColumn: 1 + comments[2].length, ruleIds: ['stage-owner'] },
      { kind: 'disable-file', line: 6, column: 1, endColumn: 1 + comments[3].length, ruleIds: ['stale-review'] },
    ]);
  });

  it('ignores trailing comments, look-alikes and directives inside values', () => {
    const text = ['owner: ops # cjm-disable stage-owner', '# cjm-disabled stage-owner', 'note: "# cjm-disable"', '# see cjm-disable docs'].join('\n');
    expect(parseDirectives(text)).toEqual([]);
  });

  it('handles CRLF line ends and a reason with no ids', () => {
    expect(parseDirectives('a: 1\r\n# cjm-disable-next-line -- all of them\r\nb: 2\r\n')).toEqual([
      { kind: 'disable-next-line', line: 2, column: 1, endColumn: 1 + '# cjm-disable-next-line -- all of them'.length, ruleIds: [], reason: 'all of them' },
    ]);
  });
});

describe('Suppressions', () => {
  it('disable-next-line covers the next line holding YAML, skipping comments and blank lines', () => {
    const s = suppressionsOf(['# cjm-disable-next-line stage-owner', '', '# why', '- id: one', '- id: two'].join('\n'));
    expect(s.suppresses('stage-owner', 4)).toBe(true);
    expect(s.suppresses('stage-owner', 5)).toBe(false);
    expect(s.suppresses('stage-kpi', 4)).toBe(false);
  });

  it('disable-next-line with no ids covers every rule on that line', () => {
    const s = suppressionsOf('# cjm-disable-next-line\nid: a\n');
    expect(s.suppresses('stage-kpi', 2)).toBe(true);
    expect(s.suppresses('stale-review', 2)).toBe(true);
  });

  it('disable ... enable is a block; enable without ids ends every block', () => {
    const s = suppressionsOf(['a: 1', '# cjm-disable stage-kpi', 'b: 2', '# cjm-enable', 'c: 3'].join('\n'));
    expect(s.suppresses('stage-kpi', 1)).toBe(false);
    expect(s.suppresses('stage-kpi', 3)).toBe(true);
    expect(s.suppresses('stage-kpi', 5)).toBe(false);
  });

  it('disable before the first key covers the whole file; cjm-enable of one rule inside an every-rule block', () => {
    const s = suppressionsOf(['# cjm-disable', 'a: 1', '# cjm-enable stage-owner', 'b: 2', 'c: 3'].join('\n'));
    expect(s.suppresses('stage-owner', 2)).toBe(true);
    expect(s.suppresses('stage-kpi', 4)).toBe(true);
    expect(s.suppresses('stage-owner', 4)).toBe(false);
    expect(s.suppresses('stage-kpi', 999)).toBe(true);
  });

  it('disable-file covers every line, even above it, and cjm-enable does not end it', () => {
    const s = suppressionsOf(['a: 1', '# cjm-disable-file stale-review', '# cjm-enable', 'b: 2'].join('\n'));
    expect(s.suppresses('stale-review', 1)).toBe(true);
    expect(s.suppresses('stale-review', 4)).toBe(true);
    expect(s.suppresses('stage-kpi', 1)).toBe(false);
  });

  it('lists directives, and each named rule of them, that suppressed nothing', () => {
    const s = suppressionsOf(['# cjm-disable-next-line stage-kpi kpi-target', 'a: 1', '# cjm-disable-next-line', 'b: 2', '# cjm-disable-next-line', ''].join('\n'));
    expect(s.suppresses('stage-kpi', 2)).toBe(true);
    const unused = s.unused().map(({ directive, ruleId }) => `${directive.line}:${ruleId ?? '*'}`);
    expect(unused).toEqual(['1:kpi-target', '3:*', '5:*']);
  });
});
