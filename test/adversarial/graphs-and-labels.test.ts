import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Journey } from '../../src/schema/journey.js';
import { catalogForJourney } from '../../src/load/catalog.js';
import { openWorkspace } from '../../src/load/workspace.js';
import { lintFiles } from '../../src/lint/index.js';
import { MERMAID_KINDS, renderJourneysToFiles, renderMermaid } from '../../src/render/index.js';
import { renderBlueprintSvg, renderJourneyMapSvg } from '../../src/render/map/index.js';
import { validateFiles } from '../../src/validate/index.js';
import { runCli } from '../helpers/cli.js';
import { ADVERSARIAL, HOSTILE_STRINGS, scratchDir, STACK_FRAME } from './hostile.js';

const NOW = new Date('2026-11-22');
const CYCLES = join(ADVERSARIAL, 'cycles');
const CHROMIUM = [process.env.PUPPETEER_EXECUTABLE_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));

/** Script in any form a browser or a markdown viewer would run: a script tag, a javascript: link, an on*= handler. */
export function scriptHazards(text: string): string[] {
  const hazards: string[] = [];
  if (/<script/i.test(text)) hazards.push('<script');
  // `\](` escaped by a backslash is literal text, and `&lt;a href=...` is escaped text, not a tag.
  const markdownLink = /(?<!\\)\]\(\s*<?\s*javascript:|^\s*\[[^\]]+\]:\s*<?javascript:|<javascript:/im;
  const htmlAttribute = /<[a-z][^>]*\b(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i;
  if (markdownLink.test(text) || htmlAttribute.test(text)) hazards.push('javascript: URL');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(text)) hazards.push('event-handler attribute');
  return hazards;
}

