import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary } from '../helpers/cli.js';

/**
 * Memory is bounded by the largest file, not the corpus: 1,500 files of 16 KB
 * (24 MB of YAML, every file with findings that quote its text) must lint in a
 * 48 MB heap. Before finding messages were detached from their source, each
 * kept its whole file alive and this run died of heap exhaustion.
 */
describe('memory stays bounded by the largest file', () => {
  it('lints 24 MB of journeys in a 48 MB heap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjm-memory-'));
    const text = readFileSync(join(ROOT, 'examples', 'ecommerce-purchase.journey.yaml'), 'utf8');
    copyFileSync(join(ROOT, 'examples', 'shared', 'catalog.yaml'), join(dir, 'catalog.yaml'));
    writeFileSync(join(dir, 'cjm.config.yaml'), 'catalog: [catalog.yaml]\n');
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, `j${i}.journey.yaml`), text.replace(/^id: .*$/m, `id: journey-number-${i}-of-the-corpus`));
    const result = await runBinary(['lint', '--format', 'json', '.'], { cwd: dir, env: { CJM_WORKERS: '0', NODE_OPTIONS: '--max-old-space-size=48' }, timeoutMs: 120_000 });
    expect(result.stderr).not.toMatch(/heap out of memory/);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1500);
  }, 150_000);
});
