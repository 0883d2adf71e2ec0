#!/usr/bin/env node
// `npm run bench`: times cjm against the tools a team would cobble together today
// (ajv-cli for the schema, Spectral with a custom ruleset for the gaps, a shell loop
// over mmdc for diagrams), each scenario and its peer measured in the same run.
// Prints the ratio table and writes bench/results.md.
//
//   node bench/run.js [--quick] [--runs=N] [--spectral-runs=N] [--skip-svg] [--skip-spectral]
// --quick: 3 runs, no 5,000-file corpus, one Spectral run, results.md not written.
//
// Every timing is the wall time of a child process, as a user or CI sees it (spawn,
// Node start-up, imports and exit included); the median of several runs is reported.
// Peak memory is the child's max RSS from /usr/bin/time -f %M (descendants that were
// waited for are included, so Chromium counts for mmdc but not for processes left running).
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './generate-corpus.js';
import { spectralRuleset } from './spectral/ruleset.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const TMP = join(BENCH, '.tmp');
// The peers (Spectral, ajv-cli, the Mermaid CLI) are their own package: bench/peers, installed by `npm run bench`.
const PEERS = join(BENCH, 'peers', 'node_modules');
const CJM = join(ROOT, 'bin', 'cjm.js');
const NODE = process.execPath;
const SEED = 42;
const SIZES = [100, 1000, 5000];
const SVG_COUNT = 100;
const MMDC_SAMPLE = 3;

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const RUNS = Number(argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? (QUICK ? 3 : 5));
const SLOW_RUNS = QUICK ? 1 : 3;
const SPECTRAL_RUNS = Number(argv.find((a) => a.startsWith('--spectral-runs='))?.split('=')[1] ?? SLOW_RUNS);
const SKIP_SVG = argv.includes('--skip-svg');
const SKIP_SPECTRAL = argv.includes('--skip-spectral');
const TIME_BIN = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const ENV = { ...process.env, NO_COLOR: '1', CJM_NOW: '2026-11-22' };
delete ENV.FORCE_COLOR;

const TARGETS = {
  validateLintMs: 1000,
  lintVsSpectral: 5,
  svgVsMmdc: 20,
  versionOverheadMs: 30,
};

// ---------------------------------------------------------------------------- measuring

