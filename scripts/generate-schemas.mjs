// Writes schemas/*.schema.json from the Zod schemas (run after the build: npm run schemas).
// The files are committed for editors; test/schema/json-schema.test.ts fails when they drift.
import { writeFileSync } from 'node:fs';
import { jsonSchemaText } from '../dist/schema/json-schema.js';

for (const kind of ['journey', 'config']) {
  writeFileSync(new URL(`../schemas/${kind}.schema.json`, import.meta.url), jsonSchemaText(kind));
}
