import { describe, expect, it } from 'vitest';
import { fromRepoPath, parseNameStatus, toRepoPath, type Repo } from '../../src/diff/git.js';

describe('git helpers', () => {
  it('parses --name-status -z output: modified, added, deleted, renamed with a score', () => {
    const out = ['M', 'a.journey.yaml', 'A', 'dir/b c.journey.yaml', 'D', 'gone.journey.yaml', 'R087', 'old.journey.yaml', 'new.journey.yaml', ''].join('\0');
    expect(parseNameStatus(out)).toEqual([
      { status: 'modified', oldPath: 'a.journey.yaml', newPath: 'a.journey.yaml' },
      { status: 'added', newPath: 'dir/b c.journey.yaml' },
      { status: 'deleted', oldPath: 'gone.journey.yaml' },
      { status: 'renamed', oldPath: 'old.journey.yaml', newPath: 'new.journey.yaml' },
    ]);
    expect(parseNameStatus('')).toEqual([]);
  });

  it('maps paths between the working directory and the repository top through git\'s prefix', () => {
    const repo: Repo = { top: '/repo', prefix: 'maps/' };
    expect(toRepoPath(repo, '/repo/maps', 'claim.journey.yaml')).toBe('maps/claim.journey.yaml');
    expect(toRepoPath(repo, '/repo/maps', '../other/x.journey.yaml')).toBe('other/x.journey.yaml');
    expect(toRepoPath(repo, '/repo/maps', '.')).toBe('maps');
    expect(fromRepoPath(repo, 'maps/claim.journey.yaml')).toBe('claim.journey.yaml');
    expect(fromRepoPath(repo, 'other/x.journey.yaml')).toBe('../other/x.journey.yaml');
    expect(toRepoPath({ top: '/repo', prefix: '' }, '/repo', '.')).toBe('');
  });
});
