import rule from '../../src/rules/step-channel.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a step with no touchpoints at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - id: open-claim
              name: Opens a claim
            - id: upload
              name: Uploads photos
              touchpoints: [{ channel: app }]
    `,
    findings: [{ line: 8, column: 13, messageIncludes: ['Step "Opens a claim" (open-claim) has no touchpoint', 'add `touchpoints:`'] }],
  },
  {
    name: 'reports an empty touchpoints list at the list',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - id: open-claim
              name: Opens a claim
              touchpoints: []
    `,
    findings: [{ line: 10, column: 22, messageIncludes: 'empty `touchpoints` list' }],
  },
  {
    name: 'reports each touchpoint without a channel, not the ones with one',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - id: open-claim
              name: Opens a claim
              touchpoints:
                - { channel: app }
                - { description: A letter from the broker }
                - owner: contact-centre
    `,
    findings: [
      { line: 12, column: 13, messageIncludes: 'Touchpoint 2 of Step "Opens a claim" (open-claim) has no channel' },
      { line: 13, column: 13, messageIncludes: 'Touchpoint 3' },
    ],
  },
  {
    name: 'passes when every step has a touchpoint with a channel, including custom channels',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      channels: [{ id: body-shop, name: Body shop, type: physical }]
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, touchpoints: [{ channel: app }, { channel: phone }] }
            - { id: drop-off, name: Drops off the car, touchpoints: [{ channel: body-shop }] }
    `,
    findings: [],
  },
  {
    name: 'a stage without steps gives nothing (stage-empty reports it)',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report }]
    `,
    findings: [],
  },
]);
