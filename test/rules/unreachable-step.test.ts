import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/schema/journey.js';
import rule from '../../src/rules/unreachable-step.js';
import { checkJourney, testRule, yaml } from '../helpers/rule-tester.js';
import { journeyWithRandomFlow } from './flow-arbitrary.js';

testRule(rule, [
  {
    name: 'reports a step that no `next` leads to, at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          steps:
            - { id: open-claim, name: Opens a claim, next: [upload-photos] }
            - { id: call-hotline, name: Calls the hotline }
            - { id: upload-photos, name: Uploads photos }
    `,
    findings: [
      {
        line: 9,
        column: 15,
        messageIncludes: ['Step "Calls the hotline" (call-hotline) in stage "Report the claim" (report)', 'first step "Opens a claim" (open-claim)', 'add `call-hotline` to the `next`'],
      },
    ],
  },
  {
    name: 'the default next crosses stage boundaries',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - { id: report, name: Report, steps: [{ id: open-claim, name: Opens a claim }] }
        - { id: assess, name: Assess, steps: [{ id: estimate, name: Gets an estimate }] }
    `,
    findings: [],
  },
  {
    name: 'after `next: []` the following steps are unreachable unless a branch leads there',
    yaml: yaml`
      cjm: 1
      id: shop
      title: Shop
      stages:
        - id: buy
          name: Buy
          steps:
            - { id: browse, name: Browses, next: [{ to: pay, when: likes it }, { to: leave, when: does not }] }
            - { id: leave, name: Leaves, next: [] }
            - { id: pay, name: Pays, next: [] }
            - { id: orphan-a, name: Orphan A }
            - { id: orphan-b, name: Orphan B }
    `,
    findings: [{ line: 11, column: 15 }, { line: 12, column: 15 }],
  },
  {
    name: 'a loop back to an earlier step (the McKinsey loyalty loop) terminates and reaches everything',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase loop
      stages:
        - id: consider
          name: Consider
          steps:
            - { id: consider-brands, name: Considers brands }
            - { id: evaluate, name: Evaluates }
        - id: loyalty
          name: Loyalty
          steps:
            - { id: buy, name: Buys }
            - { id: enjoy, name: Enjoys, next: [buy, evaluate, enjoy] }
    `,
    findings: [],
  },
  {
    name: 'a cycle that the first step never enters is unreachable as a whole',
    yaml: yaml`
      cjm: 1
      id: loop
      title: Loop
      stages:
        - id: s
          name: S
          steps:
            - { id: start, name: Start, next: [] }
            - { id: a, name: A, next: [b] }
            - { id: b, name: B, next: [a] }
    `,
    findings: [{ line: 9, column: 15 }, { line: 10, column: 15 }],
  },
]);

/** Reference: the reachable set as a fixpoint over all edges, no queue, no early exit. */
function referenceReachable(journey: Journey): Set<string> {
  const steps = journey.stages.flatMap((stage) => stage.steps ?? []);
  const reached = new Set<string>(steps.length ? [steps[0].id] : []);
  let changed = true;
  while (changed) {
    changed = false;
    steps.forEach((step, index) => {
      if (!reached.has(step.id)) return;
      const next = step.next ? step.next.map((t) => (typeof t === 'string' ? t : t.to)) : index + 1 < steps.length ? [steps[index + 1].id] : [];
      for (const id of next) if (!reached.has(id)) (reached.add(id), (changed = true));
    });
  }
  return reached;
}

describe('unreachable-step on random flows', () => {
  it('reports exactly the steps a reference fixpoint does not reach', () => {
    fc.assert(
      fc.property(journeyWithRandomFlow, (journey) => {
        const reached = referenceReachable(journey);
        const all = journey.stages.flatMap((stage) => stage.steps ?? []).map((step) => step.id);
        const reported = checkJourney(rule, journey).map((report) => report.message.match(/\(([a-z0-9-]+)\)/)![1]);
        expect(reported).toEqual(all.filter((id) => !reached.has(id)));
      }),
      { numRuns: 300 },
    );
  });

  it('handles a 10,000-step journey with a loop back to the start without recursion', () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => ({ id: `s${i}`, name: `Step ${i}` }));
    const last = steps[steps.length - 1] as { id: string; name: string; next?: string[] };
    last.next = ['s0'];
    const journey: Journey = { cjm: 1, id: 'long', title: 'Long', state: 'current', stages: [{ id: 'all', name: 'All', steps }] };
    expect(checkJourney(rule, journey)).toEqual([]);
  }, 20_000);

  it('ignores what validation reports: `next` ids that name no step, duplicate step ids; and a journey with no steps', () => {
    const journey: Journey = {
      cjm: 1,
      id: 'broken',
      title: 'Broken',
      state: 'current',
      stages: [{ id: 'a', name: 'A', steps: [{ id: 'x', name: 'X', next: ['nowhere'] }, { id: 'y', name: 'Y' }] }, { id: 'b', name: 'B' }],
    };
    expect(checkJourney(rule, journey).map((report) => report.path)).toEqual([['stages', 0, 'steps', 1, 'id']]);
    expect(checkJourney(rule, { ...journey, stages: [{ id: 'b', name: 'B' }] })).toEqual([]);
    const duplicate: Journey = { ...journey, stages: [{ id: 'a', name: 'A', steps: [{ id: 'x', name: 'X' }, { id: 'x', name: 'X again', next: [] }] }] };
    expect(checkJourney(rule, duplicate)).toEqual([]);
  });
});
