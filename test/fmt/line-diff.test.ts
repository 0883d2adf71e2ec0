import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/fmt/line-diff.js';

describe('unifiedDiff', () => {
  it('is empty when nothing changes', () => {
    expect(unifiedDiff('a.yaml', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('shows removals before additions, with three lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'old', 'f', 'g', 'h', 'i'].join('\n') + '\n';
    const after = ['a', 'b', 'c', 'd', 'e', 'new', 'f', 'g', 'h', 'i'].join('\n') + '\n';
    expect(unifiedDiff('a.yaml', before, after)).toBe(['--- a.yaml', '+++ a.yaml (formatted)', '@@ -3,7 +3,7 @@', ' c', ' d', ' e', '-old', '+new', ' f', ' g', ' h', ''].join('\n'));
  });

  it('splits changes far apart into separate hunks with correct line numbers', () => {
    const before = Array.from({ length: 30 }, (_, index) => `line ${index + 1}`);
    const after = before.map((line, index) => (index === 1 || index === 25 ? `${line} changed` : line));
    const diff = unifiedDiff('a.yaml', before.join('\n') + '\n', after.join('\n') + '\n');
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -23,7 +23,7 @@']);
  });
});
