#!/usr/bin/env node
// `npm run bench:speed` (and the last step of `npm run bench`): the speed users feel (issue 14),
// every figure a ratio to something measured in the same run on this machine:
//   - `cjm lint` of 1,000 files against the floor (bench/floor.js: list, read, js-yaml, the
//     project's Zod journey schema; nothing else) and against Spectral;
//   - `--cache`: a cold run (no cache file) against a warm one (nothing changed);
//   - one file: `cjm validate` and `cjm lint` alone in a folder, and `cjm lint --cache` of one
//     file inside the 1,000-journey workspace, against `node -e 0`;
//   - the worker pool asked for (CJM_WORKERS=1) and off (CJM_WORKERS=0) at 10, 1,000 and 5,000 files:
//     wall and CPU (user + system) time;
//   - peak RSS of `cjm lint` at 5,000 files.
// The machine is shared and noisy: the commands of one comparison run in turn (a, b, a, b...),
// each after a warm-up run, and medians are reported with the load average.
// Prints a table and replaces the "Speed" section of bench/results.md.
//
//   node bench/speed.js [--runs=N] [--skip-spectral] [--no-write]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateCorpus } from './generate-corpus.js';
import { spectralRuleset } from './spectral/ruleset.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const TMP = join(BENCH, '.tmp', 'speed');
const CJM = join(ROOT, 'bin', 'cjm.js');
const NODE = process.execPath;
const PEERS = join(BENCH, 'peers', 'node_modules');
const argv = process.argv.slice(2);
const RUNS = Number(argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 5);
const SLOW_RUNS = Math.max(1, Math.min(RUNS, 3));
const SKIP_SPECTRAL = argv.includes('--skip-spectral');
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const ENV = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22' };
delete ENV.FORCE_COLOR;
delete ENV.CJM_WORKERS;

