import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Journey } from '../../src/schema/journey.js';
import { catalogForJourney } from '../../src/load/catalog.js';
import { openWorkspace, type Workspace } from '../../src/load/workspace.js';
import { lintFiles } from '../../src/lint/index.js';
import { renderJourneyPage } from '../../src/report/index.js';
import { MERMAID_KINDS, renderMermaid } from '../../src/render/index.js';
import { renderBlueprintSvg, renderJourneyMapSvg } from '../../src/render/map/index.js';
import { validateFiles } from '../../src/validate/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { HOSTILE_STRINGS, scratchDir, STACK_FRAME } from './hostile.js';

/**
 * Mutates the valid examples (drop keys, swap types, insert hostile strings, add unknown
 * keys, truncate or splice the text) and checks that validate, lint, render (Mermaid) and
 * report never throw and never take long on any of them; a small sample goes through the
 * built binary, which must exit 0, 1 or 2 and point into the file.
 */
const NOW = new Date('2026-11-22');
const EXAMPLES = join(ROOT, 'examples');
const SEEDS = readdirSync(EXAMPLES).filter((name) => name.endsWith('.journey.yaml')).sort();
const TEXTS = SEEDS.map((name) => ({ name, text: readFileSync(join(EXAMPLES, name), 'utf8') }));
const FILE = 'fuzz.journey.yaml';

type Path = (string | number)[];

