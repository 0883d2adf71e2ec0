import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/dead-end.js';
import { checkJourney, testRule, yaml } from '../helpers/rule-tester.js';
import { journeyWithRandomFlow } from './flow-arbitrary.js';

testRule(rule, [
  {
    name: 'reports `next: []` before the last stage at the empty list',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase
      stages:
        - id: evaluate
          name: Evaluate
          steps:
            - { id: test-drive, name: Takes a test drive, next: [buy, postpone] }
            - id: postpone
              name: Postpones the purchase
              next: []
        - id: purchase
          name: Purchase
          steps: [{ id: buy, name: Buys, next: [] }]
    `,
    findings: [
      {
        line: 11,
        column: 15,
        messageIncludes: ['Step "Postpones the purchase" (postpone) ends the journey in stage "Evaluate" (evaluate), before the last stage', 'add `dropoff:`'],
      },
    ],
  },
  {
    name: 'a dropoff or a note explains an early ending',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase
      stages:
        - id: evaluate
          name: Evaluate
          steps:
            - { id: test-drive, name: Takes a test drive, next: [buy, postpone, give-up] }
            - { id: postpone, name: Postpones, next: [], dropoff: 100 }
            - { id: give-up, name: Gives up, next: [], note: Comes back in the next loop }
            - { id: dropoff-zero, name: Zero, next: [], dropoff: 0 }
        - id: purchase
          name: Purchase
          steps: [{ id: buy, name: Buys }]
    `,
    findings: [],
  },
  {
    name: 'a blank note does not explain anything',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase
      stages:
        - { id: a, name: A, steps: [{ id: start, name: Start, next: [], note: "" }] }
        - { id: b, name: B, steps: [{ id: end, name: End }] }
    `,
    findings: [{ line: 5, column: 63 }],
  },
  {
    name: 'an empty last stage does not turn the real ending into a dead end',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase
      stages:
        - { id: a, name: A, steps: [{ id: start, name: Start }, { id: end, name: End, next: [] }] }
        - { id: later, name: Later }
    `,
    findings: [],
  },
  {
    name: 'a step without `next` is not a dead end, even the last of an earlier stage',
    yaml: yaml`
      cjm: 1
      id: car
      title: Car purchase
      stages:
        - { id: a, name: A, steps: [{ id: start, name: Start }] }
        - { id: b, name: B, steps: [{ id: end, name: End }] }
    `,
    findings: [],
  },
]);

describe('dead-end on random flows', () => {
  it('never throws and reports only steps with `next: []` outside the last stage with steps', () => {
    fc.assert(
      fc.property(journeyWithRandomFlow, (journey) => {
        const last = journey.stages.map((stage) => Boolean(stage.steps?.length)).lastIndexOf(true);
        for (const report of checkJourney(rule, journey)) {
          const [, s, , i] = report.path as [string, number, string, number];
          expect(s).toBeLessThan(last);
          expect(journey.stages[s].steps![i].next).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
