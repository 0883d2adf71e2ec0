import rule from '../../src/rules/kpi-target.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports stage and step KPIs without a target at the KPI entry',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          kpis:
            - { metric: csat, target: 80, actual: 72 }
            - { metric: ces, actual: 5.1 }
          steps:
            - id: open-claim
              name: Opens a claim
              kpis:
                - metric: conversion
    `,
    findings: [
      { line: 9, column: 9, messageIncludes: ['KPI `ces` of stage "Report the claim" (report) has no target (the last actual is 5.1)', 'add `target:`'] },
      { line: 14, column: 13, messageIncludes: 'KPI `conversion` of step "Opens a claim" (open-claim) has no target:' },
    ],
  },
  {
    name: 'a target of 0 is a target',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, kpis: [{ metric: churn, target: 0 }] }]
    `,
    findings: [],
  },
]);
