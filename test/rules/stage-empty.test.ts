import rule from '../../src/rules/stage-empty.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a stage without steps at its id, and `steps: []` at the list',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          owner: claims-intake
        - id: assess
          name: Assess
          steps: []
        - id: settle
          name: Settle
          steps: [{ id: pay, name: Gets paid }]
    `,
    findings: [
      { line: 5, column: 9, messageIncludes: ['Stage "Report the claim" (report) has no steps', 'or remove the stage'] },
      { line: 10, column: 12, messageIncludes: 'Stage "Assess" (assess)' },
    ],
  },
  {
    name: 'a one-stage journey with a single step passes',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, steps: [{ id: open, name: Opens a claim }] }]
    `,
    findings: [],
  },
]);