/** One run: wall ms, CPU ms (user + system, from /usr/bin/time), max RSS in MB. */
function runOnce({ command, args, cwd = ROOT, env = {}, before }) {
  before?.();
  const stats = join(TMP, `time-${process.pid}.txt`);
  const [bin, binArgs] = TIME_BIN ? [TIME_BIN, ['-f', '%M %U %S', '-o', stats, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(bin, binArgs, { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${String(result.stderr).slice(-500)}`);
  let cpuMs = null;
  let rssMb = null;
  if (TIME_BIN && existsSync(stats)) {
    // /usr/bin/time writes "Command exited with non-zero status N" first when the status is not 0.
    const [kb, user, system] = readFileSync(stats, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    rssMb = kb / 1024;
    cpuMs = (user + system) * 1000;
    rmSync(stats, { force: true });
  }
  return { ms, cpuMs, rssMb };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** Runs the commands in turn, `runs` rounds after one warm-up round; medians by label. */
function alternate(commands, runs = RUNS, { warmup = true } = {}) {
  process.stdout.write(`  ${commands.map((c) => c.label).join(' / ')} ... `);
  if (warmup) for (const command of commands) runOnce(command);
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) commands.forEach((command, i) => samples[i].push(runOnce(command)));
  const results = Object.fromEntries(
    commands.map((command, i) => [
      command.label,
      {
        ms: median(samples[i].map((s) => s.ms)),
        cpuMs: TIME_BIN ? median(samples[i].map((s) => s.cpuMs)) : null,
        rssMb: TIME_BIN ? Math.max(...samples[i].map((s) => s.rssMb)) : null,
        runs,
      },
    ]),
  );
  console.log(commands.map((c) => fmt(results[c.label].ms)).join(' / '));
  return results;
}

function fmt(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

const x = (a, b) => `${(a / b).toFixed(2)}x`;

function corpus(count) {
  const out = join(BENCH, 'corpus', String(count));
  // bench/run.js keeps these up to date (with a stamp); a missing one is made the same way.
  if (!existsSync(join(out, 'j00001.journey.yaml'))) generateCorpus({ count, seed: 42, out, large: count === 1000 ? 3 : 0 });
  return out;
}


/** bench/floor.js bundled as cjm is (esbuild), so neither pays for loading loose modules. */
async function bundledFloor() {
  const outfile = join(TMP, 'floor.mjs');
  await build({ entryPoints: [join(BENCH, 'floor.js')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  return outfile;
}

async function main() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const loadStart = loadavg();
  const c1000 = corpus(1000);
  const c5000 = corpus(5000);
  const c10 = join(TMP, 'corpus-10');
  generateCorpus({ count: 10, seed: 42, out: c10 });
  const floor = await bundledFloor();
  const rows = [];
  const row = (scenario, figure, against, ratioText, target) => rows.push([scenario, figure, against, ratioText, target ?? '']);

  console.log('Lint 1,000 files against the floor (and Spectral)');
  // Run in the corpus folder, so that cjm reads the corpus's own config (the repository's has a catalogue and KPI data the floor knows nothing of).
  const lintCmd = (dir, extra = [], env = {}) => ({ command: NODE, args: [CJM, 'lint', ...extra, '.'], cwd: dir, env });
  const floorRuns = alternate([
    { label: 'floor', command: NODE, args: [floor, '.'], cwd: c1000 },
    { label: 'cjm lint', ...lintCmd(c1000) },
  ]);
  const lintMs = floorRuns['cjm lint'].ms;
  row('`cjm lint` 1,000 files', fmt(lintMs), `floor ${fmt(floorRuns.floor.ms)}`, x(lintMs, floorRuns.floor.ms), `<= 1.25x the floor: ${lintMs / floorRuns.floor.ms <= 1.25 ? 'holds' : 'does not hold'}`);
  if (!SKIP_SPECTRAL && existsSync(join(PEERS, '@stoplight', 'spectral-cli'))) {
    // Spectral takes half a minute a run: one run, after cjm's, with the same ruleset as bench/run.js.
    const ruleset = spectralRuleset(TMP);
    {
      const spectral = alternate([{ label: 'spectral', command: NODE, args: [join(PEERS, '@stoplight', 'spectral-cli', 'dist', 'index.js'), 'lint', '-r', ruleset, '-f', 'text', '--quiet', '*.journey.yaml'], cwd: c1000 }], 1, { warmup: false });
      row('Spectral, 1,000 files', fmt(spectral.spectral.ms), `cjm lint ${fmt(lintMs)}`, `cjm ${x(spectral.spectral.ms, lintMs)} faster`, '');
    }
  }

  console.log('Cache: cold (no cache file) and warm (nothing changed), 1,000 files');
  const cacheFile = join(TMP, 'cache-1000');
  const cacheRuns = alternate([
    { label: 'lint cold', ...lintCmd(c1000, ['--cache-location', cacheFile]), before: () => rmSync(cacheFile, { force: true }) },
    { label: 'lint warm', ...lintCmd(c1000, ['--cache-location', `${cacheFile}-warm`]) },
    { label: 'validate cold', command: NODE, args: [CJM, 'validate', '--cache-location', `${cacheFile}-v`, '.'], cwd: c1000, before: () => rmSync(`${cacheFile}-v`, { force: true }) },
    { label: 'validate warm', command: NODE, args: [CJM, 'validate', '--cache-location', `${cacheFile}-vw`, '.'], cwd: c1000 },
  ]);
  const cacheRatio = cacheRuns['lint warm'].ms / cacheRuns['lint cold'].ms;
  row('`cjm lint --cache` 1,000 unchanged files (warm)', fmt(cacheRuns['lint warm'].ms), `cold ${fmt(cacheRuns['lint cold'].ms)}`, x(cacheRuns['lint warm'].ms, cacheRuns['lint cold'].ms), `<= 0.3x the cold run: ${cacheRatio <= 0.3 ? 'holds' : 'does not hold'}`);
  row('`cjm validate --cache` 1,000 unchanged files (warm)', fmt(cacheRuns['validate warm'].ms), `cold ${fmt(cacheRuns['validate cold'].ms)}`, x(cacheRuns['validate warm'].ms, cacheRuns['validate cold'].ms), '');

  console.log('One file against node -e 0');
  // Outside the repository: a folder below it would find the repository's own cjm.config.yaml (catalogue, KPI data).
  const alone = mkdtempSync(join(tmpdir(), 'cjm-speed-one-'));
  cpSync(join(c1000, 'j00001.journey.yaml'), join(alone, 'j00001.journey.yaml'));
  const wsCache = join(TMP, 'ws-cache');
  runOnce({ command: NODE, args: [CJM, 'lint', '--cache-location', wsCache], cwd: c1000 });
  const one = alternate([
    { label: 'node -e 0', command: NODE, args: ['-e', '0'] },
    { label: 'validate alone', command: NODE, args: [CJM, 'validate', 'j00001.journey.yaml'], cwd: alone },
    { label: 'lint alone', command: NODE, args: [CJM, 'lint', 'j00001.journey.yaml'], cwd: alone },
    { label: 'lint in workspace', command: NODE, args: [CJM, 'lint', '--cache-location', wsCache, 'j00001.journey.yaml'], cwd: c1000 },
  ], RUNS * 2);
  const bare = one['node -e 0'].ms;
  // Wall time, and in brackets CPU time (user + system), which a busy machine inflates less.
  const both = (label) => `${x(one[label].ms, bare)} (CPU ${one[label].cpuMs ? x(one[label].cpuMs, one['node -e 0'].cpuMs) : 'n/a'})`;
  const holds = (ratio, limit) => (ratio <= limit ? 'holds' : 'does not hold');
  row('`cjm validate` 1 file alone in a folder', fmt(one['validate alone'].ms), `node -e 0 ${fmt(bare)}`, both('validate alone'), `<= 2x: ${holds(one['validate alone'].ms / bare, 2)}`);
  row('`cjm lint` 1 file alone in a folder', fmt(one['lint alone'].ms), `node -e 0 ${fmt(bare)}`, both('lint alone'), `<= 2.2x: ${holds(one['lint alone'].ms / bare, 2.2)}`);
  row('`cjm lint --cache` 1 file in the 1,000-journey workspace (warm)', fmt(one['lint in workspace'].ms), `node -e 0 ${fmt(bare)}`, both('lint in workspace'), `<= 3x: ${holds(one['lint in workspace'].ms / bare, 3)}`);

  // The default starts threads only on idle cores and from 2,500 files a thread: CJM_WORKERS=1 asks for one thread (from 64 files).
  console.log('Worker pool on (CJM_WORKERS=1) and off (CJM_WORKERS=0)');
  const pool = [];
  for (const [count, dir, runs] of [[10, c10, RUNS], [1000, c1000, RUNS], [5000, c5000, SLOW_RUNS]]) {
    const runsOf = alternate([{ label: 'on', ...lintCmd(dir, [], { CJM_WORKERS: '1' }) }, { label: 'off', ...lintCmd(dir, [], { CJM_WORKERS: '0' }) }], runs);
    pool.push({ count, ...runsOf });
    const { on, off } = runsOf;
    row(`one worker thread (CJM_WORKERS=1) vs none, \`cjm lint\` ${count} files`, `${fmt(on.ms)}, CPU ${fmt(on.cpuMs ?? 0)}`, `off: ${fmt(off.ms)}, CPU ${fmt(off.cpuMs ?? 0)}`, `wall ${x(on.ms, off.ms)}, CPU ${on.cpuMs ? x(on.cpuMs, off.cpuMs) : 'n/a'}`, `CPU overhead <= 10%: ${on.cpuMs ? holds(on.cpuMs / off.cpuMs, 1.1) : 'not measured'}`);
  }
  const big = pool.at(-1);
  const rss = big.off.rssMb;
  row('`cjm lint` 5,000 files, peak RSS, one thread', rss === null ? 'n/a' : `${rss.toFixed(0)} MB`, `with a worker thread: ${big.on.rssMb === null ? 'n/a' : `${big.on.rssMb.toFixed(0)} MB`}`, '', `<= 200 MB: ${rss === null ? 'not measured' : holds(rss, 200)}`);

  const loadEnd = loadavg();
  const table = ['| Scenario | cjm | compared with | ratio | target |', '| --- | --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  console.log(`\n${table}\n\nload average ${loadStart[0].toFixed(1)} at the start, ${loadEnd[0].toFixed(1)} at the end (${cpus().length} cores)`);
  if (argv.includes('--no-write')) return;
  const section = [
    '<!-- speed:start -->',
    '## Speed',
    '',
    `Generated by \`npm run bench:speed\` (bench/speed.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; 1-minute load average ${loadStart[0].toFixed(1)} at the start, ${loadEnd[0].toFixed(1)} at the end (${cpus().length} cores, shared). Commands compared run in turn, one warm-up round then ${RUNS} rounds (one file: ${RUNS * 2}; 5,000 files: ${SLOW_RUNS}; Spectral: 1), medians of wall time; CPU is user + system time of the process and its threads, peak RSS from \`/usr/bin/time -f %M\`. The floor is bench/floor.js bundled with esbuild: list the folder, read each file, js-yaml, the project's Zod journey schema. Worker threads: by default cjm starts them only on idle cores and from 2,500 files a thread, so on this machine the default runs in one thread; CJM_WORKERS=1 asks for one from 64 files, so at 10 files no thread starts even then (that row's difference is noise).`,
    '',
    table,
    '<!-- speed:end -->',
  ].join('\n');
  const resultsPath = join(BENCH, 'results.md');
  const results = readFileSync(resultsPath, 'utf8');
  const pattern = /<!-- speed:start -->[\s\S]*<!-- speed:end -->/;
  writeFileSync(resultsPath, pattern.test(results) ? results.replace(pattern, section) : `${results.trimEnd()}\n\n${section}\n`);
}

await main();
