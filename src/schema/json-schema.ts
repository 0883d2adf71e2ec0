import { z } from 'zod';
import { journeySchema } from './journey.js';
import { configSchema } from './config.js';

export type SchemaKind = 'journey' | 'config';

/**
 * The JSON Schema drafts cjm ships. 2020-12 is the current one; draft-07 is for
 * editors that predate 2020-12 (yaml-language-server before 1.20 reads a
 * 2020-12 tuple's `items: false` as "matches a schema that is not allowed" on
 * every valid `range`), and every yaml-language-server version reads it.
 */
export const SCHEMA_DRAFTS = ['2020-12', '07'] as const;
export type SchemaDraft = (typeof SCHEMA_DRAFTS)[number];

const ZOD_TARGET = { '2020-12': 'draft-2020-12', '07': 'draft-7' } as const;

/** The file name in schemas/ (and the end of the `$id`): journey.schema.json, journey.draft-07.schema.json. */
export function schemaFileName(kind: SchemaKind, draft: SchemaDraft = '2020-12'): string {
  return draft === '2020-12' ? `${kind}.schema.json` : `${kind}.draft-${draft}.schema.json`;
}

/**
 * JSON Schemas for editors and Ajv, generated from the Zod schemas (input side:
 * what a person may write, so defaulted keys are optional). The files in
 * schemas/ are this output, committed; a test fails when they drift.
 */
export function toJsonSchema(kind: SchemaKind, draft: SchemaDraft = '2020-12'): Record<string, unknown> {
  const schema = kind === 'journey' ? journeySchema : configSchema;
  const generated = z.toJSONSchema(schema, { io: 'input', target: ZOD_TARGET[draft], override: dropRedundantMaxItems }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $comment: 'Generated from the Zod schemas in src/schema/ by `npm run schemas`; do not edit by hand.',
    $schema,
    $id: `https://cjm.dev/schemas/${schemaFileName(kind, draft)}`,
    title: kind === 'journey' ? 'cjm journey (format v1)' : 'cjm configuration',
    ...rest,
  };
}

export function jsonSchemaText(kind: SchemaKind, draft: SchemaDraft = '2020-12'): string {
  return `${JSON.stringify(toJsonSchema(kind, draft), null, 2)}\n`;
}

/**
 * A tuple that allows no extra items already has a maximum length; editors
 * report each broken keyword, so `range: [1, 2, 3]` would get two messages
 * (too many items, and items not allowed) for one mistake.
 */
function dropRedundantMaxItems({ jsonSchema }: { jsonSchema: Record<string, unknown> }): void {
  const positional = Array.isArray(jsonSchema.prefixItems) ? jsonSchema.prefixItems : Array.isArray(jsonSchema.items) ? jsonSchema.items : undefined;
  const closed = jsonSchema.prefixItems ? jsonSchema.items === false : jsonSchema.additionalItems === false;
  if (positional && closed && jsonSchema.maxItems === positional.length) delete jsonSchema.maxItems;
}
