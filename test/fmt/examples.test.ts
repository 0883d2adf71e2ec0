import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJourneyText } from '../../src/fmt/format.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { commentTexts, expectFaithfulFormat } from './roundtrip.js';

function yamlFilesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const examples = yamlFilesBelow(join(ROOT, 'examples')).filter((file) => file.endsWith('.journey.yaml') || file.endsWith('.journey.yml'));
// Every fixture of every area that is usable YAML: broken ones are other tests' business.
const fixtures = yamlFilesBelow(FIXTURES).filter((file) => formatJourneyText(readFileSync(file, 'utf8')).ok);

describe('fmt round trip over the examples', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((file) => [relative(ROOT, file), file]))('%s: same data, every comment, idempotent', (label, file) => {
    const text = readFileSync(file, 'utf8');
    expect(commentTexts(text).length, 'the examples are commented').toBeGreaterThan(0);
    expectFaithfulFormat(text, label);
  });
});

describe('fmt round trip over the test fixtures', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });

  it.each(fixtures.map((file) => [relative(FIXTURES, file), file]))('%s', (label, file) => {
    expectFaithfulFormat(readFileSync(file, 'utf8'), label);
  });
});
