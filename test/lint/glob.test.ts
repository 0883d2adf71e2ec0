import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobs } from '../../src/lint/glob.js';

describe('config globs (overrides, ignore)', () => {
  it.each([
    ['drafts/**', 'drafts/a.journey.yaml', true],
    ['drafts/**', 'drafts/deep/b.journey.yaml', true],
    ['drafts/**', 'other/drafts/a.journey.yaml', false],
    ['drafts/', 'drafts/x/a.journey.yaml', true],
    ['**/drafts/**', 'team/drafts/a.journey.yaml', true],
    ['**/drafts/**', 'drafts/a.journey.yaml', true],
    ['*.draft.journey.yaml', 'a.draft.journey.yaml', true],
    ['*.draft.journey.yaml', 'deep/in/b.draft.journey.yaml', true], // no slash: any folder, as in .gitignore
    ['examples/*.journey.yaml', 'examples/a.journey.yaml', true],
    ['examples/*.journey.yaml', 'examples/x/a.journey.yaml', false],
    ['**/*.journey.{yaml,yml}', 'a/b.journey.yml', true],
    ['**/*.journey.{yaml,yml}', 'a/b.journey.json', false],
    ['./legacy/**', 'legacy/a.journey.yaml', true],
    ['legacy/v?.journey.yaml', 'legacy/v1.journey.yaml', true],
    ['legacy/v[12].journey.yaml', 'legacy/v3.journey.yaml', false],
    ['legacy/v[!12].journey.yaml', 'legacy/v3.journey.yaml', true],
    ['a.b', 'aXb', false], // dots are literal
    ['{oops', '{oops', true], // an unclosed brace is literal
  ])('%s on %s: %s', (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });

  it('a list matches when any glob does; an empty list matches nothing', () => {
    expect(compileGlobs(['a/**', 'b/**'])('b/x.yaml')).toBe(true);
    expect(compileGlobs([])('anything')).toBe(false);
  });

  it('never throws and matches a literal (normalised) path to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-][a-z0-9._-]{0,11}(\/[a-z0-9_-][a-z0-9._-]{0,11}){0,3}$/), (path) => {
        expect(compileGlob(path)(path)).toBe(true);
        expect(compileGlob(`${path.split('/')[0]}/**`)(`${path.split('/')[0]}/x`)).toBe(true);
      }),
    );
    fc.assert(fc.property(fc.string(), fc.string(), (glob, path) => void compileGlob(glob)(path)));
  });
});
