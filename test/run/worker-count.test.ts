import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/run/parallel.js';

describe('workerCount', () => {
  it('takes CJM_WORKERS as asked for, 0 included', () => {
    expect(workerCount({ CJM_WORKERS: '2' })).toEqual({ count: 2, asked: true });
    expect(workerCount({ CJM_WORKERS: '0' })).toEqual({ count: 0, asked: true });
  });

  it('otherwise uses at most the idle cores less this thread, at most 3, never fewer than none', () => {
    const { count, asked } = workerCount({ CJM_WORKERS: 'many' });
    expect(asked).toBe(false);
    expect(count).toBeGreaterThanOrEqual(0);
    expect(count).toBeLessThanOrEqual(Math.min(availableParallelism() - 1, 3));
  });
});
