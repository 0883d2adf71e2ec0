#!/usr/bin/env node
// Where does the time go? Runs cjm once under `node --cpu-prof` and prints the functions
// and the source files with the most self time:
//   node bench/profile.js lint bench/corpus/1000
//   node bench/profile.js validate bench/corpus/1000 --top=30
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--top='));
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.split('=')[1] ?? 20);
const dir = join(ROOT, 'bench', '.tmp', 'profile');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const started = performance.now();
spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(ROOT, 'bin', 'cjm.js'), ...args], {
  cwd: ROOT,
  env: { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const wall = performance.now() - started;

// Worker threads write a profile each; sum them all.
const selfByFunction = new Map();
const selfByFile = new Map();
let total = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = deltas[i] ?? 0;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? shortUrl(url) : `(${functionName || 'native'})`;
    const fn = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
    selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + us);
    selfByFile.set(file, (selfByFile.get(file) ?? 0) + us);
  });
}

function shortUrl(url) {
  const path = url.replace(/^file:\/\//, '');
  if (path.includes('/node_modules/')) return `node_modules/${path.split('/node_modules/').pop().split('/').slice(0, path.includes('/@') ? 2 : 1).join('/')}`;
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

function print(title, map) {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
  }
}

console.log(`cjm ${args.join(' ')}: ${(wall / 1000).toFixed(2)} s wall, ${(total / 1e6).toFixed(2)} s sampled CPU (all threads)`);
print('Self time by file or package', selfByFile);
print('Self time by function', selfByFunction);
