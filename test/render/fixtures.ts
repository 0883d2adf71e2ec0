import type { Journey, Stage, Step } from '../../src/schema/journey.js';

/** A small valid journey for generator tests; override what the test is about. */
export function makeJourney(stages: Partial<Stage>[], extra: Partial<Journey> = {}): Journey {
  return {
    cjm: 1,
    id: 'test-journey',
    title: 'Test journey',
    state: 'current',
    ...extra,
    stages: stages.map((stage, index) => ({ id: `stage-${index + 1}`, name: `Stage ${index + 1}`, ...stage })),
  } as Journey;
}

export function makeStep(id: string, fields: Partial<Step> = {}): Step {
  return { id, name: id, ...fields } as Step;
}

/** The documented folding, written independently of src/render/escape.ts: bidi controls dropped, whitespace runs to one space. */
export function folded(text: string, fallback: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim() || fallback;
}

/** A journey of `count` steps in 10 stages, with branches, loops, pains and personas. */
export function largeJourney(count: number): Journey {
  const perStage = Math.ceil(count / 10);
  const stages: Partial<Stage>[] = [];
  for (let s = 0; s < 10; s++) {
    const steps: Step[] = [];
    for (let i = s * perStage; i < Math.min(count, (s + 1) * perStage); i++) {
      const step = makeStep(`step-${i}`, {
        name: `Step ${i}: does thing #${i}`,
        emotion: (i % 5) - 2,
        personas: [i % 2 ? 'ana' : 'ben'],
        touchpoints: [{ channel: 'web' }],
        ...(i % 7 === 0 ? { pains: ['slow'] } : {}),
      });
      if (i % 50 === 49 && i > 10) step.next = [{ to: `step-${i - 10}`, when: 'retry', share: 20 }, { to: `step-${i + 1 < count ? i + 1 : 0}` }];
      steps.push(step);
    }
    stages.push({ steps });
  }
  return makeJourney(stages, { personas: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }] });
}
