import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../src/schema/json-schema.js';

describe('generated JSON Schemas', () => {
  for (const kind of ['journey', 'config'] as const) {
    it(`schemas/${kind}.schema.json matches the Zod schema (run npm run schemas after changing src/format)`, () => {
      const committed = readFileSync(new URL(`../../schemas/${kind}.schema.json`, import.meta.url), 'utf8');
      expect(committed).toBe(jsonSchemaText(kind));
    });
  }

  it('is draft 2020-12 and says it is generated', () => {
    const schema = JSON.parse(jsonSchemaText('journey'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$comment).toMatch(/Generated/);
    expect(schema.required).toEqual(expect.arrayContaining(['cjm', 'id', 'title', 'stages']));
  });
});
