#!/usr/bin/env node
// `npm run bench:hostile`: peak memory and time of the worst inputs within the default limits,
// against the budget of issue 12: every command stays under 300 MB of peak RSS and 5 s per file.
//   - the issue's inputs as reported (alias fan-out: one anchored list reused by 998 aliases, 145 KB and 2 MB;
//     one list of 2.5 million items, 5 MB), which are refused;
//   - the largest the default limits accept: alias fan-out, one list and unknown top-level keys (one finding
//     each) at limits.maxNodes, and an ordinary journey (the corpus generator's, grown) at limits.maxFileSize,
//     valid and with a syntax error at its end.
// Each input is run through validate, lint, fmt --check and report, one process each, Node start-up included.
// Prints a table and replaces the "Hostile input" section of bench/results.md.
//
//   node bench/hostile.js [--no-write]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { journeyText, prng } from './generate-corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CJM = join(ROOT, 'bin', 'cjm.js');
const TMP = join(ROOT, 'bench', '.tmp', 'hostile');
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const BUDGET = { rssMb: 300, seconds: 5 };
/**
 * Inputs are made as large as the default limits accept (the built cjm's: `npm run bench:hostile` builds first),
 * read from the public API (dist/ is a bundle): a workspace without a config has the default limits.
 */
const { openWorkspace } = await import(new URL('../dist/index.js', import.meta.url).href);
const { limits: DEFAULT_LIMITS } = await openWorkspace({ config: false });

/** One anchored list of `items` items, reused by `aliases` aliases: the expansion is items x aliases nodes. */
export function aliasFanOut(items, aliases = 998) {
  const steps = [`      - { id: s0, name: S, backstage: &b [${Array(items).fill('a').join(',')}] }`];
  for (let i = 1; i <= aliases; i++) steps.push(`      - { id: s${i}, name: S, backstage: *b }`);
  return `cjm: 1\nid: f\ntitle: F\nstages:\n  - id: a\n    name: A\n    steps:\n${steps.join('\n')}\n`;
}

/** One flow list of `items` one-letter items. */
export function longList(items) {
  return `cjm: 1\nid: l\ntitle: L\nstages:\n  - id: a\n    name: A\n    steps:\n      - id: s\n        name: S\n        backstage: [${Array(items).fill('a').join(',')}]\n`;
}

/** `keys` unknown top-level keys: one schema finding each. */
export function manyUnknownKeys(keys) {
  const lines = ['cjm: 1', 'id: k', 'title: K', 'stages:', '  - id: a', '    name: A'];
  for (let i = 0; i < keys; i++) lines.push(`k${i}: 1`);
  return `${lines.join('\n')}\n`;
}

/** A realistic journey (the benchmark corpus's generator) with as many steps as fit in `bytes`. */
export function ordinaryJourney(bytes) {
  let stages = 8;
  let text = journeyText(prng(42), 0, { stages, steps: 40 });
  const perStage = text.length / stages;
  stages = Math.floor((bytes * 0.98) / perStage);
  text = journeyText(prng(42), 0, { stages, steps: 40 });
  while (text.length > bytes) text = journeyText(prng(42), 0, { stages: --stages, steps: 40 });
  return text;
}

/** The inputs, for bench/hostile.js and its capped-heap test (test/e2e/hostile-memory.test.ts). */
export const HOSTILE_INPUTS = [
  // The issue's inputs, as reported: refused now, and how fast.
  { name: 'alias fan-out, 50,000 items x 998 aliases', file: 'fan-out-50k.journey.yaml', make: () => aliasFanOut(50_000) },
  { name: 'alias fan-out, 1,000,000 items x 998 aliases', file: 'fan-out-1m.journey.yaml', make: () => aliasFanOut(1_000_000) },
  { name: 'one list of 2.5 million items', file: 'long-list.journey.yaml', make: () => longList(2_500_000) },
  // The largest inputs the default limits accept: the budget must hold for these.
  { name: 'alias fan-out at the node limit', file: 'fan-out-limit.journey.yaml', make: () => aliasFanOut(Math.floor(DEFAULT_LIMITS.maxNodes / 1000) - 4) },
  { name: 'one list at the node limit', file: 'list-limit.journey.yaml', make: () => longList(DEFAULT_LIMITS.maxNodes - 100) },
  { name: 'unknown keys at the node limit (one finding each)', file: 'many-findings.journey.yaml', make: () => manyUnknownKeys(Math.floor(DEFAULT_LIMITS.maxNodes / 2) - 10) },
  { name: 'ordinary journey at the size limit', file: 'ordinary.journey.yaml', make: () => ordinaryJourney(DEFAULT_LIMITS.maxFileSize) },
  { name: 'the same with a syntax error at the end', file: 'ordinary-broken.journey.yaml', make: () => `${ordinaryJourney(DEFAULT_LIMITS.maxFileSize - 100)}  bad: [unclosed\n` },
];

