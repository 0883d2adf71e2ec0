import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Worker threads must change nothing but speed: the same files, findings,
 * order and exit codes as a single-threaded run. The built binary is used
 * because workers run the compiled modules.
 */
describe('validate and lint on worker threads', () => {
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjm-parallel-'));
    const examples = ['ecommerce-purchase', 'bopis', 'motor-claim', 'car-purchase-loop'].map((name) => readFileSync(join(ROOT, 'examples', `${name}.journey.yaml`), 'utf8'));
    copyFileSync(join(ROOT, 'examples', 'shared', 'catalog.yaml'), join(dir, 'catalog.yaml'));
    writeFileSync(join(dir, 'cjm.config.yaml'), 'catalog: [catalog.yaml]\n');
    for (let i = 0; i < 150; i++) {
      let text = examples[i % examples.length].replace(/^id: .*$/m, `id: journey-${i}`);
      if (i % 7 === 0) text = text.replace(/^(\s+)owner: .*$/m, '$1ownr: nobody'); // a schema error
      if (i % 11 === 0) text = text.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-01'); // a stale review
      writeFileSync(join(dir, `j${String(i).padStart(3, '0')}.journey.yaml`), text);
    }
  });

  for (const command of ['validate', 'lint']) {
    it(`${command}: the same report with 0 and 1 worker threads`, async () => {
      const args = [command, '--format', 'json', '.'];
      const single = await runCli(args, { cwd: dir, env: { CJM_WORKERS: '0' } });
      const parallel = await runCli(args, { cwd: dir, env: { CJM_WORKERS: '1' } });
      expect(parallel.stderr).toBe(single.stderr);
      expect(parallel.code).toBe(single.code);
      expect(parallel.code).toBe(1);
      expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(single.stdout));
      expect(JSON.parse(single.stdout).summary.files).toBe(150);
    });
  }
});
