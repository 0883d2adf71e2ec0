import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The README's picture is drawn by cjm from the motor-claim example. It must
 * not drift from what cjm draws: when the map or the example changes on
 * purpose, regenerate it with the command below and look at it before committing.
 */
const README_PICTURE_ARGS = ['render', 'examples/motor-claim.journey.yaml', '--stage', 'report', '--stage', 'assess', '--format', 'png'];

describe('the README picture', () => {
  it(`is what cjm draws today (regenerate: npx --no-install cjm ${README_PICTURE_ARGS.join(' ')} > docs/images/motor-claim-map.png)`, async () => {
    const chunks: Buffer[] = [];
    const { main } = await import('../../dist/main.js');
    const code = await main({ argv: README_PICTURE_ARGS, cwd: ROOT, env: { NO_COLOR: '1' }, stdout: { write: (chunk) => (chunks.push(Buffer.from(chunk)), true) }, stderr: { write: () => true } });
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).equals(readFileSync(join(ROOT, 'docs/images/motor-claim-map.png')))).toBe(true);
  });
});
