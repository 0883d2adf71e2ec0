import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KNIP = fileURLToPath(new URL('../../node_modules/knip/bin/knip.js', import.meta.url));

/**
 * An export nobody imports (not the public API of src/index.ts, not a test)
 * widens a module's surface for nothing: knip (knip.jsonc) lists them, and a
 * new one fails here. Fix it by dropping `export`, or by using it.
 */
it('no module exports what no other module, test or public API uses', async () => {
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, [KNIP, '--no-progress', '--no-config-hints', '--reporter', 'compact'], { cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  expect(output).toBe('');
  expect(code).toBe(0);
}, 120_000);
