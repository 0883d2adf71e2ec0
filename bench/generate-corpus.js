#!/usr/bin/env node
// Writes a seeded, deterministic corpus of realistic journey files for `npm run bench`:
//   node bench/generate-corpus.js [count=1000] [--seed=42] [--out=bench/corpus/<count>] [--large=3]
// Each journey is about 10 KB (10.5 KB on average with the default seed): 3 personas, 6 stages of 5 steps, touchpoints, pains,
// opportunities, KPIs, emotions and some branches. The mix mirrors a real repository:
// about 68% of files are clean, about 30% carry lint gaps (a stage without owner, a KPI
// without target, a step without emotion or channel, no review date) and 2% are
// schema-invalid (a typo'd key, an emotion out of range, a KPI outside its metric's range).
// `--large=N` adds N large journeys (about 1 MB each, 60 stages of 40 steps) in
// bench/corpus/large/, kept apart so that the per-file scaling numbers stay comparable.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed always gives the same corpus. */
export function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = [
  { name: 'motor insurance claim', org: 'Aurora Insurance', tags: ['insurance', 'claims'] },
  { name: 'mortgage application', org: 'Harbour Bank', tags: ['banking', 'lending'] },
  { name: 'broadband installation', org: 'Fibrely', tags: ['telco', 'onboarding'] },
  { name: 'online grocery order', org: 'Greenbasket', tags: ['retail', 'e-commerce'] },
  { name: 'hospital outpatient visit', org: 'St. Mary Clinic', tags: ['health', 'patient'] },
  { name: 'SaaS trial to paid', org: 'Tasklane', tags: ['saas', 'b2b'] },
  { name: 'airline rebooking after a cancellation', org: 'Northsky Air', tags: ['travel', 'disruption'] },
  { name: 'energy supplier switch', org: 'Voltwise', tags: ['utilities', 'switching'] },
];
const STAGE_NAMES = [
  ['aware', 'Becomes aware of the need'],
  ['explore', 'Explores the options'],
  ['decide', 'Decides and signs up'],
  ['onboard', 'Gets started'],
  ['use', 'Uses the service day to day'],
  ['support', 'Gets help when something goes wrong'],
  ['renew', 'Renews or leaves'],
  ['advocate', 'Recommends to others'],
];
const VERBS = ['Opens', 'Compares', 'Reads', 'Calls', 'Uploads', 'Checks', 'Waits for', 'Confirms', 'Asks about', 'Pays', 'Books', 'Cancels', 'Reviews', 'Shares'];
const OBJECTS = ['the offer page', 'the price breakdown', 'the status update', 'a confirmation email', 'the contract', 'the appointment slot', 'the invoice', 'the help article', 'the mobile app', 'the call-back request', 'the delivery window', 'the account settings', 'the renewal reminder', 'the survey'];
const FEELINGS = ['anxious', 'curious', 'confused', 'relieved', 'frustrated', 'confident', 'impatient', 'delighted', 'indifferent', 'reassured'];
const PAINS = [
  'Has to retype data already given on another channel',
  'Waits on hold for more than ten minutes at peak times',
  'Cannot tell whether the request was received',
  'Price changes between the offer and the checkout',
  'The confirmation email lands in spam',
  'Instructions use internal jargon nobody outside understands',
  'Two channels give two different answers',
  'The form times out and loses what was typed',
  'Nobody calls back as promised',
  'The app asks for a password reset every week',
];
const OPPORTUNITIES = [
  'Prefill known data from the account',
  'Send a proactive status update by SMS',
  'Show the total price from the first screen',
  'Offer a call-back instead of the queue',
  'Let the agent see the draft started online',
  'Save progress and resume from a reminder link',
  'Rewrite the letter in plain language',
  'Add a live tracker with the next milestone',
];
const BACKSTAGE = ['CRM record updated', 'Fraud pre-check', 'Credit check with the bureau', 'Ticket routed to the second line', 'Batch export to the billing system', 'Manual review by the back office', 'Nightly sync with the partner', 'Address validated against the registry'];
const TEAMS = ['cx-team', 'digital-team', 'contact-centre', 'field-ops', 'billing', 'marketing', 'sales-ops', 'retention-team', 'it-service'];
const CHANNELS = ['web', 'app', 'email', 'sms', 'phone', 'chat', 'store', 'video', 'push', 'mail'];
const METRICS = [
  ['csat', 0, 100],
  ['nps', -100, 100],
  ['ces', 1, 7],
  ['conversion', 0, 100],
  ['dropoff', 0, 100],
  ['fcr', 0, 100],
  ['churn', 0, 100],
];
const FIRST_NAMES = ['Marco', 'Giulia', 'Sara', 'Tom', 'Aisha', 'Lukas', 'Mei', 'Pedro', 'Nora', 'Ivan', 'Fatima', 'Jonas'];
const ROLES = ['first-time customer', 'loyal customer', 'small business owner', 'student on a budget', 'busy parent', 'retired customer', 'procurement lead'];

