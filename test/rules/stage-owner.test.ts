import rule from '../../src/rules/stage-owner.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports each stage without an owner at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          steps: [{ id: open, name: Opens a claim }]
        - id: settle
          name: Settle
          owner: claims-ops
          steps: [{ id: pay, name: Gets paid }]
        - { id: review, name: Review, steps: [{ id: rate, name: Rates }] }
    `,
    findings: [
      { line: 5, column: 9, messageIncludes: ['Stage "Report the claim" (report) has no owner', 'add `owner:`'] },
      { line: 12, column: 11, messageIncludes: 'Stage "Review" (review)' },
    ],
  },
  {
    name: 'an owner that is only blank space counts as missing',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          owner: "  "
          steps: [{ id: open, name: Opens a claim }]
    `,
    findings: [{ line: 5, column: 9 }],
  },
  {
    name: 'passes when every stage has an owner',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - { id: report, name: Report, owner: claims-intake, steps: [{ id: open, name: Opens a claim }] }
        - { id: settle, name: Settle, owner: claims-ops }
    `,
    findings: [],
  },
]);