describe('cyclic next graphs and self-referencing sub-journeys', () => {
  // A cycle followed forever would hang: the test's timeout catches it, no timed assertion.
  it('validate, lint and every diagram terminate', async () => {
    const validated = await validateFiles(['.'], { cwd: CYCLES, config: false });
    expect(validated.files).toHaveLength(4);
    // A journey naming itself as its own sub-journey is refused, with the step's position; the mutual pair is fine.
    const errors = (name: string) => validated.files.find((f) => f.file === name)!.findings.filter((f) => f.severity === 'error');
    expect(errors('self-sub.journey.yaml').map((f) => [f.ruleId, f.line])).toEqual([['unknown-journey', 12]]);
    for (const name of ['loops.journey.yaml', 'only-cycle.journey.yaml', 'mutual-b.journey.yaml']) expect(errors(name), name).toEqual([]);
    const linted = await lintFiles(['.'], { cwd: CYCLES, config: false, now: NOW, keepJourneys: true });
    for (const file of linted.files.filter((f) => f.file !== 'self-sub.journey.yaml')) {
      const journey = file.journey as Journey;
      expect(journey, file.file).toBeDefined();
      for (const kind of MERMAID_KINDS) expect(renderMermaid(journey, kind).length).toBeGreaterThan(0);
      expect(renderJourneyMapSvg(journey)).toMatch(/^<svg/);
    }
    // The step nobody can reach is found even though every step sits on a cycle.
    expect(linted.files.find((f) => f.file === 'loops.journey.yaml')?.findings.map((f) => f.ruleId)).toContain('unreachable-step');
  }, 30_000);

  it('the binary lints and renders them', async () => {
    const pictures = mkdtempSync(join(tmpdir(), 'cjm-cycles-'));
    for (const command of [['lint', '.'], ['render', '--diagram', 'all', '--format', 'mermaid', '.'], ['render', '--diagram', 'map,blueprint', '--out', pictures, '.']]) {
      const result = await runCli(command, { cwd: CYCLES, timeoutMs: 20_000 });
      expect([0, 1], `${command.join(' ')}: ${result.stderr}`).toContain(result.code);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});

/** One journey with a hostile string in every text field, links to javascript: URLs included. */
function hostileJourney(): Record<string, unknown> {
  const h = (i: number) => HOSTILE_STRINGS[i % HOSTILE_STRINGS.length];
  let n = 0;
  return {
    cjm: 1,
    id: 'hostile',
    title: HOSTILE_STRINGS.slice(0, 4).join(' '),
    description: HOSTILE_STRINGS.join('\n\n'),
    owner: h(n++),
    reviewed: '2026-10-01',
    tags: HOSTILE_STRINGS.slice(0, 6),
    links: [
      { title: h(n++), url: 'javascript:alert(1)', type: 'document' },
      { title: '<img src=x onerror=alert(1)>', url: 'https://example.com/" onmouseover="alert(1)', type: 'other' },
      { title: 'data', url: 'data:text/html,<script>alert(1)</script>' },
    ],
    personas: [{ id: 'p', name: h(n++), description: h(n++), goals: [h(n++)], needs: [h(n++)], channels: ['web', 'evil'], quote: h(n++) }],
    channels: [{ id: 'evil', name: '<script>alert("channel")</script>', type: 'digital', description: h(n++) }],
    metrics: [{ id: 'evil-metric', name: '<svg onload=alert(1)>', unit: '<b>%</b>', direction: 'up', range: [0, 100] }],
    stages: HOSTILE_STRINGS.map((_, s) => ({
      id: `stage-${s}`,
      name: h(s),
      owner: h(s + 1),
      goal: h(s + 2),
      kpis: [{ metric: s % 2 ? 'csat' : 'evil-metric', target: 80, actual: 20, source: h(s + 3), note: h(s + 4) }],
      links: [{ title: h(s + 5), url: 'javascript:alert(document.domain)' }],
      steps: [
        {
          id: `step-${s}`,
          name: h(s + 6),
          description: h(s + 7),
          personas: ['p'],
          action: h(s + 8),
          touchpoints: [{ channel: s % 2 ? 'web' : 'evil', description: h(s + 9), owner: h(s + 10) }],
          backstage: [h(s + 11)],
          emotion: (s % 5) - 2,
          feeling: h(s + 12),
          pains: [h(s + 13), { text: h(s + 14), severity: 'high' }],
          opportunities: [h(s + 15)],
          momentOfTruth: s % 3 === 0,
          handoff: h(s + 16),
          next: s + 1 < HOSTILE_STRINGS.length ? [{ to: `step-${s + 1}`, when: h(s + 17), share: 60 }, { to: 'step-0', when: h(s + 18) }] : [],
          dropoff: 30,
          note: h(s + 19),
          links: [{ title: h(s + 20), url: 'javascript:void(0)' }],
        },
      ],
    })),
  };
}

describe('labels full of markdown, HTML, Mermaid syntax, bidi and zero-width characters', () => {
  const scratch = scratchDir('labels');
  const file = 'hostile.journey.yaml';
  let journey: Journey;

  beforeAll(async () => {
    writeFileSync(join(scratch.dir, file), stringify(hostileJourney()));
    const run = await lintFiles([file], { cwd: scratch.dir, config: false, now: NOW, keepJourneys: true });
    const errors = run.files[0].findings.filter((f) => f.severity === 'error' && f.ruleId !== 'stage-owner');
    // A javascript: URL may be refused by validation; if so, the rest of the file is still drawn without it.
    if (run.files[0].journey === undefined) {
      const safe = hostileJourney() as { links: { url: string }[]; stages: { links: { url: string }[]; steps: { links: { url: string }[] }[] }[] };
      for (const link of [...safe.links, ...safe.stages.flatMap((s) => [...s.links, ...s.steps.flatMap((t) => t.links)])]) link.url = 'https://example.com/x';
      writeFileSync(join(scratch.dir, file), stringify(safe));
      const retry = await lintFiles([file], { cwd: scratch.dir, config: false, now: NOW, keepJourneys: true });
      expect(retry.files[0].journey, JSON.stringify(retry.files[0].findings.slice(0, 3))).toBeDefined();
      journey = retry.files[0].journey as Journey;
    } else {
      expect(errors).toBeDefined();
      journey = run.files[0].journey as Journey;
    }
  });
  afterAll(() => scratch.cleanup());

  it('Mermaid sources carry no script and stay one diagram (no injected directives or diagrams)', () => {
    for (const kind of MERMAID_KINDS) {
      const source = renderMermaid(journey, kind);
      if (process.env.CJM_DUMP) writeFileSync(`/tmp/hostile.${kind}.mmd`, source);
      expect(scriptHazards(source), kind).toEqual([]);
      // An injected init directive could switch securityLevel to loose: only cjm's own, on line 1, is allowed.
      expect(source.split('%%{').length - 1, kind).toBeLessThanOrEqual(1);
      if (source.includes('%%{')) expect(source.startsWith('%%{init: {"xyChart"'), kind).toBe(true);
      expect(source.match(/^\s*(journey|flowchart|graph|xychart-beta|xychart)\b/gm)?.length ?? 0, kind).toBeLessThanOrEqual(1);
      // `click` is a directive of flowcharts only (in a journey diagram it is task text).
      if (kind === 'flow') expect(source, kind).not.toMatch(/^\s*click\s/m);
    }
  });

  it('the markdown report carries no script', async () => {
    const reportModule = '../../src/report/index.js';
    const { writeReport } = (await import(/* @vite-ignore */ reportModule)) as typeof import('../../src/report/index.js');
    const workspace = await openWorkspace({ cwd: scratch.dir, config: false });
    const outDir = join(scratch.dir, 'report');
    const findings = (await lintFiles([file], { cwd: scratch.dir, config: false, now: NOW })).files[0].findings;
    await writeReport([{ file, journey, catalog: catalogForJourney(workspace.catalog, journey), findings }], { outDir, images: 'mermaid', now: NOW });
    const pages = readdirSync(outDir).filter((name) => name.endsWith('.md'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      const text = readFileSync(join(outDir, page), "utf8");
      if (process.env.CJM_DUMP) writeFileSync(`/tmp/${page}`, text);
      expect(scriptHazards(text), page).toEqual([]);
    }
  });

  it('the journey map and blueprint carry no script, event handler, link or foreignObject (hostile text stays text)', () => {
    for (const svg of [renderJourneyMapSvg(journey), renderBlueprintSvg(journey), renderJourneyMapSvg(journey, { theme: 'auto' })]) {
      // Markup only: hostile labels are text nodes, escaped, so they may say "href=" as much as they like.
      const markup = svg.replace(/>[^<]*</g, '><');
      expect(markup).not.toMatch(/<script|<foreignObject|<a[\s>]|<image|<use|\shref=|xlink:/i);
      expect(svg.match(/<style>([^<]*)<\/style>/)?.[1]).not.toMatch(/@import|url\(/i);
      // Every attribute is one cjm writes; a label never becomes markup.
      const attributes = new Set([...svg.matchAll(/\s([a-zA-Z:-]+)="/g)].map((match) => match[1]));
      for (const attribute of attributes) expect(attribute).not.toMatch(/^on/i);
      expect([...svg.matchAll(/<([a-zA-Z]+)/g)].map((match) => match[1]).filter((tag) => !['svg', 'title', 'desc', 'style', 'rect', 'g', 'text', 'line', 'path'].includes(tag))).toEqual([]);
    }
  });

  it.skipIf(!CHROMIUM)('SVG files drawn by Chromium carry no script', async () => {
    const outDir = join(scratch.dir, 'svg');
    const result = await renderJourneysToFiles([{ file, journey }], { outDir, kinds: MERMAID_KINDS, format: 'svg', browserPath: CHROMIUM });
    expect(result.written?.length ?? readdirSync(outDir).length).toBeGreaterThan(0);
    for (const name of readdirSync(outDir).filter((n) => n.endsWith('.svg'))) {
      expect(scriptHazards(readFileSync(join(outDir, name), 'utf8')), name).toEqual([]);
    }
  }, 60_000);
});
