import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexJourneyIds, openWorkspace } from '../../src/load/workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'cjm-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The id index reads each file's first 4 KB, and the whole file only when they name no id. */
describe('indexJourneyIds', () => {
  it('finds the id near the top, far down, after a long first line, without a final newline, and not in binary files', async () => {
    const files: Record<string, string | Buffer> = {
      'top.yaml': 'cjm: 1\nid: top\ntitle: T\n',
      'far.yaml': `cjm: 1\n${'# comment\n'.repeat(1000)}id: far\n`,
      'long-line.yaml': `# ${'x'.repeat(5000)}\nid: long-line\n`,
      'no-newline.yaml': 'cjm: 1\nid: no-newline',
      'cut.yaml': `${'#'.repeat(4090)}\nid: cut-here-not-there\n`,
      'nested.yaml': 'cjm: 1\nstages:\n  - id: stage\n',
      'binary.yaml': Buffer.from('id: binary\n\0\n'),
      'bom.yaml': '\uFEFFid: bom\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const workspace = await openWorkspace({ cwd: dir, config: false });
    const ids = await indexJourneyIds(workspace, [...Object.keys(files), 'missing.yaml']);
    expect(Object.fromEntries(ids)).toEqual({
      top: 'top.yaml',
      far: 'far.yaml',
      'long-line': 'long-line.yaml',
      'no-newline': 'no-newline.yaml',
      'cut-here-not-there': 'cut.yaml',
      bom: 'bom.yaml',
    });
  });
});
