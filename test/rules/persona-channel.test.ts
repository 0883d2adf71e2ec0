import rule from '../../src/rules/persona-channel.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a step whose channels none of its personas prefer, at its touchpoints',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      personas:
        - { id: driver, name: Driver, channels: [app, phone] }
        - { id: fleet, name: Fleet manager, channels: [web, email] }
      stages:
        - id: report
          name: Report
          steps:
            - id: send-form
              name: Sends the paper form
              personas: [driver]
              touchpoints: [{ channel: mail }]
            - { id: both, name: Both, personas: [driver, fleet], touchpoints: [{ channel: store }] }
    `,
    findings: [
      { line: 14, column: 9, messageIncludes: ['Step "Sends the paper form" (send-form) happens on mail, which its persona (driver) does not prefer', 'offer it on one of app, phone'] },
      { line: 15, column: 60, messageIncludes: 'which none of its personas (driver, fleet) prefer' },
    ],
  },
  {
    name: 'one preferred channel among several is enough; personas without preferences and steps without personas are skipped',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      personas:
        - { id: driver, name: Driver, channels: [app] }
        - { id: anyone, name: Anyone }
      stages:
        - id: report
          name: Report
          steps:
            - { id: a, name: A, personas: [driver], touchpoints: [{ channel: mail }, { channel: app }] }
            - { id: b, name: B, personas: [anyone], touchpoints: [{ channel: store }] }
            - { id: c, name: C, touchpoints: [{ channel: store }] }
            - { id: d, name: D, personas: [driver, anyone], touchpoints: [{ channel: app }] }
    `,
    findings: [],
  },
]);
