import rule from '../../src/rules/inside-out.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a stage with backstage work and no customer action, at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: assess
          name: Assess the damage
          steps:
            - { id: assign, name: Claim assigned, backstage: [Claim routed to an assessor] }
            - { id: inspect, name: Assessor inspects, backstage: [Assessor books a slot, Report uploaded to the claims system] }
            - { id: decide, name: Decision, action: "" }
        - id: settle
          name: Settle
          steps:
            - { id: pay, name: Gets paid, action: Checks the bank account, backstage: [Payment run] }
    `,
    findings: [{ line: 5, column: 9, messageIncludes: ['Stage "Assess the damage" (assess) describes backstage work but no step says what the customer does', 'add `action:`'] }],
  },
  {
    name: 'one customer action in the stage is enough; a stage with neither is not inside-out',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: assess
          name: Assess
          steps:
            - { id: assign, name: Claim assigned, backstage: [Claim routed to an assessor] }
            - { id: wait, name: Waits, action: Waits for the assessor's call }
        - { id: settle, name: Settle, steps: [{ id: pay, name: Gets paid }] }
    `,
    findings: [],
  },
]);
