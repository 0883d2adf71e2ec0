import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));

  it('offers cjm-lint, running `cjm lint` on changed journey files', () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'cjm-lint', entry: 'cjm lint', language: 'node' });
    const files = new RegExp(hooks[0].files);
    expect(['a.journey.yaml', 'maps/b.journey.yml'].every((path) => files.test(path))).toBe(true);
    expect(['cjm.config.yaml', 'a.journey.yaml.bak', 'journey.yaml'].some((path) => files.test(path))).toBe(false);
  });

  it('can be installed: pre-commit packs the package, and prepare builds dist/ (test/e2e/pre-commit.sh installs it for real)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare).toMatch(/npm run build/);
    expect(pkg.bin.cjm).toBe('bin/cjm.js');
  });
});
