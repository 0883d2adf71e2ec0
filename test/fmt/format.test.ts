import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatJourneyText, FLOW_MAX_WIDTH } from '../../src/fmt/format.js';
import { journeyFileLayout } from '../../src/fmt/layout.js';
import { journeySchema, stageSchema, stepSchema } from '../../src/schema/journey.js';
import { FIXTURES } from '../helpers/cli.js';

function fmt(text: string): string {
  const result = formatJourneyText(text);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result.output;
}

const lines = (...parts: string[]) => parts.join('\n') + '\n';

describe('key order', () => {
  it('is the order of the Zod shapes, for the journey, stages and steps', () => {
    const layout = journeyFileLayout();
    expect(layout.kind === 'map' && layout.order).toEqual(Object.keys(journeySchema.shape));
    const stage = layout.kind === 'map' && layout.fields.get('stages');
    expect(stage && stage.kind === 'seq' && stage.item.kind === 'map' && stage.item.order).toEqual(Object.keys(stageSchema.shape));
    const steps = stage && stage.kind === 'seq' && stage.item.kind === 'map' ? stage.item.fields.get('steps') : undefined;
    expect(steps?.kind === 'seq' && steps.item.kind === 'map' && steps.item.order).toEqual(Object.keys(stepSchema.shape));
  });

  it('sorts known keys and keeps unknown keys after them in their order', () => {
    const output = fmt(lines('zeta: 1', 'stages: []', 'alpha: 2', 'title: T', 'id: x', 'cjm: 1'));
    expect(output).toBe(lines('cjm: 1', 'id: x', 'title: T', 'stages: []', 'zeta: 1', 'alpha: 2'));
  });

  it('sorts nested entries: touchpoints, KPIs, pains and transitions', () => {
    const output = fmt(
      lines(
        'cjm: 1',
        'stages:',
        '- steps:',
        '  - next: [{ when: always, to: b }]',
        '    touchpoints: [{ owner: ops, channel: web }]',
        '    pains: [{ severity: high, text: slow }]',
        '    name: A',
        '    id: a',
        '  name: S',
        '  id: s',
      ),
    );
    expect(output).toBe(
      lines(
        'cjm: 1',
        'stages:',
        '  - id: s',
        '    name: S',
        '    steps:',
        '      - id: a',
        '        name: A',
        '        touchpoints:',
        '          - { channel: web, owner: ops }',
        '        pains:',
        '          - { text: slow, severity: high }',
        '        next:',
        '          - { to: b, when: always }',
      ),
    );
  });
});

describe('comments', () => {
  it('keeps the modeline first when the first key moves', () => {
    const output = fmt(lines('# yaml-language-server: $schema=x.json', '# header', 'title: T', 'cjm: 1'));
    expect(output).toBe(lines('# yaml-language-server: $schema=x.json', '# header', 'cjm: 1', 'title: T'));
  });

  it('moves a comment with the key it sits on or above', () => {
    const output = fmt(lines('cjm: 1', 'stages: []', '# who owns it', 'owner: cx # the team', 'title: T'));
    expect(output).toBe(lines('cjm: 1', 'title: T', '# who owns it', 'owner: cx # the team', 'stages: []'));
  });

  it('puts a comment above a list item\'s first key above the dash', () => {
    const output = fmt(lines('stages:', '  - name: S', '    # the id', '    id: s'));
    expect(output).toBe(lines('stages:', '  # the id', '  - id: s', '    name: S'));
  });

  it('keeps an entry with a comment inside in block style', () => {
    const text = lines('stages:', '  - id: s', '    kpis:', '      - metric: nps # promoters minus detractors', '        target: 40');
    expect(fmt(text)).toBe(text);
  });

  it('keeps a trailing comment on a list written in flow style', () => {
    expect(fmt(lines('tags:', '  - a', '  - b', 'cjm: 1 # version'))).toBe(lines('cjm: 1 # version', 'tags: [a, b]'));
    expect(fmt(lines('cjm: 1', 'tags: [a, b] # why these'))).toBe(lines('cjm: 1', 'tags: [a, b] # why these'));
  });

  it('keeps a list whose items carry comments in block style', () => {
    const text = lines('cjm: 1', 'tags:', '  - a # first', '  - b');
    expect(fmt(text)).toBe(text);
  });
});

