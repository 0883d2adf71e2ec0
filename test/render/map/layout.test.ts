/**
 * The layout's invariants, on every example and on generated journeys: text
 * stays in its cell and off other text, the emotion band holds its curves and
 * shows exactly what the journey says, and the picture is a pure function of
 * the journey with columns at fixed places.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ResolvedCatalog } from '../../../src/load/catalog.js';
import { blueprintScene, journeyMapScene, renderBlueprintSvg, renderJourneyMapSvg } from '../../../src/render/map/index.js';
import { MEASURES } from '../../../src/render/map/measures.js';
import type { GroupMark, RectMark, Scene } from '../../../src/render/map/scene.js';
import type { Journey } from '../../../src/schema/journey.js';
import { FC_SEED, journeyArbitrary, loadExamples, type GeneratedJourney } from './journeys.js';
import { emotionNotAsTheJourneySays, emotionOutsideItsBand, overlappingTexts, textMarks, textOutsideItsCell } from './scene-checks.js';

const VIEWS = [
  { name: 'map', scene: journeyMapScene, svg: renderJourneyMapSvg },
  { name: 'blueprint', scene: blueprintScene, svg: renderBlueprintSvg },
] as const;

/** Where the first column starts and how far apart columns are: constants, whatever the journey. */
const FIRST_COLUMN_X = MEASURES.margin + MEASURES.gutter;
const COLUMN_PITCH = MEASURES.column + MEASURES.gap;

/** (e) Step i's header and every lane cell of column i start at FIRST_COLUMN_X + i * COLUMN_PITCH. */
function columnsOffTheirPlace(scene: Scene, journey: Journey): string[] {
  const steps = journey.stages.flatMap((stage) => stage.steps ?? []);
  const problems: string[] = [];
  const groups = scene.marks.filter((mark): mark is GroupMark => mark.kind === 'group');
  const byName = new Map(groups.map((group) => [group.name, group]));
  steps.forEach((step, index) => {
    const head = byName.get(`step:${step.id}`)?.marks[0] as RectMark | undefined;
    const expected = FIRST_COLUMN_X + index * COLUMN_PITCH;
    if (head?.x !== expected || head.width !== MEASURES.column) problems.push(`step ${index + 1}: header at x ${head?.x}, width ${head?.width}; expected ${expected}, ${MEASURES.column}`);
  });
  for (const lane of groups.filter((group) => group.name?.startsWith('lane:') && group.name !== 'lane:emotion')) {
    const cells = lane.marks.filter((mark): mark is RectMark => mark.kind === 'rect' && mark.style === 'lane');
    if (cells.length !== steps.length) problems.push(`${lane.name}: ${cells.length} cells for ${steps.length} steps`);
    cells.forEach((cell, index) => {
      if (cell.x !== FIRST_COLUMN_X + index * COLUMN_PITCH) problems.push(`${lane.name}: cell ${index + 1} at x ${cell.x}`);
    });
  }
  return problems;
}

function expectInvariants(view: (typeof VIEWS)[number]['name'], scene: Scene, journey: Journey, catalog: ResolvedCatalog): void {
  expect(textOutsideItsCell(scene), 'text outside its cell').toEqual([]);
  expect(overlappingTexts(scene), 'overlapping text').toEqual([]);
  expect(emotionOutsideItsBand(scene), 'emotion band').toEqual([]);
  // The blueprint has no emotion band.
  if (view === 'map') expect(emotionNotAsTheJourneySays(scene, journey, catalog), 'emotion per persona').toEqual([]);
  expect(columnsOffTheirPlace(scene, journey), 'column positions').toEqual([]);
}

/**
 * A failing generated journey is written as YAML to the temp folder, to try
 * with the CLI; the report keeps the first violations, not a page of Unicode.
 */
