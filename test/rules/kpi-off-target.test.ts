import rule from '../../src/rules/kpi-off-target.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: "reports an actual that misses its target in the metric's direction, at the actual",
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      metrics: [{ id: cycle-time, name: Cycle time, unit: days, direction: down }]
      stages:
        - id: report
          name: Report the claim
          kpis:
            - { metric: csat, target: 80, actual: 72 }
            - { metric: churn, target: 5, actual: 7.5 }
            - { metric: ces, target: 6.3, actual: 5.6 }
            - { metric: conversion, target: 13, actual: 12 }
          steps:
            - id: repair
              name: Waits for the repair
              kpis: [{ metric: cycle-time, target: 10, actual: 14 }]
    `,
    findings: [
      { line: 9, column: 45, messageIncludes: ['KPI `csat` of stage "Report the claim" (report) is off target: actual 72, target 80, 8 points below (higher is better)'] },
      { line: 10, column: 45, messageIncludes: 'actual 7.5, target 5, 2.5 points above (lower is better)' },
      { line: 11, column: 45, messageIncludes: '0.7 below' },
      { line: 12, column: 51, messageIncludes: 'actual 12, target 13, 1 point below' },
      { line: 16, column: 58, messageIncludes: ['step "Waits for the repair" (repair)', '4 days above'] },
    ],
  },
  {
    name: 'on or better than target, or without target, actual or known metric: nothing',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report
          kpis:
            - { metric: csat, target: 80, actual: 80 }
            - { metric: csat, target: 80, actual: 91 }
            - { metric: churn, target: 5, actual: 4 }
            - { metric: nps, actual: -20 }
            - { metric: nps, target: 30 }
    `,
    findings: [],
  },
  {
    name: 'the direction of a metric the journey declares is read from the catalogue',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      metrics: [{ id: photo-ok, name: Photo upload success, direction: up }]
      stages: [{ id: report, name: Report, kpis: [{ metric: photo-ok, target: 95, actual: 90 }] }]
    `,
    findings: [{ line: 5, column: 85 }],
  },
]);
