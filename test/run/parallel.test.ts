import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Issue 12: the pool never loses a file or an error. A worker that fails is
 * stopped and everything it had is done again in the main thread.
 */
describe('a failing worker', () => {
  const processorUrl = (body: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'cjm-processor-')), 'processor.mjs');
    writeFileSync(file, body);
    return new URL(`file://${file}`);
  };
  const files = Array.from({ length: 200 }, (_, i) => `f${i}`);
  // Slow enough here that the worker gets batches of its own.
  const runHere = async (file: string) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return `here:${file}`;
  };

  async function runPool(processor: URL) {
    // The built pool (its worker script exists only in dist/), from the bundle chunk that exports it.
    const dist = join(ROOT, 'dist');
    const chunk = readdirSync(dist).find((name) => name.endsWith('.js') && /export\{[^}]*\bwithWorkerPool\b/.test(readFileSync(join(dist, name), 'utf8')));
    expect(chunk).toBeDefined();
    const { withWorkerPool } = (await import(join(dist, chunk!))) as typeof import('../../src/run/parallel.js');
    return withWorkerPool({ processor, enabled: true, workers: { count: 1, asked: true } }, async (pool) => {
      expect(pool).toBeDefined();
      return pool!.run(files, { options: {}, runHere });
    });
  }

  it('that crashes mid-run: every file still has its result, and no total counts a file twice', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'cjm-crash-')), 'crashed');
    const processor = processorUrl(
      `import { writeFileSync } from 'node:fs';\nlet n = 0;\nexport async function createProcessor() {\n  return { async run(file) { if (n === 20) { writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); } n++; return \`worker:\${file}\`; }, totals: () => ({ n }) };\n}\n`,
    );
    const { results, totals } = await runPool(processor);
    expect(existsSync(marker)).toBe(true);
    expect(results).toHaveLength(200);
    expect(results.every((result, i) => result.endsWith(`:f${i}`))).toBe(true);
    // The worker did 20 files before it stopped: they were done again here, and its totals never came.
    expect(results.filter((result) => result.startsWith('worker:'))).toEqual([]);
    expect(totals).toEqual({});
  });

  it('that exits with code 0 before it is done: its files are done here too', async () => {
    const processor = processorUrl(
      `let n = 0;\nexport async function createProcessor() {\n  return { async run(file) { if (n === 20) process.exit(0); n++; return \`worker:\${file}\`; }, totals: () => ({ n }) };\n}\n`,
    );
    const { results, totals } = await runPool(processor);
    expect(results).toHaveLength(200);
    expect(results.every((result, i) => result === `here:f${i}`)).toBe(true);
    expect(totals).toEqual({});
  });

  it('whose processor module cannot load: the main thread does the whole run', async () => {
    const { results } = await runPool(processorUrl('throw new Error("cannot load");\n'));
    expect(results).toEqual(files.map((file) => `here:${file}`));
  });
});
