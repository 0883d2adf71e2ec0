#!/usr/bin/env node
// `npm run bench:map`: the journey map canvas against the ways to get a picture of a journey
// today, each measured in the same run on the same corpus:
//   - `cjm render --diagram map --format svg` for 100 generated journeys (one process, start-up included);
//   - cjm's own Mermaid -> SVG path through headless Chromium for the same journeys (`-d journey -f svg`);
//   - a loop of mmdc (Mermaid CLI: Node + Chromium per diagram), extrapolated from a few runs;
//   - PNG: the motor-claim example's map alone, and 100 PNGs.
// Prints a table and replaces the "Journey map" section of bench/results.md.
//
//   node bench/map.js [--runs=N] [--skip-browser]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TMP = join(ROOT, 'bench', '.tmp', 'map');
const CJM = join(ROOT, 'bin', 'cjm.js');
const NODE = process.execPath;
const COUNT = 100;
const MMDC_SAMPLE = 3;
const argv = process.argv.slice(2);
const RUNS = Number(argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 5);
const SKIP_BROWSER = argv.includes('--skip-browser');
const ENV = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22' };
const TARGETS = { mapSvgMs: 2000, pngMs: 1000 };

function run(args, label) {
  const start = process.hrtime.bigint();
  const result = spawnSync(args[0], args.slice(1), { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${label} failed (${result.status}): ${result.stderr?.toString().slice(-500)}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** Median of `runs` timings after one warm-up run, cleaning `out` before each. */
function measure(label, args, out, runs = RUNS) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    if (out) rmSync(out, { recursive: true, force: true });
    const ms = run(args, label);
    if (i > 0) times.push(ms);
  }
  console.log(`  ${label}: ${fmt(median(times))} (${times.map(fmt).join(', ')})`);
  return median(times);
}

rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });
const corpus = join(TMP, 'corpus');
generateCorpus({ count: COUNT, seed: 7, out: corpus });
const files = readdirSync(corpus).filter((name) => name.endsWith('.journey.yaml'));
const kb = files.reduce((sum, name) => sum + statSync(join(corpus, name)).size, 0) / 1024 / files.length;
const loadStart = loadavg()[0];
console.log(`corpus: ${files.length} journeys, ${kb.toFixed(1)} KB on average`);

const rows = [];
const nodeMs = measure('node -e 0', [NODE, '-e', '0'], null);
const mapOut = join(TMP, 'map');
const mapMs = measure(`cjm render -d map -f svg, ${COUNT} journeys`, [NODE, CJM, 'render', corpus, '--no-config', '-d', 'map', '-f', 'svg', '-o', mapOut], mapOut);
const written = existsSync(mapOut) ? readdirSync(mapOut).length : 0;
rows.push([`map SVG, ${COUNT} journeys (${written} written), start-up included`, fmt(mapMs), `node -e 0: ${fmt(nodeMs)}`, '', `< ${fmt(TARGETS.mapSvgMs)}: ${mapMs < TARGETS.mapSvgMs ? 'holds' : 'does not hold'}`]);

const example = join(ROOT, 'examples', 'motor-claim.journey.yaml');
const pngOut = join(TMP, 'png');
const pngMs = measure('cjm render motor-claim -d map -f png', [NODE, CJM, 'render', example, '-d', 'map', '-f', 'png', '-o', pngOut], pngOut);
rows.push(['map PNG of the motor-claim example, start-up included', fmt(pngMs), '', '', `<= ${fmt(TARGETS.pngMs)}: ${pngMs <= TARGETS.pngMs ? 'holds' : 'does not hold'}`]);
const pngs = join(TMP, 'pngs');
const manyPngMs = measure(`cjm render -d map -f png, ${COUNT} journeys`, [NODE, CJM, 'render', corpus, '--no-config', '-d', 'map', '-f', 'png', '-o', pngs], pngs, 1);
rows.push([`map PNG, ${COUNT} journeys`, fmt(manyPngMs), '', '', 'reported']);

if (!SKIP_BROWSER && existsSync('/usr/bin/chromium')) {
  const mermaidOut = join(TMP, 'mermaid');
  const mermaidMs = measure(`cjm render -d journey -f svg (browser), ${COUNT} journeys`, [NODE, CJM, 'render', corpus, '--no-config', '-d', 'journey', '-f', 'svg', '-o', mermaidOut], mermaidOut, 1);
  rows.push([`cjm's Mermaid journey SVG through Chromium, ${COUNT} journeys`, fmt(mermaidMs), `map SVG: ${fmt(mapMs)}`, `${(mermaidMs / mapMs).toFixed(1)}x slower`, '']);
  const mmdc = join(ROOT, 'bench', 'peers', 'node_modules', '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
  if (existsSync(mmdc)) {
    const sources = join(TMP, 'mmd');
    run([NODE, CJM, 'render', corpus, '--no-config', '-d', 'journey', '-f', 'mermaid', '-o', sources], 'mermaid sources');
    const config = join(TMP, 'puppeteer.json');
    writeFileSync(config, JSON.stringify({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] }));
    const samples = readdirSync(sources).slice(0, MMDC_SAMPLE).map((name) => run([NODE, mmdc, '-p', config, '-i', join(sources, name), '-o', join(sources, name.replace(/\.mmd$/, '.svg'))], 'mmdc'));
    const loop = median(samples) * COUNT;
    rows.push([`mmdc loop, ${COUNT} journeys (extrapolated from ${samples.length} runs: ${samples.map(fmt).join(', ')})`, fmt(loop), `map SVG: ${fmt(mapMs)}`, `${(loop / mapMs).toFixed(0)}x slower`, '']);
  }
}

const loadEnd = loadavg()[0];
const table = [
  '| Scenario | time | compared with | ratio | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
].join('\n');
const section = [
  '<!-- map:start -->',
  '## Journey map',
  '',
  `Generated by \`npm run bench:map\` (bench/map.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end (2 cores). Corpus: ${files.length} generated journeys of ${kb.toFixed(1)} KB on average (seed 7). Wall time of one process per scenario (Node start-up included), median of ${RUNS} runs after a warm-up unless noted.`,
  '',
  table,
  '<!-- map:end -->',
].join('\n');
console.log(`\n${table}`);
const resultsPath = join(ROOT, 'bench', 'results.md');
const results = readFileSync(resultsPath, 'utf8');
const replaced = /<!-- map:start -->[\s\S]*<!-- map:end -->/.test(results) ? results.replace(/<!-- map:start -->[\s\S]*<!-- map:end -->/, section) : `${results.trimEnd()}\n\n${section}\n`;
writeFileSync(resultsPath, replaced);
