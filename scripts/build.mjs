#!/usr/bin/env node
// `npm run build`: compiles the JSON Schemas into validators (src/schema/*.generated.js, see
// scripts/standalone-validators.mjs), type-checks src/ and writes the declarations (tsc,
// dist/**/*.d.ts), then bundles src/ into dist/ with esbuild. A command's start-up is mostly module loading (about
// 150 files resolved one by one before the bundle), so the entry points below and the chunks
// they share are all that Node reads; code behind a dynamic import() becomes a chunk of its own,
// loaded only by the command that needs it.
//
// dist/ is flat on purpose: every entry point and chunk sits in dist/ itself, so that
// `new URL('./worker.js', import.meta.url)` finds a worker or processor entry point from
// whichever chunk the calling code lands in (src/run/parallel.ts, src/validate/index.ts,
// src/lint/engine.ts). The declarations keep the tree of src/.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { writeValidatorFiles } from './standalone-validators.mjs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** Output name (dist/<name>.js) -> source. Worker threads load the last three by URL. */
export const ENTRY_POINTS = {
  cli: 'src/cli.ts',
  main: 'src/main.ts',
  index: 'src/index.ts',
  worker: 'src/run/worker.ts',
  'validate-processor': 'src/validate/processor.ts',
  'lint-processor': 'src/lint/processor.ts',
};

/**
 * Left to Node: `yaml` is loaded by require() on the exact parse path (src/load/yaml-library.ts), and
 * one copy must serve that path and the modules that import it; @resvg/resvg-js is a native addon;
 * the browser packages are optional peers.
 */
const EXTERNAL = ['yaml', '@resvg/resvg-js', 'mermaid', 'puppeteer-core'];

writeValidatorFiles();
// Chunks of a previous build would linger next to the new ones.
rmSync(DIST, { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--emitDeclarationOnly'], { cwd: ROOT, stdio: 'inherit' });

const { outputFiles } = await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRY_POINTS,
  outdir: DIST,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  write: false,
  logLevel: 'warning',
});

/**
 * Bundled CommonJS packages (commander, papaparse) require() Node's own modules through
 * esbuild's `__require`, which needs a `require` where it is defined: one chunk gets one,
 * rather than every chunk (a banner), which cost about 4 ms of each start-up. The line it
 * adds is an empty line more for the chunk's source map.
 */
const REQUIRE_SHIM = "import { createRequire as __cjmCreateRequire } from 'node:module'; const require = __cjmCreateRequire(import.meta.url);\n";
const needsShim = new Set(outputFiles.filter((file) => file.path.endsWith('.js') && file.text.includes('Dynamic require of')).map((file) => file.path));
mkdirSync(DIST, { recursive: true });
for (const file of outputFiles) {
  if (needsShim.has(file.path)) writeFileSync(file.path, REQUIRE_SHIM + file.text);
  else if (needsShim.has(file.path.replace(/\.map$/, ''))) {
    const map = JSON.parse(file.text);
    writeFileSync(file.path, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
  } else writeFileSync(file.path, file.contents);
}
