import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Slow end-to-end checks run as their own .ci/run step (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    // One module graph per worker instead of one per test file: importing src/ (Zod, yaml, the
    // renderer) again for each of the ~110 files cost ~35 s of a ~290 s run on 2 cores (import
    // 46 s -> 10 s, same load). Tests therefore keep no state in modules; each builds its own.
    isolate: false,
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, where two
    // finished the suite in 92 s instead of 120 s (the tests wait on child processes and browsers).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
