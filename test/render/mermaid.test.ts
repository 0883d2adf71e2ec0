import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journey, Step } from '../../src/schema/journey.js';
import { catalogForJourney, type ResolvedCatalog } from '../../src/load/catalog.js';
import { listSteps } from '../../src/model/walk.js';
import { renderFlowPerStage, renderMermaid, type DiagramKind } from '../../src/render/index.js';
import { prepareRun } from '../../src/load/prepare.js';
import { analyzeFiles } from '../../src/validate/index.js';
import { ROOT } from '../helpers/cli.js';
import { folded, makeJourney, makeStep } from './fixtures.js';
import { readDiagram, type ParsedDiagram } from './mermaid-db.js';

const KINDS: DiagramKind[] = ['journey', 'flow', 'emotion'];

async function loadExamples(): Promise<{ journey: Journey; catalog: ResolvedCatalog }[]> {
  const { files, context } = await prepareRun([], { cwd: ROOT });
  const loaded: { journey: Journey; catalog: ResolvedCatalog }[] = [];
  for await (const file of analyzeFiles(files, context)) {
    if (!file.journey) throw new Error(`example ${file.file} is invalid`);
    loaded.push({ journey: file.journey, catalog: catalogForJourney(context.workspace.catalog, file.journey) });
  }
  return loaded;
}

const personaName = (journey: Journey, id: string): string => folded(journey.personas?.find((p) => p.id === id)?.name ?? id, id);
const channelName = (journey: Journey, id: string): string => folded(journey.channels?.find((c) => c.id === id)?.name ?? id, id);
const noEmotion = (step: Step): string => (step.emotion === undefined ? ' (no emotion)' : '');

/** Every label of the journey diagram, as Mermaid parsed it, equals the folded text typed. */
function expectJourneyLabels(journey: Journey, diagram: ParsedDiagram): void {
  expect(diagram.title).toBe(folded(journey.title, journey.id));
  expect(diagram.sections).toEqual(journey.stages.map((stage) => folded(stage.name, stage.id)));
  const steps = listSteps(journey).map((ref) => ref.step);
  expect(diagram.tasks.map((task) => task.task)).toEqual(steps.map((step) => folded(step.name, step.id) + noEmotion(step)));
  expect(diagram.tasks.map((task) => task.score)).toEqual(steps.map((step) => (step.emotion ?? 0) + 3));
  const people = (step: Step): string[] => [...new Set((step.personas ?? []).map((id) => personaName(journey, id)))];
  expect(diagram.tasks.map((task) => task.people.filter((name) => name !== ''))).toEqual(steps.map(people));
}

function expectFlowLabels(journey: Journey, diagram: ParsedDiagram): void {
  const steps = listSteps(journey).map((ref) => ref.step);
  const nodes = new Map(diagram.nodes.map((node) => [node.id, node.text]));
  steps.forEach((step, index) => {
    const channels = [...new Set((step.touchpoints ?? []).flatMap((t) => (t.channel ? [t.channel] : [])))].map((id) => channelName(journey, id));
    // Mermaid stores the <br/> the generator writes as <br>.
    expect(nodes.get(`n${index + 1}`)).toBe(folded(step.name, step.id) + (channels.length ? `<br>${channels.join(' · ')}` : ''));
  });
  expect(diagram.subgraphs.map((graph) => graph.title).sort()).toEqual(
    journey.stages.filter((stage) => stage.steps?.length).map((stage) => folded(stage.name, stage.id)).sort(),
  );
  const edgeTexts = steps.flatMap((step, index) => {
    if (!step.next) return index + 1 < steps.length ? [''] : [];
    return step.next.map((t) => (typeof t === 'string' ? '' : [folded(t.when ?? '', ''), t.share === undefined ? '' : `${t.share}%`].filter(Boolean).join(' · ')));
  });
  expect(diagram.edges.map((edge) => edge.text).sort()).toEqual(edgeTexts.sort());
}

function expectEmotionLabels(journey: Journey, diagram: ParsedDiagram): void {
  const steps = listSteps(journey).map((ref) => ref.step);
  expect(diagram.title).toBe(folded(journey.title, journey.id));
  expect(diagram.categories).toHaveLength(Math.max(1, steps.length));
  steps.forEach((step, index) => expect(diagram.categories[index].startsWith(folded(step.name, step.id) + noEmotion(step))).toBe(true));
  expect(new Set(diagram.categories).size).toBe(diagram.categories.length);
  for (const line of diagram.lines) expect(line.values).toHaveLength(diagram.categories.length);
  const named = diagram.lines.map((line) => line.title).filter((title) => title !== '');
  const personaIds = [...new Set(steps.flatMap((step) => step.personas ?? []))];
  if (named.length > 0) expect(named).toEqual(personaIds.map((id) => personaName(journey, id)));
}

