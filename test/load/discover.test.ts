import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, DiscoveryError } from '../../src/load/discover.js';
import { compilePatterns } from '../../src/load/paths.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-discover-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('discoverFiles', () => {
  const cwd = tree({
    'a.journey.yaml': '',
    'maps/b.journey.yml': '',
    'maps/notes.yaml': '',
    'maps/drafts/c.journey.yaml': '',
    'maps/.gitignore': 'drafts/\n',
    '.gitignore': 'ignored.journey.yaml\n',
    'ignored.journey.yaml': '',
    'node_modules/pkg/d.journey.yaml': '',
  });

  it('expands directories to journey files, honouring nested .gitignore files and never node_modules', async () => {
    expect(await discoverFiles(['.'], { cwd })).toEqual(['a.journey.yaml', 'maps/b.journey.yml']);
  });

  it('takes an explicit file as it is, even when ignored or not named *.journey.yaml', async () => {
    expect(await discoverFiles(['maps/notes.yaml', 'ignored.journey.yaml'], { cwd })).toEqual(['ignored.journey.yaml', 'maps/notes.yaml']);
  });

  it('expands globs, deduplicates and sorts', async () => {
    expect(await discoverFiles(['**/*.journey.*', 'a.journey.yaml'], { cwd })).toEqual(['a.journey.yaml', 'maps/b.journey.yml']);
  });

  it('applies the exclude globs', async () => {
    expect(await discoverFiles(['.'], { cwd, exclude: compilePatterns(['maps/**']) })).toEqual(['a.journey.yaml']);
  });

  it('refuses a glob that matches nothing and a missing path', async () => {
    await expect(discoverFiles(['nothing/*.journey.yaml'], { cwd })).rejects.toBeInstanceOf(DiscoveryError);
    await expect(discoverFiles(['missing.journey.yaml'], { cwd })).rejects.toThrow(/no such file/);
  });
});