/** Runs a command once; returns wall ms, max RSS in MB (or null), exit code and a stderr tail. */
function runOnce(command, args, { cwd = ROOT, timeoutMs = 600_000 } = {}) {
  const rssFile = join(TMP, `rss-${process.pid}.txt`);
  const [bin, binArgs] = TIME_BIN ? [TIME_BIN, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(bin, binArgs, { cwd, env: ENV, stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssMb = null;
  if (TIME_BIN && existsSync(rssFile)) {
    // /usr/bin/time appends "Command exited with non-zero status N" before the number.
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kb)) rssMb = kb / 1024;
    rmSync(rssFile, { force: true });
  }
  return { ms, rssMb, code: result.status, signal: result.signal, stderr: String(result.stderr ?? '').slice(-2000) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a command `runs` times (after one warm-up run that fills the OS file cache) and
 * returns the median wall time and the highest max RSS. Exit codes 0 and 1 are success
 * (1 = findings, and the corpus has findings on purpose); anything else is reported.
 */
function measure(label, command, args, { runs = RUNS, warmup = true, okCodes = [0, 1], ...options } = {}) {
  process.stdout.write(`  ${label} ... `);
  if (warmup) runOnce(command, args, options);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = runOnce(command, args, options);
    if (!okCodes.includes(sample.code)) {
      console.log(`FAILED (exit ${sample.code ?? sample.signal})`);
      return { label, failed: true, error: `exit ${sample.code ?? sample.signal}: ${sample.stderr.trim().split('\n').slice(-3).join(' | ')}` };
    }
    samples.push(sample);
  }
  const ms = median(samples.map((s) => s.ms));
  const rss = samples.some((s) => s.rssMb !== null) ? Math.max(...samples.map((s) => s.rssMb ?? 0)) : null;
  console.log(`${fmtMs(ms)} (median of ${runs}${rss !== null ? `, max RSS ${rss.toFixed(0)} MB` : ''})`);
  return { label, ms, rss, runs, samples: samples.map((s) => s.ms) };
}

function fmtMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

// ---------------------------------------------------------------------------- setup

/** Regenerates a corpus when it is missing or was made by another version of the generator. */
function ensureCorpus(count, large = 0) {
  const out = join(BENCH, 'corpus', String(count));
  const stampFile = join(out, '.stamp');
  const stamp = `${SEED}:${large}:${statSync(join(BENCH, 'generate-corpus.js')).mtimeMs}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return out;
  const summary = generateCorpus({ count, seed: SEED, out, large });
  writeFileSync(stampFile, stamp);
  console.log(`  generated ${relative(ROOT, out)}: ${summary.count} files, ${summary.clean} clean, ${summary.lintGaps} with lint gaps, ${summary.schemaErrors} schema-invalid`);
  return out;
}

function corpusStats(dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.journey.yaml'));
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return { files: files.length, bytes, avgKb: bytes / files.length / 1024 };
}

/** Which cjm commands exist in the built CLI (lint and report land while this harness is written). */
function cjmCommands() {
  const help = spawnSync(NODE, [CJM, '--help'], { env: ENV, encoding: 'utf8' }).stdout ?? '';
  return new Set([...help.matchAll(/^\s{2}(\w+)\b/gm)].map((m) => m[1]));
}

function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(existsSync(join(PEERS, name)) ? PEERS : join(ROOT, 'node_modules'), name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function chromiumPath() {
  for (const candidate of [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}


// ---------------------------------------------------------------------------- scenarios

function main() {
  mkdirSync(TMP, { recursive: true });
  const loadAtStart = loadavg()[0];
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing: run `npm run bench` (it builds first)');
  const commands = cjmCommands();
  const has = (name) => commands.has(name);
  const chromium = SKIP_SVG ? null : chromiumPath();

  console.log('Corpus');
  const corpora = Object.fromEntries(SIZES.filter((n) => !QUICK || n <= 1000).map((n) => [n, ensureCorpus(n, n === 1000 ? 3 : 0)]));
  const c1000 = corpora[1000];
  const stats1000 = corpusStats(c1000);
  const largeDir = join(BENCH, 'corpus', 'large');
  const oneFile = join(c1000, 'j00001.journey.yaml');
  const rel = (p) => relative(ROOT, p);

  const results = { scenarios: [], scaling: [], notes: [] };
  const scenario = (name, ours, peer, target) => results.scenarios.push({ name, ours, peer, target });

  console.log('\nStart-up');
  const nodeBare = measure('node -e 0', NODE, ['-e', '0'], { runs: RUNS * 2 });
  const version = measure('cjm --version', NODE, [CJM, '--version'], { runs: RUNS * 2 });
  scenario('`cjm --version` vs `node -e 0`', version, nodeBare, {
    text: `within ${TARGETS.versionOverheadMs} ms of node -e 0`,
    holds: !version.failed && version.ms - nodeBare.ms <= TARGETS.versionOverheadMs,
    measured: version.failed ? 'n/a' : `+${(version.ms - nodeBare.ms).toFixed(0)} ms`,
  });
  const validateOne = measure('cjm validate (1 file)', NODE, [CJM, 'validate', rel(oneFile)]);
  scenario('`cjm validate` on 1 file vs `node -e 0`', validateOne, nodeBare);
  if (has('lint')) {
    const lintOne = measure('cjm lint (1 file)', NODE, [CJM, 'lint', rel(oneFile)]);
    scenario('`cjm lint` on 1 file vs `node -e 0`', lintOne, nodeBare);
  } else scenario('`cjm lint` on 1 file vs `node -e 0`', notAvailable('cjm lint'), nodeBare);

  console.log(`\nValidate ${stats1000.files} files (${(stats1000.bytes / 1e6).toFixed(1)} MB)`);
  const validate = measure('cjm validate', NODE, [CJM, 'validate', rel(c1000)]);
  const ajv = measure('ajv-cli validate', NODE, [
    join(PEERS, 'ajv-cli', 'dist', 'index.js'),
    'validate', '--spec=draft2020', '--all-errors', '-c', 'ajv-formats', '-s', 'schemas/journey.schema.json', '-d', `${rel(c1000)}/*.journey.yaml`,
  ], { runs: SLOW_RUNS });
  scenario(`\`cjm validate\` ${stats1000.files} files vs ajv-cli`, validate, ajv);

  console.log(`\nLint ${stats1000.files} files`);
  const lint = has('lint') ? measure('cjm lint', NODE, [CJM, 'lint', rel(c1000)]) : notAvailable('cjm lint');
  let spectral;
  if (SKIP_SPECTRAL) spectral = notAvailable('Spectral (--skip-spectral)');
  else {
    const ruleset = spectralRuleset(TMP);
    spectral = measure('spectral lint', NODE, [
      join(PEERS, '@stoplight', 'spectral-cli', 'dist', 'index.js'),
      'lint', '-r', rel(ruleset), '-f', 'text', '--quiet', `${rel(c1000)}/*.journey.yaml`,
    ], { runs: SPECTRAL_RUNS, warmup: false });
  }
  scenario(`\`cjm lint\` ${stats1000.files} files vs Spectral`, lint, spectral, {
    text: `>= ${TARGETS.lintVsSpectral}x faster than Spectral`,
    holds: !lint.failed && !spectral.failed && spectral.ms / lint.ms >= TARGETS.lintVsSpectral,
  });
  // The issue's headline target: validate plus lint on 1,000 files of ~10 KB in under a second.
  // `cjm lint` validates first (schema and references) and then runs the rules, so one lint run is both.
  scenario(`\`cjm lint\` (validate + lint) ${stats1000.files} files, wall`, lint, null, {
    text: `under ${fmtMs(TARGETS.validateLintMs)}`,
    holds: !lint.failed && lint.ms < TARGETS.validateLintMs,
    measured: lint.failed ? 'n/a' : fmtMs(lint.ms),
  });

  console.log(`\nSVG: ${SVG_COUNT} diagrams`);
  if (!chromium) {
    const why = SKIP_SVG ? 'skipped (--skip-svg)' : 'skipped: no Chromium found (set PUPPETEER_EXECUTABLE_PATH)';
    console.log(`  ${why}`);
    scenario(`\`cjm render --format svg\` ${SVG_COUNT} diagrams vs ${SVG_COUNT} mmdc runs`, notAvailable(why), notAvailable(why));
  } else {
    results.scenarios.push(...svgScenario(corpora[100], chromium, has('render')));
  }

  console.log('\nScaling (time per file must stay flat)');
  for (const [count, dir] of Object.entries(corpora)) {
    const stats = corpusStats(dir);
    const row = { count: Number(count), mb: stats.bytes / 1e6 };
    row.validate = measure(`cjm validate ${count}`, NODE, [CJM, 'validate', rel(dir)], { runs: count >= 5000 ? SLOW_RUNS : RUNS });
    row.lint = has('lint') ? measure(`cjm lint ${count}`, NODE, [CJM, 'lint', rel(dir)], { runs: count >= 5000 ? SLOW_RUNS : RUNS }) : notAvailable('cjm lint');
    results.scaling.push(row);
  }

  console.log('\nLarge files (memory follows the largest file, not the corpus)');
  const largeStats = corpusStats(largeDir);
  const largeValidate = measure(`cjm validate ${largeStats.files} files of ${(largeStats.bytes / largeStats.files / 1e6).toFixed(1)} MB`, NODE, [CJM, 'validate', rel(largeDir)], { runs: SLOW_RUNS });
  const largeLint = has('lint') ? measure('cjm lint (large)', NODE, [CJM, 'lint', rel(largeDir)], { runs: SLOW_RUNS }) : notAvailable('cjm lint');
  results.large = { stats: largeStats, validate: largeValidate, lint: largeLint };

  const machine = {
    cpus: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${process.platform} ${process.arch}`,
    // Wall times are only comparable on an idle machine: a 1-minute load average above the
    // core count means other work competed with both cjm and its peers.
    load: `1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (${cpus().length} cores)`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    versions: {
      cjm: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version + ` (${gitHead()})`,
      'ajv-cli': packageVersion('ajv-cli'),
      '@stoplight/spectral-cli': packageVersion('@stoplight/spectral-cli'),
      '@mermaid-js/mermaid-cli': packageVersion('@mermaid-js/mermaid-cli'),
      chromium: chromium ? chromiumVersion(chromium) : 'absent',
    },
    corpus: `${stats1000.files} files, ${(stats1000.bytes / 1e6).toFixed(1)} MB, ${stats1000.avgKb.toFixed(1)} KB on average (seed ${SEED})`,
  };
  const table = ratioTable(results);
  console.log(`\n${table}`);
  const markdown = resultsMarkdown(results, machine, table);
  // The sections other scripts write (bench/map.js, data.js, speed.js) are theirs: kept as they are.
  const resultsPath = join(BENCH, 'results.md');
  const kept = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8').match(/<!-- (\w+):start -->[\s\S]*?<!-- \1:end -->/g) ?? [] : [];
  if (!QUICK) writeFileSync(resultsPath, [markdown.trimEnd(), ...kept].join('\n\n') + '\n');
  console.log(QUICK ? '\n(--quick: bench/results.md not written)' : '\nWrote bench/results.md');
}

function notAvailable(why) {
  console.log(`  ${why}: not available`);
  return { label: why, failed: true, error: 'not available' };
}

/**
 * cjm renders 100 SVGs in one process (one browser page, mermaid loaded once); the peer
 * is a shell loop that starts mmdc (Node + Chromium + mermaid) once per diagram. A
 * full loop takes minutes, so a few mmdc runs are measured and the median is
 * multiplied by 100, which the table says.
 */
function svgScenario(corpusDir, chromium, hasRender) {
  const name = `\`cjm render --format svg\` ${SVG_COUNT} diagrams vs ${SVG_COUNT} mmdc runs`;
  const target = (ours, peer) => ({
    text: `>= ${TARGETS.svgVsMmdc}x faster than the mmdc loop`,
    holds: !ours.failed && !peer.failed && peer.ms / ours.ms >= TARGETS.svgVsMmdc,
  });
  if (!hasRender) {
    const ours = notAvailable('cjm render');
    return [{ name, ours, peer: notAvailable('cjm render (needed to make the mmdc input)'), target: target(ours, ours) }];
  }
  const outDir = join(TMP, 'svg');
  rmSync(outDir, { recursive: true, force: true });
  const ours = measure(`cjm render --format svg (${SVG_COUNT} files)`, NODE, [CJM, 'render', '--diagram', 'journey', '--format', 'svg', '--browser', chromium, '--out', relative(ROOT, outDir), relative(ROOT, corpusDir)], { runs: SLOW_RUNS });
  const rendered = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.svg')).length : 0;

  // mmdc input: the same Mermaid source cjm draws for the first journeys.
  const mmdDir = join(TMP, 'mmd');
  rmSync(mmdDir, { recursive: true, force: true });
  spawnSync(NODE, [CJM, 'render', '--diagram', 'journey', '--format', 'mermaid', '--out', relative(ROOT, mmdDir), relative(ROOT, corpusDir)], { cwd: ROOT, env: ENV });
  const sources = existsSync(mmdDir) ? readdirSync(mmdDir).filter((f) => f.endsWith('.mmd')).slice(0, MMDC_SAMPLE) : [];
  if (sources.length === 0) return [{ name, ours, peer: { failed: true, error: 'cjm render --out wrote no .mmd files' }, target: target(ours, { failed: true }) }];
  const puppeteerConfig = join(TMP, 'puppeteer.json');
  writeFileSync(puppeteerConfig, JSON.stringify({ executablePath: chromium, args: ['--no-sandbox'] }));
  const mmdc = join(PEERS, '@mermaid-js', 'mermaid-cli', 'src', 'cli.js');
  const perRun = [];
  let rss = 0;
  for (const source of sources) {
    const run = measure(`mmdc ${source}`, NODE, [mmdc, '-p', relative(ROOT, puppeteerConfig), '-i', relative(ROOT, join(mmdDir, source)), '-o', relative(ROOT, join(mmdDir, source.replace(/\.mmd$/, '.svg')))], { runs: 1, warmup: source === sources[0] });
    if (run.failed) return [{ name, ours, peer: run, target: target(ours, run) }];
    perRun.push(run.ms);
    rss = Math.max(rss, run.rss ?? 0);
  }
  const peer = { label: `mmdc x ${SVG_COUNT} (extrapolated)`, ms: median(perRun) * SVG_COUNT, rss, runs: perRun.length, extrapolated: `median of ${perRun.length} single mmdc runs (${perRun.map(fmtMs).join(', ')}) x ${SVG_COUNT}` };
  console.log(`  mmdc loop of ${SVG_COUNT}: ${fmtMs(peer.ms)} (extrapolated from ${perRun.length} runs); cjm wrote ${rendered} SVGs`);
  ours.note = `${rendered} SVGs written (the corpus's schema-invalid files are reported, not drawn)`;
  return [{ name, ours, peer, target: target(ours, peer) }];
}

function gitHead() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'no git';
  }
}

function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return path;
  }
}