async function expectLabelsSurvive(journey: Journey, kind: DiagramKind, catalog?: ResolvedCatalog): Promise<void> {
  const diagram = await readDiagram(renderMermaid(journey, kind, { catalog }));
  if (kind === 'journey') expectJourneyLabels(journey, diagram);
  else if (kind === 'flow') expectFlowLabels(journey, diagram);
  else expectEmotionLabels(journey, diagram);
}

describe('examples', async () => {
  const examples = await loadExamples();
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  for (const { journey, catalog } of examples) {
    for (const kind of KINDS) {
      it(`${journey.id}: ${kind} matches its snapshot and parses`, async () => {
        const source = renderMermaid(journey, kind, { catalog });
        await expect(source).toMatchFileSnapshot(`../fixtures/render/${journey.id}.${kind}.mmd`);
        const diagram = await readDiagram(source);
        if (kind === 'journey') expect(diagram.tasks).toHaveLength(listSteps(journey).length);
        if (kind === 'flow') expect(diagram.nodes.length).toBeGreaterThanOrEqual(listSteps(journey).length);
      });
    }
    it(`${journey.id}: per-stage flows parse and stay under 2,000 characters where the stage allows`, async () => {
      const parts = renderFlowPerStage(journey, { catalog });
      expect(parts.map((part) => part.stageId)).toEqual(journey.stages.filter((s) => s.steps?.length).map((s) => s.id));
      for (const part of parts) {
        expect((await readDiagram(part.source)).subgraphs).toHaveLength(1);
        expect(part.source.length).toBeLessThan(2000);
      }
    });
  }
});

describe('hazards (measured on Mermaid 11) survive every generator', () => {
  const hazards: [string, string][] = [
    ['a colon in a task', 'Pays: by card'],
    ['a semicolon', 'Pays; leaves'],
    ['a hash', 'Ticket #42'],
    ['a newline', 'Two\nlines'],
    ['a task starting with "title "', 'title deed check'],
    ['a task starting with "Section"', 'Section review'],
    ['a task starting with "journey"', 'journey planning'],
    ['a task starting with accTitle', 'accTitle: owned'],
    ['a double quote', 'Says "hello"'],
    ['a pipe', 'yes | no'],
    ['HTML', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['an HTML entity typed raw', 'a &lt; b &amp; c'],
    ['Mermaid entity codes typed raw', 'literally #58; and #quot;'],
    ['Mermaid placeholders typed raw', 'ﬂ°°58¶ß'],
    ['a directive', '%%{init: {"theme": "dark"}}%%'],
    ['a comment', '%% hidden'],
    ['a backtick markdown string', '`**bold**`'],
    ['a click line', 'x\nclick n1 "javascript:alert(1)"'],
    ['an edge', 'a---o1 --> end'],
    ['bidi and zero-width characters', 'abc\u202edef\u200b\u2066x\u2069'],
    ['keywords as ids', 'end'],
    ['only whitespace', ' \n\t '],
  ];
  it.each(hazards)('%s', async (_name, text) => {
    const journey = makeJourney(
      [
        {
          name: text,
          steps: [
            makeStep('end', { name: text, personas: ['p1'], touchpoints: [{ channel: 'c1' }], next: [{ to: 'graph', when: text, share: 30 }] }),
            makeStep('graph', { name: text, emotion: 2, personas: ['p1', 'p2'], next: [{ to: 'end', when: text }, 'style'] }),
          ],
        },
        { name: text, steps: [makeStep('style', { name: text, emotion: -2, personas: ['p2'] })] },
      ],
      {
        title: text,
        personas: [{ id: 'p1', name: `${text}, one` }, { id: 'p2', name: text }],
        channels: [{ id: 'c1', name: text, type: 'digital' }],
      },
    );
    for (const kind of KINDS) {
      const source = renderMermaid(journey, kind);
      expect(source).not.toMatch(/^\s*click\b/m);
      expect(source).not.toMatch(/<(?!br\/>)/);
      await expectLabelsSurvive(journey, kind);
    }
  });

  it('maps emotion -2..2 to scores 1..5 and marks a missing emotion', async () => {
    const steps = [-2, -1, 0, 1, 2, undefined].map((emotion, i) => makeStep(`s${i}`, { name: `S${i}`, emotion }));
    const diagram = await readDiagram(renderMermaid(makeJourney([{ steps }]), 'journey'));
    expect(diagram.tasks.map((task) => [task.task, task.score])).toEqual([
      ['S0', 1], ['S1', 2], ['S2', 3], ['S3', 4], ['S4', 5], ['S5 (no emotion)', 3],
    ]);
  });

  it('flow: synthetic ids, dotted loops, classes for pain, moment of truth, dropoff hotspot and dead end', () => {
    const journey = makeJourney([
      {
        steps: [
          makeStep('end', { pains: ['slow'], momentOfTruth: true }),
          makeStep('a---o1', { dropoff: 20, next: [{ to: 'end', when: 'retry' }, 'quit', 'last'] }),
          makeStep('quit', { dropoff: 19, next: [] }),
        ],
      },
      { steps: [makeStep('last', { next: [] })] },
    ]);
    const source = renderMermaid(journey, 'flow');
    expect(source).toContain('n2 -.->|"retry"| n1');
    expect(source).toContain('n2 --> n3');
    expect(source).toContain('class n1 pain');
    expect(source).toContain('class n1 moment');
    expect(source).toContain('class n2 dropoff');
    expect(source).toContain('class n3 deadEnd');
    expect(source).not.toMatch(/class [^\n]*n4/);
    expect(source).not.toMatch(/^\s*(end|a---o1|quit)\b(?!\s*$)/m);
  });

  it('flow per stage: links to other stages become external nodes', async () => {
    const journey = makeJourney([{ steps: [makeStep('a'), makeStep('b')] }, { steps: [makeStep('c', { next: ['a'] })] }]);
    const [first, second] = renderFlowPerStage(journey);
    expect(first.source).toContain('n2 --> n3');
    expect(first.source).toContain('class n3 external');
    expect(second.source).toContain('n3 -.-> n1');
    expect((await readDiagram(second.source)).nodes.map((node) => node.id).sort()).toEqual(['n1', 'n2', 'n3']); // n2 -> n3 comes in, n3 -> n1 goes out
  });

  it('emotion: never invents a value: one line of the step scores, or one per persona who takes every step, coloured as in the map', async () => {
    // Ana skips b, Ben skips a: neither takes every step, so one line of what each step scored.
    const journey = makeJourney([
      {
        steps: [
          makeStep('a', { personas: ['ana'], emotion: -1 }),
          makeStep('b', { personas: ['ben'], emotion: 2 }),
          makeStep('c', { emotion: 1 }),
          makeStep('d', { personas: ['ana', 'ben'] }),
          makeStep('e', { name: 'a' }),
        ],
      },
    ], { personas: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }] });
    const diagram = await readDiagram(renderMermaid(journey, 'emotion'));
    expect(diagram.categories).toEqual(['a', 'b', 'c', 'd (no emotion)', 'a (no emotion)']);
    expect(diagram.lines).toEqual([{ title: '', values: [-1, 2, 1, 1, 1] }]);

    // Both take every step and score it differently: a line each, in the journey's persona order and palette.
    const both = makeJourney([
      { steps: [makeStep('a', { emotion: { ana: -2, ben: 1 } }), makeStep('b', { emotion: 0 }), makeStep('c', { emotion: { ben: 2 } })] },
    ], { personas: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }] });
    const source = renderMermaid(both, 'emotion');
    expect((await readDiagram(source)).lines).toEqual([
      { title: 'Ana', values: [-2, 0, 0] },
      { title: 'Ben', values: [1, 0, 2] },
    ]);
    expect(source).toContain('"plotColorPalette": "#0072B2, #D55E00"');

    const single = makeJourney([{ steps: [makeStep('a', { emotion: 1 }), makeStep('b', { emotion: 1 }), makeStep('b2', { name: 'b' })] }]);
    expect((await readDiagram(renderMermaid(single, 'emotion'))).categories).toEqual(['a', 'b', 'b (no emotion)']);
  });

  it('handles a journey without steps in every generator', async () => {
    const journey = makeJourney([{ name: 'Empty' }]);
    for (const kind of KINDS) await readDiagram(renderMermaid(journey, kind));
  });
});

