/**
 * The SVG writer's golden files: any change of a byte in any picture fails
 * here, so a change to the map is always a deliberate, reviewed one. With
 * CI=1 a missing golden fails too (vitest writes new files only outside CI).
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DIR, goldenCases } from './goldens.js';

const HOW_TO_UPDATE = [
  'The picture changed. If you meant it to:',
  '  npm run build && npx vitest run test/render/map/golden.test.ts --update',
  '  git diff test/fixtures/render/map/   # read the changed lines',
  '  then look at the pictures (test/fixtures/render/map/README.md) before committing.\n',
].join('\n');

describe('golden SVGs', async () => {
  const cases = await goldenCases();

  for (const golden of cases) {
    it(golden.name, async () => {
      await expect(golden.svg(), HOW_TO_UPDATE).toMatchFileSnapshot(golden.path);
    });
  }

  it('has no golden left over from a picture no longer drawn', () => {
    const expected = new Set(cases.map((golden) => golden.name));
    const stale = (existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR) : []).filter((file) => file.endsWith('.svg') && !expected.has(file));
    expect(stale, `delete these from ${GOLDEN_DIR}`).toEqual([]);
  });
});