/** YAML-safe scalar: quoted only when needed (the corpus is plain YAML a person would write). */
function q(text) {
  return /^[\w][\w .,'()/-]*$/.test(text) && !/: |^(true|false|null|yes|no)$/i.test(text) ? text : JSON.stringify(text);
}

/** The gaps a lint run should find in about 30% of the files, one or two per affected file. */
const LINT_GAPS = ['stage-owner', 'kpi-target', 'emotion-missing', 'step-channel', 'stale-review', 'stage-kpi'];
const SCHEMA_ERRORS = ['typo-key', 'emotion-range', 'kpi-range'];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
function int(rand, lo, hi) {
  return lo + Math.floor(rand() * (hi - lo + 1));
}
function isoDate(rand, year, monthLo, monthHi) {
  return `${year}-${String(int(rand, monthLo, monthHi)).padStart(2, '0')}-${String(int(rand, 1, 28)).padStart(2, '0')}`;
}

/**
 * One journey as YAML text. `shape` sets the size: stages x steps; `gaps` and `schemaError`
 * plant the findings. Returns the text and what was planted (for the corpus manifest).
 */
export function journeyText(rand, index, { stages = 6, steps = 5, gaps = [], schemaError = null } = {}) {
  const domain = pick(rand, DOMAINS);
  const id = `journey-${String(index).padStart(5, '0')}`;
  const lines = [];
  const push = (line) => lines.push(line);
  const personaIds = ['primary', 'secondary', 'occasional'];
  const usedChannels = [...new Set(Array.from({ length: 4 }, () => pick(rand, CHANNELS)))];
  if (!usedChannels.some((c) => ['phone', 'store', 'video'].includes(c))) usedChannels.push('phone');
  if (!usedChannels.some((c) => ['web', 'app', 'email', 'sms', 'chat', 'push', 'mail'].includes(c))) usedChannels.push('web');
  const customChannel = `${domain.tags[0]}-portal`;
  usedChannels.push(customChannel);

  push('# yaml-language-server: $schema=../../../schemas/journey.schema.json');
  push(`# ${domain.org}: ${domain.name}, generated for the benchmark (seeded, index ${index}).`);
  push('cjm: 1');
  push(`id: ${id}`);
  push(`title: ${q(`${domain.org}, ${domain.name} (${index})`)}`);
  push('description: |');
  push(`  How a customer goes through the ${domain.name} at **${domain.org}**, as it works today.`);
  push('state: current');
  push(`owner: ${pick(rand, TEAMS)}`);
  if (!gaps.includes('stale-review')) push(`reviewed: ${isoDate(rand, 2026, 7, 10)}`);
  push(`tags: [${domain.tags.join(', ')}]`);
  push('links:');
  push(`  - { title: VoC survey, url: "https://example.com/${id}/voc.pdf", type: document }`);
  push('personas:');
  personaIds.forEach((pid) => {
    const first = pick(rand, FIRST_NAMES);
    push(`  - id: ${pid}`);
    push(`    name: ${q(`${first}, ${pick(rand, ROLES)}`)}`);
    push(`    goals: [${q(pick(rand, ['Get it done in one go', 'Pay a fair price', 'Know what happens next']))}, ${q(pick(rand, ['Talk to a person when stuck', 'Avoid paperwork', 'Keep control of the timing']))}]`);
    push(`    needs: [Clear status updates, ${q(pick(rand, ['One contact who knows the case', 'Plain language', 'A price that does not change']))}]`);
    push(`    channels: [${usedChannels.join(', ')}]`);
  });
  push('channels:');
  push(`  - { id: ${customChannel}, name: ${q(`${domain.org} customer portal`)}, type: digital }`);
  push('metrics:');
  push('  - { id: repeat-contacts, name: Repeat contacts per case, unit: contacts, direction: down, range: [0, 50] }');

  const gapStage = int(rand, 0, stages - 1);
  const gapStep = int(rand, 0, steps - 1);
  const errorStage = int(rand, 0, stages - 1);
  let previousChannel = null;
  push('stages:');
  for (let s = 0; s < stages; s++) {
    const [stageSlug, stageName] = STAGE_NAMES[s % STAGE_NAMES.length];
    const stageId = stages > STAGE_NAMES.length ? `${stageSlug}-${s}` : stageSlug;
    push(`  - id: ${stageId}`);
    push(`    name: ${q(stageName)}`);
    if (!(gaps.includes('stage-owner') && s === gapStage)) push(`    owner: ${pick(rand, TEAMS)}`);
    if (rand() < 0.5) push(`    goal: ${q(`The customer ${stageName.toLowerCase()} without having to chase ${domain.org}`)}`);
    if (!(gaps.includes('stage-kpi') && s === gapStage)) {
      push('    kpis:');
      const [metric, lo, hi] = pick(rand, METRICS);
      const noTarget = gaps.includes('kpi-target') && s === gapStage;
      const outOfRange = schemaError === 'kpi-range' && s === errorStage;
      const target = int(rand, lo + Math.floor((hi - lo) / 2), hi);
      const actual = outOfRange ? hi + 50 : int(rand, lo, hi);
      push(`      - { metric: ${metric}${noTarget ? '' : `, target: ${target}`}, actual: ${actual}${rand() < 0.4 ? `, source: Quarterly survey, measured: ${isoDate(rand, 2026, 6, 9)}` : ''} }`);
      if (rand() < 0.3) push(`      - { metric: repeat-contacts, target: 1, actual: ${(1 + rand() * 3).toFixed(1)}, source: CRM report }`);
    }
    push('    steps:');
    for (let t = 0; t < steps; t++) {
      const stepId = `${stageId}-s${t + 1}`;
      const isLast = s === stages - 1 && t === steps - 1;
      const channel = rand() < 0.8 && previousChannel ? previousChannel : pick(rand, usedChannels);
      const gapHere = s === gapStage && t === gapStep;
      push(`      - id: ${stepId}`);
      push(`        name: ${q(`${pick(rand, VERBS)} ${pick(rand, OBJECTS)}`)}`);
      if (t === 0) push('        personas: [primary, secondary, occasional]');
      else if (rand() < 0.25) push(`        personas: [${rand() < 0.7 ? 'primary' : 'primary, secondary'}]`);
      if (rand() < 0.3) push(`        action: ${q(`${pick(rand, VERBS)} ${pick(rand, OBJECTS)}`)}`);
      if (!(gaps.includes('step-channel') && gapHere)) {
        const second = rand() < 0.08 ? `, { channel: ${channel}, description: Follow-up message }` : '';
        push(`        touchpoints: [{ channel: ${channel}${rand() < 0.3 ? `, owner: ${pick(rand, TEAMS)}` : ''} }${second}]`);
      }
      if (rand() < 0.2) push(`        backstage: [${q(pick(rand, BACKSTAGE))}]`);
      const typoHere = schemaError === 'typo-key' && s === errorStage && t === 0;
      if (typoHere) push('        emotoin: -1');
      else if (schemaError === 'emotion-range' && s === errorStage && t === 0) push('        emotion: 4');
      else if (!(gaps.includes('emotion-missing') && gapHere)) push(`        emotion: ${int(rand, -2, 2)}`);
      if (rand() < 0.3) push(`        feeling: ${pick(rand, FEELINGS)}`);
      if (rand() < 0.4) {
        const severe = rand() < 0.3 ? `, { text: ${q(pick(rand, PAINS))}, severity: ${pick(rand, ['low', 'medium', 'high'])} }` : '';
        push(`        pains: [${q(pick(rand, PAINS))}${severe}]`);
      }
      if (rand() < 0.35) push(`        opportunities: [${q(pick(rand, OPPORTUNITIES))}]`);
      if (previousChannel && channel !== previousChannel) push(`        handoff: ${q(`Case number carried over from ${previousChannel}`)}`);
      if (rand() < 0.15) {
        push('        momentOfTruth: true');
        push(`        kpis: [{ metric: csat, target: ${int(rand, 75, 95)}, actual: ${int(rand, 40, 95)} }]`);
      }
      // Branches: skip ahead one step for a share of customers; the skipped step stays reachable by fall-through.
      const hasTwoAhead = t + 2 < steps;
      if (!isLast && hasTwoAhead && rand() < 0.15) {
        push('        next:');
        push(`          - { to: ${stageId}-s${t + 2}, when: ${q('the customer needs more help')}, share: ${int(rand, 50, 80)} }`);
        push(`          - { to: ${stageId}-s${t + 3}, when: ${q('everything is already in order')} }`);
      }
      if (rand() < 0.2) push(`        dropoff: ${int(rand, 1, 20)}`);
      if (rand() < 0.3) push(`        evidence: ${pick(rand, ['observed', 'reported', 'inferred', 'assumed'])}`);
      previousChannel = gaps.includes('step-channel') && gapHere ? previousChannel : channel;
    }
  }
  return lines.join('\n') + '\n';
}

/** Which gaps and schema errors file `index` carries: a fixed, seeded share of the corpus. */
function plan(rand) {
  const roll = rand();
  if (roll < 0.02) return { gaps: [], schemaError: pick(rand, SCHEMA_ERRORS) };
  if (roll < 0.32) {
    const gaps = [pick(rand, LINT_GAPS)];
    if (rand() < 0.3) gaps.push(pick(rand, LINT_GAPS));
    return { gaps, schemaError: null };
  }
  return { gaps: [], schemaError: null };
}

export const CONFIG_TEXT = `# Benchmark workspace: every journey file of this folder.
include: ["*.journey.yaml"]
`;

/** Writes `count` journey files (and a cjm.config.yaml) into `out`; returns a summary. */
export function generateCorpus({ count = 1000, seed = 42, out, large = 0 }) {
  const rand = prng(seed);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'cjm.config.yaml'), CONFIG_TEXT);
  const summary = { count, seed, bytes: 0, clean: 0, lintGaps: 0, schemaErrors: 0 };
  for (let i = 1; i <= count; i++) {
    const shape = plan(rand);
    const text = journeyText(rand, i, shape);
    writeFileSync(join(out, `j${String(i).padStart(5, '0')}.journey.yaml`), text);
    summary.bytes += Buffer.byteLength(text);
    if (shape.schemaError) summary.schemaErrors++;
    else if (shape.gaps.length) summary.lintGaps++;
    else summary.clean++;
  }
  if (large > 0) {
    const largeDir = join(out, '..', 'large');
    rmSync(largeDir, { recursive: true, force: true });
    mkdirSync(largeDir, { recursive: true });
    writeFileSync(join(largeDir, 'cjm.config.yaml'), CONFIG_TEXT);
    for (let i = 1; i <= large; i++) {
      const text = journeyText(rand, 90000 + i, { stages: 60, steps: 40 });
      writeFileSync(join(largeDir, `large${i}.journey.yaml`), text);
    }
  }
  return summary;
}

const isMain = import.meta.url === new URL(process.argv[1], 'file://').href || process.argv[1]?.endsWith('generate-corpus.js');
if (isMain) {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => !a.startsWith('--')) ?? 1000);
  const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
  const out = option('out', join('bench', 'corpus', String(count)));
  const summary = generateCorpus({ count, seed: Number(option('seed', 42)), out, large: Number(option('large', 0)) });
  console.log(
    `${out}: ${summary.count} files, ${(summary.bytes / 1024 / summary.count).toFixed(1)} KB each on average; ` +
      `${summary.clean} clean, ${summary.lintGaps} with lint gaps, ${summary.schemaErrors} schema-invalid`,
  );
}
