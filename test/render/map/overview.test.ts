import { describe, expect, it } from 'vitest';
import { builtinCatalog, catalogForJourney } from '../../../src/load/catalog.js';
import { overviewScene } from '../../../src/render/map/overview.js';
import { allMarks, type TextMark } from '../../../src/render/map/scene.js';
import type { Journey } from '../../../src/schema/journey.js';

const stage = (id: string, name: string, steps: number) => ({ id, name, steps: Array.from({ length: steps }, (_, i) => ({ id: `${id}-${i}`, name: 'S', emotion: 0 })) });

describe('the report index overview', () => {
  it('never breaks a stage name inside a word: a first word too wide for its chip ends in "…" on one line', () => {
    const journey = { cjm: 1, id: 'j', title: 'J', state: 'current', stages: [stage('a', 'Consideration', 2), stage('b', 'Initial consideration', 2), stage('c', 'Wide', 6)] } as unknown as Journey;
    const lines = (id: string) => {
      const scene = overviewScene(journey, catalogForJourney(builtinCatalog(), journey));
      const group = scene.marks.find((mark) => mark.kind === 'group' && mark.name === `stage:${id}`)!;
      return [...allMarks([group])].filter((mark): mark is TextMark => mark.kind === 'text').map((mark) => mark.text);
    };
    expect(lines('a')).toHaveLength(1);
    expect(lines('a')[0]).toMatch(/^Cons.*…$/);
    // A later word starts the second line and may end in "…" there.
    expect(lines('b')[0]).toBe('Initial');
    expect(lines('b')[1]).toMatch(/^consi.*…$/);
  });
});
