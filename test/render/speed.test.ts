import { describe, expect, it } from 'vitest';
import { renderMermaid, type DiagramKind } from '../../src/render/index.js';
import { largeJourney } from './fixtures.js';

function timeMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Best of three, so one GC pause on the shared 2-core machine does not decide. */
function bestOf(run: () => void): number {
  return Math.min(timeMs(run), timeMs(run), timeMs(run));
}

describe('rendering a 10,000-step journey', () => {
  const small = largeJourney(1_000);
  const large = largeJourney(10_000);

  it.each<DiagramKind>(['journey', 'flow', 'emotion'])('%s: fast and linear (10x the steps, well under 30x the time)', (kind) => {
    renderMermaid(small, kind); // warm up the JIT
    const smallMs = bestOf(() => renderMermaid(small, kind));
    const largeMs = bestOf(() => renderMermaid(large, kind));
    // A quadratic generator would take ~100x; allow noise on tiny timings with a 5 ms floor.
    expect(largeMs).toBeLessThan(30 * Math.max(smallMs, 5));
    expect(renderMermaid(large, kind).length).toBeGreaterThan(100_000);
  });
});
