import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * bench/spectral/.spectral.yaml with the journey schema inlined (Spectral
 * ignores a `$ref` in functionOptions), written into `tmp`; returns its path.
 */
export function spectralRuleset(tmp) {
  const ruleset = YAML.parse(readFileSync(join(ROOT, 'bench', 'spectral', '.spectral.yaml'), 'utf8'));
  ruleset.rules['journey-schema'].then.functionOptions.schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'journey.schema.json'), 'utf8'));
  const path = join(tmp, 'spectral-ruleset.json');
  writeFileSync(path, JSON.stringify(ruleset));
  return path;
}
