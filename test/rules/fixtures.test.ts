import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/lint/rule.js';
import { fixtureData, lintWithRule, ruleOptions } from '../helpers/rule-tester.js';
import type { KpiData } from '../../src/data/index.js';

const RULES_DIR = new URL('../../src/rules/', import.meta.url);
const FIXTURES_DIR = new URL('../fixtures/lint/', import.meta.url);
const DOCS_DIR = new URL('../../docs/rules/', import.meta.url);

/** Every rule module in src/rules, read from the files (index.ts is generated from them). */
const ruleIds = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.slice(0, -3))
  .sort();

async function loadRules(): Promise<Rule<unknown>[]> {
  return Promise.all(ruleIds.map(async (id) => (await import(new URL(`${id}.ts`, RULES_DIR).href)).default as Rule<unknown>));
}

function fixture(ruleId: string, kind: 'fail' | 'pass'): string {
  return readFileSync(new URL(`${ruleId}/${kind}.journey.yaml`, FIXTURES_DIR), 'utf8');
}

/** A fixture folder with a cjm.config.yaml has KPI data (the data rules' fixtures): its journeys are linted with it. */
async function folderData(ruleId: string): Promise<KpiData | undefined> {
  const dir = fileURLToPath(new URL(`${ruleId}/`, FIXTURES_DIR));
  return existsSync(`${dir}cjm.config.yaml`) ? fixtureData(dir) : undefined;
}

/** Fail fixtures that cannot avoid a second rule: a moment of truth without KPI needs a stage without one. */
const ALSO_FIRES: Record<string, string[]> = { 'moment-of-truth-kpi': ['stage-kpi'] };

describe('rule modules, fixtures and pages', () => {
  it('has exactly the rules of issues 3 and 15', () => {
    expect(ruleIds).toEqual(
      [
        'stage-owner', 'step-channel', 'stage-empty', 'unreachable-step', 'dead-end', 'stage-kpi', 'kpi-target', 'kpi-off-target',
        'emotion-missing', 'pain-without-opportunity', 'moment-of-truth-kpi', 'channel-handoff', 'persona-unused', 'persona-channel',
        'stale-review', 'inside-out', 'digital-gap', 'dropoff-hotspot', 'evidence-missing',
        // issue 15: KPI data
        'kpi-stale', 'kpi-data-unmatched', 'kpi-no-data', 'kpi-trend', 'kpi-thin-sample', 'kpi-data-mismatch',
      ].sort(),
    );
  });

  it('each module is named after its rule id, and parsing {} gives its default options', async () => {
    for (const [index, rule] of (await loadRules()).entries()) {
      expect(rule.id).toBe(ruleIds[index]);
      expect(rule.description).toMatch(/^\S.*[.)]$/);
      expect(() => ruleOptions(rule, {})).not.toThrow();
    }
  });

  it('each rule has a page and the index lists it with its default severity', async () => {
    const index = readFileSync(new URL('README.md', DOCS_DIR), 'utf8');
    for (const rule of await loadRules()) {
      const page = readFileSync(new URL(`${rule.id}.md`, DOCS_DIR), 'utf8');
      expect(page).toContain(`# ${rule.id}`);
      expect(page).toContain(`Default severity: **${rule.defaultSeverity}**`);
      expect(page).toContain(`# cjm-disable-next-line ${rule.id}`);
      expect(index).toContain(`[${rule.id}](${rule.id}.md) | ${rule.defaultSeverity} |`);
    }
  });

  it('every pass fixture is clean under every default rule', async () => {
    const rules = (await loadRules()).filter((rule) => rule.defaultSeverity !== 'off');
    for (const ruleId of ruleIds) {
      const text = fixture(ruleId, 'pass');
      const kpiData = await folderData(ruleId);
      for (const rule of rules) {
        const findings = await lintWithRule(rule, text, { kpiData });
        expect(findings.map((finding) => `${ruleId}/pass.journey.yaml:${finding.line}:${finding.column} ${rule.id}: ${finding.message}`)).toEqual([]);
      }
    }
  });

  it('every fail fixture triggers its rule, and no other default rule unless documented', async () => {
    const rules = await loadRules();
    for (const ruleId of ruleIds) {
      const text = fixture(ruleId, 'fail');
      const kpiData = await folderData(ruleId);
      const fired: string[] = [];
      for (const rule of rules) {
        if (rule.defaultSeverity === 'off' && rule.id !== ruleId) continue;
        if ((await lintWithRule(rule, text, { kpiData })).length > 0) fired.push(rule.id);
      }
      expect(fired, `rules firing on ${ruleId}/fail.journey.yaml`).toEqual([ruleId, ...(ALSO_FIRES[ruleId] ?? [])].sort());
    }
  });
});
