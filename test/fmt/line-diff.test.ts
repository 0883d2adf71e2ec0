import { applyPatch } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/fmt/line-diff.js';

const numbered = (count: number) => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe('unifiedDiff', () => {
  it('is empty when nothing changes', () => {
    expect(unifiedDiff('a.yaml', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('shows removals before additions, with three lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'old', 'f', 'g', 'h', 'i'].join('\n') + '\n';
    const after = ['a', 'b', 'c', 'd', 'e', 'new', 'f', 'g', 'h', 'i'].join('\n') + '\n';
    expect(unifiedDiff('a.yaml', before, after)).toBe(['--- a.yaml', '+++ a.yaml\t(formatted)', '@@ -3,7 +3,7 @@', ' c', ' d', ' e', '-old', '+new', ' f', ' g', ' h', ''].join('\n'));
  });

  it('splits changes far apart into separate hunks with correct line numbers', () => {
    const before = numbered(30);
    const after = before.map((line, index) => (index === 1 || index === 25 ? `${line} changed` : line));
    const diff = unifiedDiff('a.yaml', before.join('\n') + '\n', after.join('\n') + '\n');
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -23,7 +23,7 @@']);
  });

  it('shows a missing final newline the way git does', () => {
    expect(unifiedDiff('a.yaml', 'x\ny', 'x\ny\n')).toBe(['--- a.yaml', '+++ a.yaml\t(formatted)', '@@ -1,2 +1,2 @@', ' x', '-y', '\\ No newline at end of file', '+y', ''].join('\n'));
  });

  it('names a change of line endings in the header instead of showing every line as changed', () => {
    expect(unifiedDiff('a.yaml', 'x\r\ny\r\n', 'x\ny\n')).toBe('--- a.yaml\n+++ a.yaml\t(formatted; line endings CRLF -> LF)\n');
    expect(unifiedDiff('a.yaml', 'y: 1\r\nx: 2\n', 'x: 2\r\ny: 1\r\n')).toBe(
      ['--- a.yaml', '+++ a.yaml\t(formatted; line endings mixed -> CRLF)', '@@ -1,2 +1,2 @@', '-y: 1', ' x: 2', '+y: 1', ''].join('\n'),
    );
  });

  it('shows a one-line change in a long file as one small hunk', () => {
    const before = numbered(2_100);
    const after = before.map((line, index) => (index === 1_000 ? 'changed' : line));
    const diff = unifiedDiff('a.yaml', before.join('\n') + '\n', after.join('\n') + '\n');
    expect(diff.split('\n')).toHaveLength(3 + 8 + 1);
  });

  it('past thousands of changed lines, shows the file as replaced: still a patch that applies', () => {
    const before = numbered(5_000).join('\n');
    const after = numbered(5_000).map((line, index) => (index % 2 ? `${line} changed` : line)).join('\n') + '\n';
    const diff = unifiedDiff('a.yaml', before, after);
    expect(diff.split('\n').slice(2, 3)).toEqual(['@@ -1,5000 +1,5000 @@']);
    expect(applyPatch(before, diff)).toBe(after);
  });

  it('is a patch that turns the old text into the new one', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'key: value', ''), { maxLength: 30 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('a.yaml', before, after);
        expect(diff === '').toBe(before === after);
        if (diff) expect(applyPatch(before, diff)).toBe(after);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});
