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
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
