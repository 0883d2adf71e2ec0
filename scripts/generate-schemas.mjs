// Writes schemas/*.json from the Zod schemas, in every draft cjm ships (run after the build: npm run schemas).
// The files are committed for editors; test/schema/json-schema.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { jsonSchemaText, SCHEMA_DRAFTS, schemaFileName } from '../dist/schema/json-schema.js';

for (const kind of ['journey', 'config']) {
  for (const draft of SCHEMA_DRAFTS) {
    writeFileSync(new URL(`../schemas/${schemaFileName(kind, draft)}`, import.meta.url), jsonSchemaText(kind, draft));
  }
}
