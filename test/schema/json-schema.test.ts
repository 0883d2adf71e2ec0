import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText, SCHEMA_DRAFTS, schemaFileName, toJsonSchema } from '../../src/schema/json-schema.js';

const KINDS = ['journey', 'config'] as const;

/** Every schema node below `node`, with a readable path. */
function* nodes(node: unknown, path = ''): Generator<[string, Record<string, any>]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* nodes(item, `${path}/${i}`);
    return;
  }
  yield [path, node as Record<string, any>];
  for (const [key, value] of Object.entries(node)) if (value && typeof value === 'object') yield* nodes(value, `${path}/${key}`);
}

describe('generated JSON Schemas', () => {
  for (const kind of KINDS) {
    for (const draft of SCHEMA_DRAFTS) {
      const file = schemaFileName(kind, draft);
      it(`schemas/${file} matches the Zod schema (run npm run schemas after changing src/schema)`, () => {
        const committed = readFileSync(new URL(`../../schemas/${file}`, import.meta.url), 'utf8');
        expect(committed).toBe(jsonSchemaText(kind, draft));
      });
    }
  }

  it('is draft 2020-12 by default, draft-07 on request, and says it is generated', () => {
    const schema = JSON.parse(jsonSchemaText('journey'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$comment).toMatch(/^Generated/);
    expect(schema.required).toEqual(expect.arrayContaining(['cjm', 'id', 'title', 'stages']));
    const draft07 = JSON.parse(jsonSchemaText('journey', '07'));
    expect(draft07.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(draft07.$id).toBe('https://cjm.dev/schemas/journey.draft-07.schema.json');
    expect(JSON.stringify(draft07)).not.toMatch(/prefixItems|\$defs/);
  });

  for (const kind of KINDS) {
    it(`${kind}: every property has a description, for hover and completion in editors`, () => {
      const missing = [...nodes(toJsonSchema(kind))].flatMap(([path, node]) =>
        Object.entries((node.properties ?? {}) as Record<string, { description?: string }>)
          .filter(([, property]) => !property.description)
          .map(([key]) => `${path}/properties/${key}`),
      );
      expect(missing).toEqual([]);
    });

    it(`${kind}: every pattern has a message for editors, not the raw regular expression`, () => {
      for (const draft of SCHEMA_DRAFTS) {
        const patterns = [...nodes(toJsonSchema(kind, draft))].filter(([, node]) => typeof node.pattern === 'string');
        expect(patterns.length).toBeGreaterThan(0);
        for (const [path, node] of patterns) expect(node.patternErrorMessage, `${draft} ${path}`).toMatch(/^[A-Z].*\.$/);
      }
    });
  }

  it('a range gets one message for a third number (no maxItems beside a closed tuple)', () => {
    for (const draft of SCHEMA_DRAFTS) {
      const range = (toJsonSchema('journey', draft) as any).properties.metrics.items.properties.range;
      expect(range.maxItems).toBeUndefined();
      expect(range.minItems).toBe(2);
      expect(draft === '07' ? range.additionalItems : range.items).toBe(false);
    }
  });
});
