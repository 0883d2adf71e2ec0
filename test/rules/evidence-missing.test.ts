import rule from '../../src/rules/evidence-missing.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a step without evidence at its id, and a pain object without evidence at the pain',
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
              pains:
                - The sketch is hard to draw
                - { text: Photos fail to upload, severity: high }
                - { text: No status, evidence: reported }
            - id: call
              name: Calls
              evidence: observed
              pains: [{ text: Long wait }]
    `,
    findings: [
      { line: 8, column: 13, messageIncludes: ['Step "Opens a claim" (open-claim) has no evidence level', 'add `evidence:` (observed, reported, inferred or assumed)'] },
      { line: 12, column: 13, messageIncludes: 'Pain "Photos fail to upload" of step "Opens a claim" (open-claim) has no evidence level' },
      { line: 17, column: 17, messageIncludes: 'Pain "Long wait" of step "Calls" (call)' },
    ],
  },
  {
    name: 'plain-text pains share the step’s evidence',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, steps: [{ id: a, name: A, evidence: assumed, pains: [Slow, Confusing] }] }]
    `,
    findings: [],
  },
]);
