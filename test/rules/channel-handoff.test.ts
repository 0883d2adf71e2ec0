import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../../src/schema/journey.js';
import rule from '../../src/rules/channel-handoff.js';
import { checkJourney, testRule, yaml } from '../helpers/rule-tester.js';
import { journeyWithRandomFlow } from './flow-arbitrary.js';

testRule(rule, [
  {
    name: 'reports a step whose channels share none with the step before it, at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, touchpoints: [{ channel: app }] }
            - { id: call-hotline, name: Calls the hotline, touchpoints: [{ channel: phone }] }
            - { id: get-sms, name: Gets the claim number, touchpoints: [{ channel: sms }, { channel: phone }] }
    `,
    findings: [
      {
        line: 9,
        column: 15,
        messageIncludes: ['Step "Calls the hotline" (call-hotline) moves the customer from app after step "Opens a claim" (open-claim) to phone with no handoff', 'add `handoff:`'],
      },
    ],
  },
  {
    name: 'follows `next` branches, not file order, and names every switching predecessor once',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, touchpoints: [{ channel: app }], next: [upload, chat] }
            - { id: chat, name: Chats, touchpoints: [{ channel: chat }], next: [upload], handoff: The draft opens in chat }
            - { id: call, name: Calls, touchpoints: [{ channel: phone }], next: [upload] }
            - { id: upload, name: Uploads photos, touchpoints: [{ channel: web }] }
    `,
    findings: [{ line: 11, column: 15, messageIncludes: 'from app after step "Opens a claim" (open-claim) (and 2 other steps) to web' }],
  },
  {
    name: 'a handoff on the later step, a shared channel, a step without channels or a self-loop: nothing',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, touchpoints: [{ channel: app }] }
            - { id: call, name: Calls, touchpoints: [{ channel: phone }], handoff: The agent sees the app draft }
            - { id: wait, name: Waits, touchpoints: [{ channel: phone }, { channel: sms }] }
            - { id: think, name: Thinks it over }
            - { id: visit, name: Visits the shop, touchpoints: [{ channel: store }], next: [visit, done] }
            - { id: done, name: Done, touchpoints: [{ description: no channel }] }
    `,
    findings: [],
  },
  {
    name: 'a `next` that loops back to an earlier step asks for no handoff there; the steps it leads on to still do',
    yaml: yaml`
      cjm: 1
      id: loop
      title: Loyalty loop
      stages:
        - id: buy
          name: Buy
          steps:
            - { id: trigger, name: A trigger starts the search, touchpoints: [{ channel: ads }] }
            - { id: choose, name: Chooses, touchpoints: [{ channel: store }], handoff: The ad's offer code works in store }
            - { id: decide, name: Faces the next decision, touchpoints: [{ channel: email }], handoff: The receipt email holds the order, next: [choose, trigger] }
    `,
    findings: [],
  },
  {
    name: 'a blank handoff is no handoff',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: a, name: A, touchpoints: [{ channel: app }] }
            - { id: b, name: B, touchpoints: [{ channel: phone }], handoff: " " }
    `,
    findings: [{ line: 9, column: 15 }],
  },
]);

describe('channel-handoff on random flows', () => {
  it('never throws, and reports only steps without handoff that have a predecessor on other channels', () => {
    const channelsOf = (i: number) => [['app'], ['phone'], ['app', 'phone'], ['web']][i % 4];
    fc.assert(
      fc.property(journeyWithRandomFlow, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (journey, handoffs) => {
        let index = 0;
        const stages = journey.stages.map((stage) => ({
          ...stage,
          steps: stage.steps?.map((step) => {
            const i = index++;
            return { ...step, touchpoints: channelsOf(i).map((channel) => ({ channel })), ...(handoffs[i] ? { handoff: 'context follows' } : {}) };
          }),
        }));
        const withChannels: Journey = { ...journey, stages };
        for (const report of checkJourney(rule, withChannels)) {
          const [, s, , i] = report.path as [string, number, string, number];
          expect(stages[s].steps![i].handoff).toBeUndefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});
