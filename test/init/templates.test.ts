import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_TEMPLATE_NAMES } from '../../src/commands/init.js';
import { formatJourneyText } from '../../src/fmt/format.js';
import { journeySchema } from '../../src/schema/journey.js';
import { renderJourneyTemplate } from '../../src/init/template-file.js';
import { TEMPLATE_NAMES, TEMPLATES } from '../../src/init/templates.js';
import { lintFiles } from '../../src/lint/engine.js';
import { openWorkspace } from '../../src/load/workspace.js';
import { analyzeText } from '../../src/validate/analyze-text.js';

const SCHEMA = './node_modules/cjm/schemas/journey.schema.json';
const render = (name: string, id = name, title?: string) => renderJourneyTemplate(TEMPLATES[name], { id, title, schema: SCHEMA });

describe('starter journeys', () => {
  it('offers the five templates of the brief', () => {
    expect(TEMPLATE_NAMES).toEqual(['lifecycle', 'aida', 'mckinsey-loop', 'onboarding', 'service-blueprint']);
    // The command lists them itself so that `cjm --help` loads no template code.
    expect(CLI_TEMPLATE_NAMES).toEqual(TEMPLATE_NAMES);
  });

  it.each(TEMPLATE_NAMES)('%s passes validate with no finding at all', async (name) => {
    const workspace = await openWorkspace({ config: false });
    const analyzed = analyzeText(`${name}.journey.yaml`, render(name), { workspace, journeyIds: new Set([name]) });
    expect(analyzed.findings).toEqual([]);
    expect(analyzed.journey?.id).toBe(name);
  });

  it.each(TEMPLATE_NAMES)('%s is already in the canonical layout of cjm fmt', (name) => {
    const text = render(name);
    expect(formatJourneyText(text)).toEqual({ ok: true, output: text, changed: false });
  });

  it.each(TEMPLATE_NAMES)('%s starts with the schema modeline and says lint findings are the to-do list', (name) => {
    const text = render(name);
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA}`);
    expect(text).toContain('that list is your to-do list');
  });

  it.each(TEMPLATE_NAMES)('%s: lint finds exactly the to-do items its header announces, nothing its own structure causes', async (name) => {
    const text = render(name);
    const announced = [...text.matchAll(/^# {3}- .* \(([a-z-]+(?:, [a-z-]+)*)\)$/gm)].flatMap((match) => match[1].split(', '));
    const dir = mkdtempSync(join(tmpdir(), 'cjm-template-'));
    writeFileSync(join(dir, `${name}.journey.yaml`), text);
    const run = await lintFiles([`${name}.journey.yaml`], { cwd: dir, config: false, now: new Date('2026-11-22T00:00:00Z') });
    const found = new Set(run.files[0].findings.map((finding) => finding.ruleId));
    expect([...found].sort()).toEqual([...announced].sort());
    expect(announced.length).toBeGreaterThanOrEqual(6);
  });

  it('fills --id and --title, quoting a title that needs it', () => {
    const data = parse(render('aida', 'spring-sale', 'Spring sale: #1 campaign, "best" offers'));
    expect(data.id).toBe('spring-sale');
    expect(data.title).toBe('Spring sale: #1 campaign, "best" offers');
  });

  it('lifecycle and aida have the stages of their models', () => {
    const stageIds = (name: string) => journeySchema.parse(parse(render(name))).stages.map((stage) => stage.id);
    expect(stageIds('lifecycle')).toEqual(['awareness', 'consideration', 'purchase', 'onboarding', 'retention', 'advocacy']);
    expect(stageIds('aida')).toEqual(['attention', 'interest', 'desire', 'action']);
    expect(stageIds('mckinsey-loop')).toEqual(['initial-consideration', 'active-evaluation', 'purchase', 'post-purchase']);
  });

  it('mckinsey-loop loops back from post-purchase through next', () => {
    const journey = journeySchema.parse(parse(render('mckinsey-loop')));
    const last = journey.stages.at(-1)!.steps!.at(-1)!;
    const earlier = journey.stages.slice(0, -1).flatMap((stage) => (stage.steps ?? []).map((step) => step.id));
    expect(last.next?.length).toBeGreaterThan(0);
    for (const target of last.next!) expect(earlier).toContain(target);
  });

  it('onboarding is a cascade of moments of truth', () => {
    const steps = journeySchema.parse(parse(render('onboarding'))).stages.flatMap((stage) => stage.steps ?? []);
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.every((step) => step.momentOfTruth === true)).toBe(true);
  });

  it('service-blueprint steps fill every lane of the blueprint: actions, touchpoints, backstage and support', () => {
    const steps = journeySchema.parse(parse(render('service-blueprint'))).stages.flatMap((stage) => stage.steps ?? []);
    for (const step of steps) {
      expect(step.action).toBeTruthy();
      expect(step.touchpoints?.length).toBeGreaterThan(0);
      expect(step.backstage?.length).toBeGreaterThan(0);
      expect(step.support?.length).toBeGreaterThan(0);
    }
  });
});