// ---------------------------------------------------------------------------- reporting

function cell(result) {
  if (!result) return '';
  if (result.failed) return result.error === 'not available' ? 'not available' : `failed (${result.error})`;
  return fmtMs(result.ms);
}

function ratio(ours, peer) {
  if (!ours || !peer || ours.failed || peer.failed) return 'n/a';
  return `${(peer.ms / ours.ms).toFixed(1)}x`;
}

function rssCell(result) {
  return result && !result.failed && result.rss ? `${result.rss.toFixed(0)} MB` : '';
}

function ratioTable({ scenarios }) {
  const rows = [
    ['Scenario', 'cjm', 'peer', 'ratio (peer / cjm)', 'cjm max RSS', 'peer max RSS', 'target'],
    ...scenarios.map(({ name, ours, peer, target }) => [
      name,
      cell(ours),
      peer ? `${cell(peer)}${peer.extrapolated ? ' (extrapolated)' : ''}` : '-',
      peer ? ratio(ours, peer) : (target?.measured ?? '-'),
      rssCell(ours),
      rssCell(peer),
      target ? `${target.text}: ${verdict(target, ours, peer)}` : '',
    ]),
  ];
  return markdownTable(rows);
}

function verdict(target, ours, peer) {
  if (ours?.failed || peer?.failed) return 'not measured';
  return target.holds ? 'holds' : 'does not hold';
}

function markdownTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function resultsMarkdown(results, machine, table) {
  const scaling = markdownTable([
    ['files', 'MB', 'cjm validate', 'per file', 'max RSS', 'cjm lint', 'per file', 'max RSS'],
    ...results.scaling.map((row) => [
      row.count,
      row.mb.toFixed(1),
      cell(row.validate),
      row.validate.failed ? '' : `${(row.validate.ms / row.count).toFixed(2)} ms`,
      rssCell(row.validate),
      cell(row.lint),
      row.lint.failed ? '' : `${(row.lint.ms / row.count).toFixed(2)} ms`,
      rssCell(row.lint),
    ]),
  ]);
  const { large } = results;
  const peerNotes = results.scenarios
    .filter((s) => s.peer?.extrapolated || s.ours?.note)
    .map((s) => `- ${s.name}: ${[s.ours?.note, s.peer?.extrapolated ? `the mmdc loop is extrapolated: ${s.peer.extrapolated}` : ''].filter(Boolean).join('; ')}.`);
  return `# Benchmark results

Generated by \`npm run bench\` (bench/run.js); do not edit by hand. Every number is the wall
time of a child process (Node start-up included), the median of several runs after a warm-up
run, cjm and its peer measured in the same run. Max RSS from \`/usr/bin/time -f %M\`.

## Machine

- CPU: ${machine.cpus}
- Memory: ${machine.memory}
- OS: ${machine.os}, Node ${machine.node}
- Load: ${machine.load}
- Date: ${machine.date}
- Versions: ${Object.entries(machine.versions).map(([k, v]) => `${k} ${v}`).join('; ')}
- Corpus: ${machine.corpus}; generated by bench/generate-corpus.js (about 68% clean, 30% with lint gaps, 2% schema-invalid)

## Ratios and targets

${table}

${peerNotes.join('\n')}

Peers:
- ajv-cli: \`ajv validate --spec=draft2020 --all-errors -c ajv-formats -s schemas/journey.schema.json -d 'bench/corpus/1000/*.journey.yaml'\`.
  It reads YAML with js-yaml 3 and its YAML 1.1 schema, which turns every unquoted date (\`reviewed: 2026-09-30\`)
  into a Date object, so ajv-cli rejects nearly every valid journey with "must be string": the setup people
  cobble together today disagrees with the schema it is given. Its time still covers parsing and validating every file.
- Spectral: \`spectral lint -r bench/.tmp/spectral-ruleset.json 'bench/corpus/1000/*.journey.yaml'\`, the ruleset of
  bench/spectral/.spectral.yaml with the JSON Schema inlined. It checks the schema plus stage owner, step channel,
  stage KPI, KPI target, emotion and review date; cjm lint also resolves references across files and runs every default rule.
- mmdc: one \`mmdc -p puppeteer.json -i <journey>.mmd -o <journey>.svg\` per diagram, on the Mermaid source cjm writes.

## Scaling

${scaling}

## Large files

${large.stats.files} files of ${(large.stats.bytes / large.stats.files / 1e6).toFixed(1)} MB on average (60 stages of 40 steps):
\`cjm validate\` ${cell(large.validate)} (max RSS ${rssCell(large.validate) || 'n/a'}), \`cjm lint\` ${cell(large.lint)} (max RSS ${rssCell(large.lint) || 'n/a'}).
`;
}

main();
