import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinary } from '../helpers/cli.js';

/**
 * Issue 12, items 1, 3 and 5 under a capped heap: the worst inputs within the
 * default limits (the same inputs bench/hostile.js measures) and the issue's
 * own inputs, through validate, lint, fmt and report, each in a 128 MB heap.
 * Before the budget, the 145 KB alias fan-out took 517 MB and the 2 MB one ran
 * Node out of memory; a 5 MB journey took 924 MB to format.
 */
const { HOSTILE_INPUTS } = (await import('../../bench/hostile.js')) as { HOSTILE_INPUTS: { name: string; file: string; make(): string }[] };
const HEAP_MB = 128;
const COMMANDS = [['validate'], ['lint'], ['fmt', '--check'], ['report', '-o', 'site']];

describe(`the worst inputs run in a ${HEAP_MB} MB heap`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-hostile-memory-'));
  for (const input of HOSTILE_INPUTS) {
    it(input.name, async () => {
      writeFileSync(join(dir, input.file), input.make());
      for (const command of COMMANDS) {
        const result = await runBinary([...command, '--no-config', input.file], {
          cwd: dir,
          env: { CJM_WORKERS: '0', NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
          timeoutMs: 60_000,
        });
        const what = `${command.join(' ')} ${input.file}: exit ${result.code}\n${result.stderr.slice(0, 500)}`;
        expect(result.stderr, what).not.toMatch(/heap out of memory|internal error|Maximum call stack/);
        expect([0, 1], what).toContain(result.code);
      }
    }, 300_000);
  }
});