function reportShortly(details: fc.RunDetails<[GeneratedJourney, ...unknown[]]>): void {
  if (!details.failed) return;
  const [{ journey }] = details.counterexample!;
  const file = join(tmpdir(), `cjm-map-counterexample-${details.seed}.journey.yaml`);
  writeFileSync(file, stringify(journey, { lineWidth: 0 }));
  const error = details.errorInstance as { message?: string; actual?: unknown };
  const found = Array.isArray(error.actual) ? `\n${error.actual.slice(0, 8).join('\n')}` : '';
  const message = `${String(error.message).split('\n')[0]}${found}`;
  throw new Error(`seed ${details.seed}, path "${details.counterexamplePath}": ${journey.stages.length} stages, ${journey.personas?.length ?? 0} personas; journey in ${file}\n${message}`);
}

describe('every example', async () => {
  const examples = await loadExamples();
  it('finds the examples', () => expect(examples.length).toBeGreaterThanOrEqual(7));
  for (const { journey, catalog } of examples) {
    for (const view of VIEWS) {
      it(`${journey.id} ${view.name}: text in its cell, no overlaps, emotion as the journey says, columns in place`, () => {
        const scene = view.scene(journey, { catalog });
        expect(textMarks(scene).length).toBeGreaterThan(20);
        expectInvariants(view.name, scene, journey, catalog);
      });
      it(`${journey.id} ${view.name}: the same journey gives the same bytes`, () => {
        expect(view.svg(structuredClone(journey), { catalog })).toBe(view.svg(journey, { catalog }));
      });
    }
  }
});

describe('generated journeys', () => {
  it('keep every invariant, map and blueprint (1-60 steps, 1-8 stages, 0-8 personas)', () => {
    fc.assert(
      fc.property(journeyArbitrary(), ({ journey, catalog }) => {
        for (const view of VIEWS) expectInvariants(view.name, view.scene(journey, { catalog }), journey, catalog);
      }),
      { numRuns: 50, seed: FC_SEED, endOnFailure: true, reporter: reportShortly },
    );
  });

  it('give the same bytes twice, in every theme', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxSteps: 12 }), fc.constantFrom('light', 'dark', 'auto' as const), ({ journey, catalog }, theme) => {
        for (const view of VIEWS) expect(view.svg(structuredClone(journey), { catalog, theme })).toBe(view.svg(journey, { catalog, theme }));
      }),
      { numRuns: 15, seed: FC_SEED, reporter: reportShortly },
    );
  });
});

describe('the checks themselves', () => {
  it('catch text moved out of its cell, text on text, a curve through a gap', async () => {
    const { journey, catalog } = (await loadExamples()).find((example) => example.journey.id === 'motor-claim')!;
    const scene = journeyMapScene(journey, { catalog });
    const texts = textMarks(scene);
    const moved = structuredClone(scene);
    const [first, second] = textMarks(moved).filter((text) => text.cell.x === FIRST_COLUMN_X && text.cell.width === MEASURES.column);
    first.bounds.x += first.cell.width / 2;
    expect(textOutsideItsCell(moved)).toEqual([expect.stringMatching(/ leaves its cell /)]);
    second.bounds = { ...texts.find((text) => text.text !== second.text && text.bounds.width > 20)!.bounds };
    expect(overlappingTexts(moved).length).toBeGreaterThan(0);
    // Giulia does not take the first steps: a curve across them must be caught.
    const lane = scene.marks.find((mark) => mark.kind === 'group' && mark.name === 'lane:emotion') as GroupMark;
    const giulia = (lane.marks.find((mark) => mark.kind === 'group' && mark.name === 'emotion:Giulia, small-fleet manager') as GroupMark).marks.find((mark) => mark.kind === 'path' && mark.style.startsWith('persona-'))!;
    if (giulia.kind === 'path') giulia.extent = { ...giulia.extent!, x: FIRST_COLUMN_X, width: giulia.extent!.width + giulia.extent!.x - FIRST_COLUMN_X };
    expect(emotionNotAsTheJourneySays(scene, journey, catalog).join('\n')).toMatch(/does not take the step but the curve passes it/);
  });
});
