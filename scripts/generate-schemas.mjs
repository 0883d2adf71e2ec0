// Writes schemas/*.json from the Zod schemas, in every draft cjm ships, then the validators compiled
// from them (src/schema/*.generated.js): `npm run schemas`. The files are committed (the schemas for
// editors); tests fail when they drift.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeValidatorFiles } from './standalone-validators.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// The schema modules are TypeScript: bundled in memory and imported from a data: URL.
const bundled = await build({
  stdin: { contents: "export * from './src/schema/json-schema.ts';", resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { jsonSchemaText, SCHEMA_DRAFTS, schemaFileName } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

for (const kind of ['journey', 'config']) {
  for (const draft of SCHEMA_DRAFTS) writeFileSync(new URL(`../schemas/${schemaFileName(kind, draft)}`, import.meta.url), jsonSchemaText(kind, draft));
}
writeValidatorFiles();
