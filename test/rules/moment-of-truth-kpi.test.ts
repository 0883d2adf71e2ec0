import rule from '../../src/rules/moment-of-truth-kpi.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a moment of truth with no KPI on its step or stage, at `momentOfTruth`',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: assess
          name: Assess the damage
          steps:
            - id: receive-offer
              name: Receives the offer
              momentOfTruth: true
            - { id: accept, name: Accepts, momentOfTruth: false }
    `,
    findings: [
      {
        line: 10,
        column: 24,
        messageIncludes: ['Step "Receives the offer" (receive-offer) is a moment of truth but neither it nor stage "Assess the damage" (assess) has a KPI', 'add `kpis:`'],
      },
    ],
  },
  {
    name: 'a KPI on the step or on its stage is enough; an empty list is not',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          kpis: [{ metric: ces, target: 6 }]
          steps: [{ id: open-claim, name: Opens a claim, momentOfTruth: true }]
        - id: assess
          name: Assess
          kpis: []
          steps:
            - { id: offer, name: Gets an offer, momentOfTruth: true, kpis: [{ metric: csat, target: 80 }] }
            - { id: accept, name: Accepts, momentOfTruth: true, kpis: [] }
    `,
    findings: [{ line: 14, column: 53 }],
  },
]);