describe('property: arbitrary Unicode labels parse and survive', () => {
  const hostile = fc.constantFrom(':', ';', '#', ',', '"', '|', '%%', '%', '`', '<', '>', '&', '\n', 'title ', 'section ', 'end', '#58;', 'ﬂ°°', '¶ß', '\u202e', '\u200b', '\ufeff', '{', '}', '-->', '[', ']');
  const label = fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }), hostile), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''))
    .filter((text) => text.length > 0);
  const emotion = fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined });

  it('through every generator (100 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(label, { minLength: 8, maxLength: 8 }), fc.array(emotion, { minLength: 3, maxLength: 3 }), async (labels, emotions) => {
        const [title, stageName, stepA, stepB, stepC, persona, channel, when] = labels;
        const journey = makeJourney(
          [
            {
              name: stageName,
              steps: [
                makeStep('a', { name: stepA, emotion: emotions[0], personas: ['p1'], touchpoints: [{ channel: 'c1' }], next: [{ to: 'b', when, share: 50 }, 'c'] }),
                makeStep('b', { name: stepB, emotion: emotions[1], personas: ['p2'], next: [{ to: 'a', when }] }),
              ],
            },
            { name: stageName, steps: [makeStep('c', { name: stepC, emotion: emotions[2], personas: ['p1', 'p2'] })] },
          ],
          {
            title,
            personas: [{ id: 'p1', name: persona }, { id: 'p2', name: `${persona} 2` }],
            channels: [{ id: 'c1', name: channel, type: 'human' }],
          },
        );
        for (const kind of KINDS) await expectLabelsSurvive(journey, kind);
      }),
      { numRuns: 100 },
    );
  });
});
