import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/util/suggest.js';

describe('closestMatch', () => {
  it('suggests near misses and nothing for far ones', () => {
    expect(closestMatch('ownr', ['owner', 'name', 'goal'])).toBe('owner');
    expect(closestMatch('wbe', ['web', 'app', 'sms'])).toBe('web');
    expect(closestMatch('completely-different', ['web', 'app'])).toBeUndefined();
  });

  it('editDistance is a metric on small strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
