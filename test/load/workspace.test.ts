import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/load/workspace.js';

const dir = mkdtempSync(join(tmpdir(), 'cjm-workspace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openWorkspace', () => {
  // A shared catalogue of 6,000 channels: about 600 KB, over the default 512 KB.
  const channels = Array.from({ length: 6000 }, (_, i) => `  - { id: channel-${i}, name: "Channel number ${i} of the shared catalogue", type: digital }\n`).join('');
  writeFileSync(join(dir, 'catalog.yaml'), `channels:\n${channels}`);

  it('reads catalogue files within the limits the config sets, as the too-large message advises', async () => {
    writeFileSync(join(dir, 'cjm.config.yaml'), 'catalog: [catalog.yaml]\n');
    await expect(openWorkspace({ cwd: dir })).rejects.toThrow(/over the 512\.0 KB limit \(raise limits\.maxFileSize in cjm\.config\.yaml/);
    writeFileSync(join(dir, 'cjm.config.yaml'), 'catalog: [catalog.yaml]\nlimits: { maxFileSize: 2000000, maxNodes: 100000 }\n');
    const workspace = await openWorkspace({ cwd: dir });
    expect(workspace.catalog.channels.has('channel-5999')).toBe(true);
  });
});
