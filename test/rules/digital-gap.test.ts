import rule from '../../src/rules/digital-gap.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

const journey = (...channels: string[]) => yaml`
  cjm: 1
  id: claim
  title: Motor claim
  channels: [{ id: body-shop, name: Body shop, type: physical }, { id: portal, name: Portal, type: digital }]
  stages:
    - id: report
      name: Report
      steps:
        - { id: a, name: A, touchpoints: [${channels.map((channel) => `{ channel: ${channel} }`).join(', ')}] }
        - { id: b, name: B, touchpoints: [{ description: no channel }] }
`;

testRule(rule, [
  {
    name: 'reports a journey with no digital channel, at its id',
    yaml: journey('phone', 'store', 'body-shop'),
    findings: [{ line: 2, column: 5, messageIncludes: ['Journey "Motor claim" (claim) uses no digital channel', 'consider a digital touchpoint'] }],
  },
  {
    name: 'reports a journey with only digital channels, custom ones included',
    yaml: journey('app', 'portal'),
    findings: [{ line: 2, column: 5, messageIncludes: ['uses only digital channels', 'consider a human or physical touchpoint'] }],
  },
  {
    name: 'one digital and one human channel pass',
    yaml: journey('web', 'phone'),
    findings: [],
  },
  {
    name: 'one digital and one physical (custom) channel pass',
    yaml: journey('portal', 'body-shop'),
    findings: [],
  },
  {
    name: 'a journey with no channels at all is step-channel’s finding, not a gap',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, steps: [{ id: a, name: A }] }]
    `,
    findings: [],
  },
]);
