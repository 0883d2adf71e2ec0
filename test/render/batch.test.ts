import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstOfEachId } from '../../src/render/batch.js';
import { renderJourneysToFiles } from '../../src/render/files.js';
import { writeReport } from '../../src/report/index.js';
import type { Journey } from '../../src/schema/journey.js';
import { runCli } from '../helpers/cli.js';

/**
 * Render and report name their files by journey id: two journeys with one id
 * would overwrite each other's files. The core API keeps the first and reports
 * the others, so programs calling it are as safe as the CLI.
 */
const journey = (id: string, title: string): Journey => ({ cjm: 1, id, title, stages: [{ id: 'only', name: 'Only', steps: [{ id: 'one', name: 'One step' }] }] }) as Journey;
const ITEMS = [
  { file: 'a.journey.yaml', journey: journey('claim', 'First claim') },
  { file: 'b.journey.yaml', journey: journey('other', 'Other') },
  { file: 'c.journey.yaml', journey: journey('claim', 'Second claim') },
];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cjm-batch-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
const tempDir = () => mkdtemp(join(root, 'case-'));

describe('one journey id, one set of files', () => {
  it('firstOfEachId keeps the first journey of each id, in order, and names the file each later one collides with', () => {
    expect(firstOfEachId(ITEMS)).toEqual({
      unique: [ITEMS[0], ITEMS[1]],
      skipped: [{ file: 'c.journey.yaml', journeyId: 'claim', sameIdAs: 'a.journey.yaml' }],
    });
  });

  it('renderJourneysToFiles writes the first journey of an id and returns the other as skipped', async () => {
    const outDir = await tempDir();
    const result = await renderJourneysToFiles(ITEMS, { outDir, kinds: ['journey'], format: 'mermaid' });
    expect(result.skipped).toEqual([{ file: 'c.journey.yaml', journeyId: 'claim', sameIdAs: 'a.journey.yaml' }]);
    expect((await readdir(outDir)).sort()).toEqual(['claim.journey.mmd', 'other.journey.mmd']);
    expect(await readFile(join(outDir, 'claim.journey.mmd'), 'utf8')).toContain('First claim');
  });

  it('writeReport gives the first journey of an id its page and lists the other on the index', async () => {
    const outDir = await tempDir();
    const result = await writeReport(
      ITEMS.map((item) => ({ ...item, findings: [] })),
      { outDir, images: 'none', now: new Date('2026-11-22'), skipped: [{ file: 'bad.journey.yaml', reason: 'invalid' }] },
    );
    expect(result.skipped).toEqual([{ file: 'c.journey.yaml', journeyId: 'claim', sameIdAs: 'a.journey.yaml' }]);
    expect((await readdir(outDir)).sort()).toEqual(['claim.md', 'index.md', 'other.md']);
    expect(await readFile(join(outDir, 'claim.md'), 'utf8')).toMatch(/^# First claim\n/);
    const index = await readFile(join(outDir, 'index.md'), 'utf8');
    expect(index).toContain('- `bad.journey.yaml`: invalid\n- `c.journey.yaml`: same journey id as a.journey.yaml');
  });

  it.each([
    ['render', ['--out'], 'whose diagrams take its file names; not rendered'],
    ['report', ['--images', 'none', '--out'], 'whose page takes its file name; not reported'],
  ])('cjm %s says which file was left out, and exits 1', async (command, options, reason) => {
    const dir = await tempDir();
    const yaml = (title: string) => `cjm: 1\nid: claim\ntitle: ${title}\nstages:\n  - id: only\n    name: Only\n    owner: team\n    steps:\n      - { id: one, name: One step }\n`;
    await writeFile(join(dir, 'a.journey.yaml'), yaml('First'));
    await writeFile(join(dir, 'b.journey.yaml'), yaml('Second'));
    const result = await runCli([command, '--no-config', ...options, 'out', 'a.journey.yaml', 'b.journey.yaml'], { cwd: dir });
    expect(result.stderr).toBe(`cjm: b.journey.yaml: journey id "claim" is also the id of a.journey.yaml, ${reason}\n`);
    expect(result.code).toBe(1);
  });
});
