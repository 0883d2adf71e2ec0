import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schemaReference } from '../../src/init/modeline.js';
import { ROOT } from '../helpers/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cjm-modeline-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('schemaReference', () => {
  it('points into node_modules/cjm when cjm is installed in the project', () => {
    mkdirSync(join(dir, 'node_modules/cjm/schemas'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/cjm/schemas/journey.draft-07.schema.json'), '{}');
    mkdirSync(join(dir, 'journeys/claims'), { recursive: true });
    expect(schemaReference('journey', join(dir, 'journeys/claims'), '/elsewhere')).toBe('../../node_modules/cjm/schemas/journey.draft-07.schema.json');
    expect(schemaReference('journey', dir, '/elsewhere')).toBe('./node_modules/cjm/schemas/journey.draft-07.schema.json');
  });

  it('points at schemas/ inside a checkout of cjm itself', () => {
    expect(schemaReference('journey', join(ROOT, 'examples'), '/elsewhere')).toBe('../schemas/journey.draft-07.schema.json');
    expect(schemaReference('config', ROOT, '/elsewhere')).toBe('./schemas/config.draft-07.schema.json');
  });

  it('falls back to the running cjm\'s schemas', () => {
    expect(schemaReference('config', dir, join(dir, 'global/cjm'))).toBe('./global/cjm/schemas/config.draft-07.schema.json');
  });
});
