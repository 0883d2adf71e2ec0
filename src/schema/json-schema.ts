import { z } from 'zod';
import { journeySchema } from './journey.js';
import { configSchema } from './config.js';

/**
 * JSON Schemas for editors and Ajv, generated from the Zod schemas (input side:
 * what a person may write, so defaulted keys are optional). The files in
 * schemas/ are this output, committed; a test fails when they drift.
 */
export function toJsonSchema(kind: 'journey' | 'config'): Record<string, unknown> {
  const schema = kind === 'journey' ? journeySchema : configSchema;
  const generated = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $comment: 'Generated from the Zod schemas in src/format/ by `npm run schemas`; do not edit by hand.',
    $schema,
    $id: `https://cjm.dev/schemas/${kind}.schema.json`,
    title: kind === 'journey' ? 'cjm journey (format v1)' : 'cjm configuration',
    ...rest,
  };
}

export function jsonSchemaText(kind: 'journey' | 'config'): string {
  return `${JSON.stringify(toJsonSchema(kind), null, 2)}\n`;
}
