import rule from '../../src/rules/emotion-missing.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports each step without an emotion at its id; 0 is a score',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, emotion: 0 }
            - { id: call-hotline, name: Calls the hotline, feeling: anxious }
        - id: settle
          name: Settle
          steps:
            - { id: pay, name: Gets paid, emotion: -2 }
            - { id: rate, name: Rates the service }
    `,
    findings: [
      { line: 9, column: 15, messageIncludes: ['Step "Calls the hotline" (call-hotline) has no emotion score', 'add `emotion:` from -2'] },
      { line: 14, column: 15, messageIncludes: 'Step "Rates the service" (rate)' },
    ],
  },
  {
    name: 'passes when every step has a score',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, steps: [{ id: open, name: Opens, emotion: 2 }] }]
    `,
    findings: [],
  },
]);
