/**
 * The golden pictures: every example as map and blueprint in light, and the
 * motor claim map in dark and auto. golden.test.ts keeps the files in
 * test/fixtures/render/map/ byte for byte; the browser and safety checks
 * read them from there.
 */
import { fileURLToPath } from 'node:url';
import type { ResolvedCatalog } from '../../../src/load/catalog.js';
import { blueprintScene, journeyMapScene, type ThemeName } from '../../../src/render/map/index.js';
import type { Scene } from '../../../src/render/map/scene.js';
import { writeSvg } from '../../../src/render/map/svg-writer.js';
import type { Journey } from '../../../src/schema/journey.js';
import { loadExamples } from './journeys.js';

export const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/render/map/', import.meta.url));

interface GoldenCase {
  /** The file name under GOLDEN_DIR, e.g. motor-claim.map.svg or motor-claim.map.dark.svg. */
  name: string;
  path: string;
  journey: Journey;
  catalog: ResolvedCatalog;
  view: 'map' | 'blueprint';
  theme: ThemeName;
  scene(): Scene;
  svg(): string;
}

const EXTRA_THEMES: readonly { id: string; view: 'map' | 'blueprint'; theme: ThemeName }[] = [
  { id: 'motor-claim', view: 'map', theme: 'dark' },
  { id: 'motor-claim', view: 'map', theme: 'auto' },
];

export async function goldenCases(): Promise<GoldenCase[]> {
  const examples = await loadExamples();
  const wanted = [
    ...examples.flatMap(({ journey }) => (['map', 'blueprint'] as const).map((view) => ({ id: journey.id, view, theme: 'light' as ThemeName }))),
    ...EXTRA_THEMES,
  ];
  return wanted.map(({ id, view, theme }) => {
    const { journey, catalog } = examples.find((example) => example.journey.id === id)!;
    const name = `${id}.${view}${theme === 'light' ? '' : `.${theme}`}.svg`;
    const scene = (): Scene => (view === 'map' ? journeyMapScene : blueprintScene)(journey, { catalog });
    return { name, path: `${GOLDEN_DIR}${name}`, journey, catalog, view, theme, scene, svg: () => writeSvg(scene(), theme) };
  });
}
