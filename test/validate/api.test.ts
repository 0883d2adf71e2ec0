import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiscoveryError, loadJourney, validateFiles } from '../../src/index.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const VALIDATE = join(FIXTURES, 'validate');

describe('programmatic API', () => {
  it('validateFiles reports per file, with findings and I/O errors apart', async () => {
    const run = await validateFiles(['good', 'bad/schema.journey.yaml'], { cwd: VALIDATE, config: false });
    expect(run.files.map((file) => [file.file, file.findings.length > 0])).toEqual([
      ['bad/schema.journey.yaml', true],
      ['good/claim.journey.yaml', false],
      ['good/glass-repair.journey.yaml', false],
    ]);
  });

  it('validateFiles rejects a missing path with a DiscoveryError (exit 2 in the CLI)', async () => {
    await expect(validateFiles(['missing.journey.yaml'], { cwd: VALIDATE, config: false })).rejects.toBeInstanceOf(DiscoveryError);
  });

  it('validateFiles with no paths takes the config include set', async () => {
    const run = await validateFiles([], { cwd: ROOT });
    expect(run.files.length).toBeGreaterThanOrEqual(6);
    expect(run.files.every((file) => file.file.startsWith('examples/'))).toBe(true);
    expect(run.files.flatMap((file) => file.findings)).toEqual([]);
  });

  it('loadJourney returns the journey of a valid file and resolves the shared catalogue', async () => {
    const loaded = await loadJourney('journeys/claim.journey.yaml', { cwd: join(VALIDATE, 'catalog-workspace') });
    expect(loaded.findings).toEqual([]);
    expect(loaded.journey?.id).toBe('claim');
    expect(loaded.journey?.state).toBe('current'); // the schema default
  });

  it('loadJourney returns findings and no journey for an invalid file', async () => {
    const loaded = await loadJourney('bad/references.journey.yaml', { cwd: VALIDATE, config: false });
    expect(loaded.journey).toBeUndefined();
    expect(loaded.findings.map((finding) => finding.ruleId)).toContain('unknown-persona');
  });
});
