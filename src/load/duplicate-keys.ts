import type { Document } from 'yaml';
import type { YamlError } from './syntax/index.js';
import { yamlLibrary } from './yaml-library.js';

/**
 * Keys that appear twice in one mapping, as `yaml`'s uniqueKeys option reports
 * them (same code, message and place), found with a Set per mapping: `yaml`
 * compares each key with every key before it, so a mapping of 50,000 keys took
 * 20 s to compose. Parsers run with uniqueKeys off and call this instead.
 */
export function duplicateKeyErrors(document: Document.Parsed): YamlError[] {
  const { isScalar, visit } = yamlLibrary();
  const errors: YamlError[] = [];
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // Scalars are equal by value, other keys only to themselves: `yaml`'s own test.
        const identity = isScalar(key) ? key.value : key;
        if (!seen.has(identity)) seen.add(identity);
        else if (isScalar(key) && key.range) errors.push({ code: 'DUPLICATE_KEY', start: key.range[0], end: key.range[0] + 1, message: 'Map keys must be unique' });
      }
    },
  });
  return errors;
}