const COMMANDS = [
  { name: 'validate', args: (file) => ['validate', '--no-config', file] },
  { name: 'lint', args: (file) => ['lint', '--no-config', file] },
  { name: 'fmt --check', args: (file) => ['fmt', '--check', '--no-config', file] },
  { name: 'report', args: (file) => ['report', '--no-config', '-o', join(TMP, 'site'), file] },
];

/** Wall time and peak RSS of one cjm process (a minute at most: anything near it is far over budget anyway). */
function measure(args) {
  const rssFile = join(TMP, 'rss.txt');
  const command = [process.execPath, CJM, ...args];
  const [bin, binArgs] = TIME_BIN ? [TIME_BIN, ['-f', '%M', '-o', rssFile, ...command]] : [command[0], command.slice(1)];
  const start = process.hrtime.bigint();
  const result = spawnSync(bin, binArgs, { cwd: TMP, env: { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22', CJM_WORKERS: '0' }, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000, maxBuffer: 256 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rssMb = TIME_BIN && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  const stderr = result.stderr?.toString() ?? '';
  const outcome = result.signal ? `killed (${result.signal})` : /heap out of memory|internal error/i.test(stderr) ? `crashed (exit ${result.status})` : `exit ${result.status}`;
  return { seconds, rssMb, outcome, message: stderr.split('\n').find((line) => line.startsWith('cjm:')) ?? '' };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const write = !process.argv.includes('--no-write');
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const loadStart = loadavg()[0];
  const rows = [];
  let over = 0;
  for (const input of HOSTILE_INPUTS) {
    const text = input.make();
    writeFileSync(join(TMP, input.file), text);
    for (const command of COMMANDS) {
      const run = measure(command.args(input.file));
      const holds = run.rssMb < BUDGET.rssMb && run.seconds < BUDGET.seconds && !/killed|crashed/.test(run.outcome);
      if (!holds) over++;
      const row = [input.name, `${(text.length / 1024 / 1024).toFixed(2)} MB`, `\`${command.name}\``, `${run.seconds.toFixed(2)} s`, `${Math.round(run.rssMb)} MB`, run.outcome, holds ? 'holds' : 'over'];
      console.log(row.join('  '), run.message ? `\n    ${run.message.slice(0, 200)}` : '');
      rows.push(row);
    }
  }
  const loadEnd = loadavg()[0];
  const table = ['| Input | size | command | time | peak RSS | outcome | budget |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const section = [
    '<!-- hostile:start -->',
    '## Hostile input',
    '',
    `Generated by \`npm run bench:hostile\` (bench/hostile.js) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average ${loadStart.toFixed(1)} at the start, ${loadEnd.toFixed(1)} at the end (2 cores). ` +
      `The worst inputs within the default limits, one process per run (Node start-up included, CJM_WORKERS=0), peak RSS from \`/usr/bin/time -f %M\`. ` +
      `Budget: under ${BUDGET.rssMb} MB and ${BUDGET.seconds} s for any input file within the default limits. ${over === 0 ? 'Every run holds.' : `${over} runs over budget.`}`,
    '',
    table,
    '<!-- hostile:end -->',
  ].join('\n');
  console.log(`\n${table}`);
  if (write) {
    const resultsPath = join(ROOT, 'bench', 'results.md');
    const results = readFileSync(resultsPath, 'utf8');
    const marked = /<!-- hostile:start -->[\s\S]*<!-- hostile:end -->/;
    writeFileSync(resultsPath, marked.test(results) ? results.replace(marked, section) : `${results.trimEnd()}\n\n${section}\n`);
  }
  process.exitCode = over === 0 ? 0 : 1;
}
