import rule from '../../src/rules/pain-without-opportunity.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a stage whose steps have pains and none has an opportunity, at the stage id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          steps:
            - { id: open-claim, name: Opens a claim, pains: [The sketch is hard to draw] }
            - { id: call-hotline, name: Calls, pains: [{ text: Long wait, severity: high }, Repeats everything] }
        - id: assess
          name: Assess
          steps:
            - { id: estimate, name: Gets an estimate, pains: [Slow], opportunities: [] }
    `,
    findings: [
      { line: 5, column: 9, messageIncludes: ['Stage "Report the claim" (report) has 3 pains and no opportunity', 'add `opportunities:`'] },
      { line: 10, column: 9, messageIncludes: 'has 1 pain and' },
    ],
  },
  {
    name: 'an opportunity on another step of the same stage answers the stage',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, pains: [The sketch is hard to draw] }
            - { id: upload, name: Uploads photos, opportunities: [Replace the sketch with typical situations] }
        - { id: settle, name: Settle, steps: [{ id: pay, name: Gets paid }] }
    `,
    findings: [],
  },
]);
