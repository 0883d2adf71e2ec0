import rule from '../../src/rules/stage-kpi.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

testRule(rule, [
  {
    name: 'reports a stage without KPIs at its id, and `kpis: []` at the list',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages:
        - id: report
          name: Report the claim
          steps: [{ id: open, name: Opens a claim, kpis: [{ metric: conversion, target: 80 }] }]
        - id: assess
          name: Assess
          kpis: []
        - { id: settle, name: Settle, kpis: [{ metric: csat, target: 80 }] }
    `,
    findings: [
      { line: 5, column: 9, messageIncludes: ['Stage "Report the claim" (report) has no KPI', 'add `kpis:`'] },
      { line: 10, column: 11, messageIncludes: 'Stage "Assess" (assess)' },
    ],
  },
  {
    name: 'a KPI without target or actual still measures the stage (kpi-target reports the missing target)',
    yaml: yaml`
      cjm: 1
      id: claim
      title: Motor claim
      stages: [{ id: report, name: Report, kpis: [{ metric: nps }] }]
    `,
    findings: [],
  },
]);
