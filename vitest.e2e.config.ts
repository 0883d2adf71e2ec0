import { defineConfig } from 'vitest/config';

/** Slow end-to-end checks (capped heaps, real clients): their own step in .ci/run, not part of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
