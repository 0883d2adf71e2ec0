#!/usr/bin/env node
// The floor of `cjm lint` and `cjm validate`: what any tool checking these files against
// the journey format must do at least, and nothing else: list the folder, read each
// file, parse it with js-yaml and check it with the project's own Zod journey schema.
// No positions, no references, no rules, no report. bench/run.js bundles it with esbuild
// (as cjm itself is bundled) and times it in the same run as cjm:
//   npx esbuild bench/floor.js --bundle --platform=node --format=esm --outfile=bench/.tmp/floor.mjs
//   node bench/.tmp/floor.mjs bench/corpus/1000
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { journeySchema } from '../src/schema/journey.ts';

const dir = process.argv[2] ?? '.';
let valid = 0;
let invalid = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.journey.yaml')) continue;
  // CORE_SCHEMA: dates stay strings, as the journey schema expects (the default schema makes Date objects).
  const data = jsYaml.load(readFileSync(join(dir, name), 'utf8'), { schema: jsYaml.CORE_SCHEMA });
  if (journeySchema.safeParse(data).success) valid++;
  else invalid++;
}
process.stdout.write(`${valid} valid, ${invalid} invalid\n`);
