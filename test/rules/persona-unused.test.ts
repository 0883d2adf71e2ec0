import rule from '../../src/rules/persona-unused.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports each declared persona that no step lists, at its id',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      personas:
        - { id: driver, name: "Marco, private driver" }
        - id: fleet-manager
          name: Giulia, small-fleet manager
        - { id: broker, name: Broker }
      stages:
        - id: report
          name: Report
          steps:
            - { id: open-claim, name: Opens a claim, personas: [driver] }
            - { id: call, name: Calls, personas: [driver, broker] }
    `,
    findings: [{ line: 6, column: 9, messageIncludes: ['Persona "Giulia, small-fleet manager" (fleet-manager) is declared but no step involves it', 'add its id to the `personas`'] }],
  },
  {
    name: 'personas of the shared catalogue are not this journey’s declarations; no personas: nothing',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, steps: [{ id: open, name: Opens a claim }] }]
    `,
    findings: [],
  },
]);
