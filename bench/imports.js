#!/usr/bin/env node
// `npm run bench:imports`: what a one-file `cjm validate` and `cjm lint` load, and what each
// module costs to import. A loader hook lists the files of dist/ that the command loads, in
// order; then fresh processes import them in reverse (imports first), timing each import (a file's own
// evaluation plus whatever of its imports is not loaded yet), median of several processes.
// What each chunk holds comes from its source map. Wall times on a shared machine are noisy:
// compare the rows of one run with each other and with `node -e 0`, not with another run.
//
//   node bench/imports.js [--runs=N]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const TMP = join(ROOT, 'bench', '.tmp', 'imports');
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 7);
const ENV = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22' };

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
// The journey sits outside the repository: below it, cjm would find the repository's own cjm.config.yaml.
const ALONE = mkdtempSync(join(tmpdir(), 'cjm-imports-'));
cpSync(join(ROOT, 'bench', 'corpus', '1000', 'j00001.journey.yaml'), join(ALONE, 'j00001.journey.yaml'));

// The hook prints every dist/ file as it is loaded.
const hooks = join(TMP, 'hooks.mjs');
writeFileSync(hooks, `export async function load(url, context, next) {\n  if (url.includes('/dist/')) process.stderr.write('LOADED ' + url + '\\n');\n  return next(url, context);\n}\n`);
const register = join(TMP, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

function loadedBy(command) {
  const result = spawnSync(process.execPath, ['--import', register, join(ROOT, 'bin', 'cjm.js'), command, 'j00001.journey.yaml'], { cwd: ALONE, env: ENV, encoding: 'utf8' });
  return [...result.stderr.matchAll(/^LOADED (.*)$/gm)].map((match) => fileURLToPath(match[1]));
}

/** The src/ modules and packages a chunk holds, from its source map. */
function contents(file) {
  try {
    const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    const names = sources.map((source) => {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
      return pkg ? pkg[1] : source.replace(/^(\.\.\/)+/, '');
    });
    return [...new Set(names)].join(', ');
  } catch {
    return '';
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function importTimes(files) {
  const script = join(TMP, 'time-imports.mjs');
  writeFileSync(script, `const files = JSON.parse(process.argv[2]);\nconst times = [];\nfor (const file of files) {\n  const start = performance.now();\n  await import(file);\n  times.push(performance.now() - start);\n}\nconsole.log(JSON.stringify({ times, startup: performance.timeOrigin && performance.now() - times.reduce((a, b) => a + b, 0) }));\n`);
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const result = spawnSync(process.execPath, [script, JSON.stringify(files.map((file) => pathToFileURL(file).href))], { env: ENV, encoding: 'utf8' });
    runs.push(JSON.parse(result.stdout));
  }
  return files.map((_, i) => median(runs.map((run) => run.times[i])));
}

function bare() {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

for (const command of ['validate', 'lint']) {
  // cli.js itself runs the command when imported: time what it loads, not cli.js.
  // The loader fetches a module before its imports: in reverse, each import finds its own imports loaded, so its time is its own.
  const files = loadedBy(command).filter((file) => file.startsWith(DIST) && !file.endsWith('cli.js')).reverse();
  const times = importTimes(files);
  const total = times.reduce((a, b) => a + b, 0);
  console.log(`\ncjm ${command} of one file loads ${files.length} files of dist/ (${(files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024).toFixed(0)} KB); importing them takes ${total.toFixed(0)} ms (median of ${RUNS} processes)\n`);
  console.log('| ms | KB | file | holds |\n| --- | --- | --- | --- |');
  files
    .map((file, i) => ({ file, ms: times[i] }))
    .sort((a, b) => b.ms - a.ms)
    .forEach(({ file, ms }) => console.log(`| ${ms.toFixed(1)} | ${(statSync(file).size / 1024).toFixed(0)} | ${file.slice(DIST.length + 1)} | ${contents(file).slice(0, 160)} |`));
}
console.log(`\nnode -e 0: ${bare().toFixed(0)} ms a process (median of ${RUNS}), for scale.`);