describe('values', () => {
  it('keeps strings that would read as other types quoted', () => {
    const text = lines('cjm: 1', 'tags: ["yes", \'012\', "true", "1e3", "null"]');
    expect(fmt(text)).toBe(text);
    expect(parse(fmt(text))).toEqual({ cjm: 1, tags: ['yes', '012', 'true', '1e3', 'null'] });
  });

  it('keeps escapes in quoted strings, so invisible characters stay visible', () => {
    const text = lines('title: "zero\\u200Bwidth and bidi \\u202Ereversed\\u202C"', 'description: "line one\\nline two"');
    expect(fmt(text)).toBe(text);
    expect(parse(fmt(text)).title).toBe('zero\u200Bwidth and bidi \u202Ereversed\u202C');
  });

  it('keeps numbers spelled as written, also when they move into a flow entry', () => {
    const output = fmt(lines('stages:', '  - id: s', '    kpis:', '      - metric: nps', '        target: 1e3', '        actual: +4.20', '        source: 0x1F'));
    expect(output).toBe(lines('stages:', '  - id: s', '    kpis:', '      - { metric: nps, target: 1e3, actual: +4.20, source: 0x1F }'));
  });

  it('writes dates in date fields as plain YYYY-MM-DD, still strings', () => {
    const output = fmt(lines('reviewed: "2026-09-30"', 'stages:', '  - id: s', '    kpis:', "      - { metric: nps, measured: '2026-01-02' }"));
    expect(output).toBe(lines('reviewed: 2026-09-30', 'stages:', '  - id: s', '    kpis:', '      - { metric: nps, measured: 2026-01-02 }'));
    expect(parse(output).reviewed).toBe('2026-09-30');
  });

  it('leaves a quoted date in a free-text field quoted', () => {
    const text = lines('title: T', 'description: "2026-09-30"');
    expect(fmt(text)).toBe(text);
  });

  it('keeps block scalars and long plain strings as written', () => {
    const long = 'word '.repeat(40).trim();
    const text = lines('description: |', '  Two lines', '  of markdown.', `title: ${long}`);
    expect(fmt(text)).toBe(lines(`title: ${long}`, 'description: |', '  Two lines', '  of markdown.'));
  });

  it('quotes a string with a comma when it moves into a flow entry', () => {
    const output = fmt(lines('stages:', '  - id: s', '    steps:', '      - id: a', '        touchpoints:', '          - channel: web', '            description: one, two'));
    expect(output).toContain('- { channel: web, description: "one, two" }');
    expect(parse(output).stages[0].steps[0].touchpoints[0].description).toBe('one, two');
  });
});

describe('flow style', () => {
  it('uses block style for an entry whose flow line would pass the width', () => {
    const source = 'x'.repeat(FLOW_MAX_WIDTH);
    const output = fmt(lines('stages:', '  - id: s', '    kpis:', `      - { metric: nps, source: ${source} }`));
    expect(output).toBe(lines('stages:', '  - id: s', '    kpis:', '      - metric: nps', `        source: ${source}`));
  });

  it('uses block style for a list of values that would pass the width', () => {
    const items = Array.from({ length: 20 }, (_, index) => `tag-number-${index}`);
    const output = fmt(lines('cjm: 1', `tags: [${items.join(', ')}]`));
    expect(output).toBe(lines('cjm: 1', 'tags:', ...items.map((item) => `  - ${item}`)));
  });

  it('uses block style for personas, stages and steps, however short', () => {
    expect(fmt(lines('cjm: 1', 'personas: [{ id: p, name: P }]'))).toBe(lines('cjm: 1', 'personas:', '  - id: p', '    name: P'));
  });

  it('indents sequences under their key by two spaces', () => {
    expect(fmt(lines('stages:', '- id: s', '  steps:', '  - id: a', '    name: A'))).toBe(lines('stages:', '  - id: s', '    steps:', '      - id: a', '        name: A'));
  });
});

describe('fixtures', () => {
  it('formats the messy fixture to the expected layout', async () => {
    const output = fmt(readFileSync(`${FIXTURES}fmt/messy.journey.yaml`, 'utf8'));
    await expect(output).toMatchFileSnapshot(`${FIXTURES}fmt/messy.formatted.yaml`);
  });

  it('leaves the canonical fixture unchanged', () => {
    const text = readFileSync(`${FIXTURES}fmt/canonical.journey.yaml`, 'utf8');
    expect(formatJourneyText(text)).toEqual({ ok: true, output: text, changed: false });
  });

  it('reports an unparsable file with its position and produces no output', () => {
    const result = formatJourneyText(readFileSync(`${FIXTURES}fmt/broken.journey.yaml`, 'utf8'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'yaml-syntax', line: 3, column: 8 });
  });

  it('refuses a file with duplicate keys rather than dropping one', () => {
    const result = formatJourneyText(lines('id: a', 'id: b'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'duplicate-key', line: 2 });
  });
});

describe('unusual YAML', () => {
  it('refuses, rather than breaks, a file whose alias would move above its anchor', () => {
    const result = formatJourneyText(lines('base: &b', '  channel: web', 'stages:', '  - id: s', '    steps:', '      - id: a', '        touchpoints:', '          - *b'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'fmt-unsafe', line: 1, column: 1 });
  });

  it('keeps aliases whose anchor stays above them', () => {
    const text = lines('cjm: 1', 'stages:', '  - id: s', '    kpis:', '      - &k { metric: nps }', '    steps:', '      - id: a', '        kpis:', '          - *k');
    expect(fmt(text)).toBe(text);
  });

  it('writes LF line endings and keeps the comments of a CRLF file', () => {
    expect(fmt('title: T\r\ncjm: 1 # version\r\n')).toBe(lines('cjm: 1 # version', 'title: T'));
  });

  it('keeps a document start marker, directives and tags', () => {
    expect(fmt(lines('%YAML 1.2', '---', 'title: !custom T', 'cjm: 1'))).toBe(lines('%YAML 1.2', '---', 'cjm: 1', 'title: !custom T'));
  });

  it('refuses a YAML file that is not a journey (a config named by mistake)', () => {
    const result = formatJourneyText(lines('include: [a]', 'personas: []'));
    expect(result.ok || result.problems[0].code).toBe('not-a-journey');
  });

  it('reports an empty file', () => {
    const result = formatJourneyText('');
    expect(result.ok || result.problems[0].code).toBe('empty-file');
  });
});