/** Every node of a parsed document, as a path from the root. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
  return out;
}

function parentOf(root: unknown, path: Path): [Record<string | number, unknown> | undefined, string | number | undefined] {
  if (path.length === 0) return [undefined, undefined];
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  return [node, path[path.length - 1]];
}

const REPLACEMENTS: unknown[] = [null, 0, -1, 3, 1.5, 1e308, -0, '', 'text', [], {}, true, false, '2026-13-45', 'a'.repeat(5_000), [[[[[[[[[[]]]]]]]]]], { id: 'x' }, ['x', 1, null], ...HOSTILE_STRINGS];

const treeOp = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat({ max: REPLACEMENTS.length - 1 }) }),
  fc.record({ kind: fc.constant('hostile' as const), at: fc.nat(), with: fc.nat({ max: HOSTILE_STRINGS.length - 1 }) }),
  fc.record({ kind: fc.constant('unknown-key' as const), at: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'nmae', 'Next', 'toString', '<<', 'id', '') }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
);

const textOp = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(':', ': ', '- ', '[', ']', '{', '}', '&a ', '*a', '!!js/function ', '!!binary ', '|', '>', '\t', '\n', '#', '"', "'", '%YAML 1.1\n', '---\n', '...\n', '? ', '\u0000', '\uFEFF', '\u202E', '@', '`') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 200 }) }),
);

const input = fc.record({
  seed: fc.nat({ max: SEEDS.length - 1 }),
  tree: fc.array(treeOp, { maxLength: 4 }),
  text: fc.array(textOp, { maxLength: 2 }),
});

type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** The mutated file text for one generated input. */
function mutate({ seed, tree, text }: Input): string {
  let out = TEXTS[seed].text;
  if (tree.length > 0) {
    const doc = parse(out) as unknown;
    for (const op of tree) {
      const all = paths(doc);
      const path = all[op.at % all.length];
      const [parent, key] = parentOf(doc, path);
      if (op.kind === 'unknown-key') {
        const target = parentOf(doc, [...path, '']);
        const node = target[0];
        if (node && typeof node === 'object' && !Array.isArray(node)) Object.defineProperty(node, op.key, { value: 'injected', enumerable: true, configurable: true, writable: true });
        continue;
      }
      if (!parent || key === undefined) continue;
      if (op.kind === 'drop') {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else if (op.kind === 'swap') parent[key] = structuredClone(REPLACEMENTS[op.with]);
      else if (op.kind === 'hostile') parent[key] = HOSTILE_STRINGS[op.with];
      else if (op.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    }
    out = stringify(doc, { aliasDuplicateObjects: false });
  }
  for (const op of text) {
    const at = Math.floor(op.at * out.length);
    if (op.kind === 'truncate') out = out.slice(0, at);
    else if (op.kind === 'insert') out = out.slice(0, at) + op.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + op.length);
  }
  return out;
}

const scratch = scratchDir('fuzz');
let workspace: Workspace;

beforeAll(async () => {
  // The examples' workspace: shared catalogue and the other journeys, so sub-journey ids resolve.
  copyFileSync(join(EXAMPLES, 'shared', 'catalog.yaml'), join(scratch.dir, 'catalog.yaml'));
  writeFileSync(join(scratch.dir, 'cjm.config.yaml'), 'include: ["*.journey.yaml"]\ncatalog: [catalog.yaml]\n');
  for (const name of SEEDS) copyFileSync(join(EXAMPLES, name), join(scratch.dir, `seed-${name}`));
  workspace = await openWorkspace({ cwd: scratch.dir });
});
afterAll(() => scratch.cleanup());

function expectPointsIntoFile(findings: readonly { file: string; line: number; column: number }[], text: string): void {
  const lines = text.split('\n').length;
  for (const finding of findings) {
    expect(finding.file).toBe(FILE);
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lines + 1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
}

describe('fuzzed examples', () => {
  it('validate, lint, Mermaid and the report page never throw and stay fast', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (generated) => {
        const text = mutate(generated);
        writeFileSync(join(scratch.dir, FILE), text);
        const validated = await validateFiles([FILE], { cwd: scratch.dir });
        expect(validated.files).toHaveLength(1);
        expectPointsIntoFile(validated.files[0].findings, text);
        const linted = await lintFiles([FILE], { cwd: scratch.dir, now: NOW, keepJourneys: true });
        const [file] = linted.files;
        expectPointsIntoFile(file.findings, text);
        const journey = file.journey as Journey | undefined;
        if (journey) {
          const catalog = catalogForJourney(workspace.catalog, journey);
          for (const kind of MERMAID_KINDS) expect(typeof renderMermaid(journey, kind, { catalog })).toBe('string');
          expect(renderJourneyMapSvg(journey, { catalog })).toMatch(/^<svg/);
          expect(renderBlueprintSvg(journey, { catalog })).toMatch(/^<svg/);
          const page = renderJourneyPage({ file: FILE, journey, catalog, findings: file.findings }, { now: NOW });
          expect(page.length).toBeGreaterThan(0);
          expect(page).not.toMatch(/<script/i);
        }
      }),
      { numRuns: 100, seed: 20261122, endOnFailure: true },
    );
  }, 120_000);

  it('the built binary exits 0, 1 or 2 on a sample, never with a stack trace, and points into the file', async () => {
    const sample = fc.sample(input.filter((i) => i.tree.length + i.text.length > 0), { numRuns: 5, seed: 7 });
    for (const [i, generated] of sample.entries()) {
      const name = `bin-${i}.journey.yaml`;
      const text = mutate(generated);
      writeFileSync(join(scratch.dir, name), text);
      const [validate, lint] = await Promise.all(
        ['validate', 'lint'].map((command) => runCli([command, '--format', 'json', name], { cwd: scratch.dir, timeoutMs: 20_000 })),
      );
      for (const [command, result] of [['validate', validate], ['lint', lint]] as const) {
        expect([0, 1, 2], `${command} ${name}: exit ${result.code}\n${result.stderr}`).toContain(result.code);
        expect(result.stderr + result.stdout).not.toMatch(STACK_FRAME);
        if (result.code === 2) {
          expect(result.stderr, `${command} ${name}`).toContain(name);
          continue;
        }
        const report = JSON.parse(result.stdout) as { findings: { file: string; line: number; column: number }[] };
        if (result.code === 1) expect(report.findings.length).toBeGreaterThan(0);
        const lines = text.split('\n').length;
        for (const finding of report.findings) {
          expect(finding.file).toBe(name);
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lines + 1);
          expect(finding.column).toBeGreaterThanOrEqual(1);
        }
      }
    }
  }, 120_000);
});
