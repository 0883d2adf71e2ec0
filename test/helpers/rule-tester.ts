import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DataPath, Position } from '../../src/findings.js';
import type { Journey } from '../../src/schema/journey.js';
import type { Rule, RuleReport } from '../../src/lint/rule.js';
import { catalogForJourney } from '../../src/load/catalog.js';
import { openWorkspace, type Workspace } from '../../src/load/workspace.js';
import { analyzeText } from '../../src/validate/analyze-text.js';
import { loadKpiData, type KpiData } from '../../src/data/index.js';
import { parseRuleOptions } from '../../src/lint/settings.js';

/** Today in every rule test, the same as CJM_NOW in the CLI tests. */
const TEST_NOW = new Date('2026-11-22T00:00:00Z');

interface ExpectedFinding {
  line: number;
  column: number;
  /** Parts the message must contain (a stage or step name, the fix). */
  messageIncludes?: string | string[];
}

interface RuleCase {
  name: string;
  /** A whole journey document; it must be valid (schema and references). */
  yaml: string;
  /** Rule options as written in the config; parsed through the rule's schema. */
  options?: unknown;
  now?: Date;
  /** Other journey ids of the workspace, for subjourney references. */
  journeyIds?: string[];
  /** KPI data merged into the journey, as a run with `data:` in its config does (see fixtureData). */
  kpiData?: KpiData;
  /** Exactly the findings the rule must give, in any order. */
  findings: ExpectedFinding[];
}

interface LintedFinding extends Position {
  message: string;
  path: DataPath;
  /** Set when the finding points into a data file rather than the journey. */
  file?: string;
}

let workspace: Promise<Workspace> | undefined;
function testWorkspace(): Promise<Workspace> {
  workspace ??= openWorkspace({ config: false });
  return workspace;
}

/**
 * Runs a rule over one YAML document the way the engine does: validated
 * first, options parsed through the rule's schema, the catalogue as seen from
 * the journey, a fixed "today". Returns the findings with 1-based positions.
 */
export async function lintWithRule<O>(rule: Rule<O>, yaml: string, setup: Omit<RuleCase, 'name' | 'yaml' | 'findings'> = {}): Promise<LintedFinding[]> {
  const ws = await testWorkspace();
  const journeyIds = new Set(setup.journeyIds ?? []);
  const idLine = /^id:\s*(\S+)/m.exec(yaml);
  if (idLine) journeyIds.add(idLine[1]);
  const analyzed = analyzeText('test.journey.yaml', yaml, { workspace: ws, journeyIds, kpiData: setup.kpiData });
  expect(analyzed.findings.map((finding) => `${finding.line}:${finding.column} ${finding.message}`), 'the test document must be valid').toEqual([]);
  const journey = analyzed.journey as Journey;
  const reports: RuleReport[] = [];
  rule.check(journey, {
    options: ruleOptions(rule, setup.options ?? {}),
    catalog: catalogForJourney(ws.catalog, journey),
    journeyIds,
    now: setup.now ?? TEST_NOW,
    data: analyzed.data,
    report: (report) => reports.push(report),
  });
  const positions = analyzed.source!.positions();
  return reports.map((report) => {
    if (report.at) return { line: report.at.line, column: report.at.column, endLine: report.at.line, endColumn: report.at.column, message: report.message, path: report.path, file: report.at.file };
    expect(pathExists(analyzed.source!.data, report.path), `report path ${report.path.join('.')} must exist in the document`).toBe(true);
    return { ...positions.locate(report.path, report.target), message: report.message, path: report.path };
  });
}

/**
 * A table of cases in the style of Spectral's rule tests: each case is a whole
 * document and the exact findings (line, column, message parts) it must give.
 */
export function testRule<O>(rule: Rule<O>, cases: RuleCase[]): void {
  describe(`rule ${rule.id}`, () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const findings = await lintWithRule(rule, testCase.yaml, testCase);
        const byPosition = (a: Pick<Position, 'line' | 'column'>, b: Pick<Position, 'line' | 'column'>) => a.line - b.line || a.column - b.column;
        const actual = [...findings].sort(byPosition);
        const expected = [...testCase.findings].sort(byPosition);
        expect(
          actual.map(({ line, column, message }) => ({ line, column, message })),
          'positions of the findings',
        ).toMatchObject(expected.map(({ line, column }) => ({ line, column })));
        expected.forEach((want, index) => {
          for (const part of [want.messageIncludes ?? []].flat()) expect(actual[index].message).toContain(part);
        });
      });
    }
  });
}

function pathExists(data: unknown, path: DataPath): boolean {
  let node = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !(String(segment) in node)) return false;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return true;
}

/**
 * Strips the indentation common to all lines and the first newline, so test
 * documents can be indented with the code; line 1 is the first line after the backtick.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n').replace(/[ ]+$/, '');
}

/** The KPI data of a folder with a cjm.config.yaml (`data:`), read as a run in that folder reads it. */
export async function fixtureData(dir: string): Promise<KpiData | undefined> {
  return loadKpiData(await openWorkspace({ cwd: dir }));
}

/** Runs a rule on an in-memory journey (no YAML), for property tests over many generated journeys. */
export function checkJourney<O>(rule: Rule<O>, journey: Journey, options: unknown = {}): RuleReport[] {
  const reports: RuleReport[] = [];
  rule.check(journey, {
    options: ruleOptions(rule, options),
    catalog: catalogForJourney({ personas: new Map(), channels: new Map(), metrics: new Map() }, journey),
    journeyIds: new Set([journey.id]),
    now: TEST_NOW,
    report: (report) => reports.push(report),
  });
  return reports;
}

/** A rule's options as the engine reads a config's: checked, defaults for those left out. */
export function ruleOptions<O>(rule: Rule<O>, value: unknown): O {
  const parsed = parseRuleOptions(rule, value, z);
  if (!parsed.success) throw parsed.error;
  return parsed.data as O;
}
