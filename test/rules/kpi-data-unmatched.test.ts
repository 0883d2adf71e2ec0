import rule from '../../src/rules/kpi-data-unmatched.js';
import { kpiData } from '../helpers/kpi-series.js';
import { lintWithRule, testRule, yaml } from '../helpers/rule-tester.js';
import { expect, it } from 'vitest';

const claim = yaml`
  cjm: 1
  id: claim
  title: Motor claim
  stages:
    - id: report
      name: Report
      kpis:
        - { metric: csat, target: 80 }
      steps:
        - { id: open-claim, name: Opens a claim, kpis: [{ metric: conversion, target: 80 }] }
    - id: assess
      name: Assess
      steps:
        - { id: video-call, name: Video call }
`;
const month: [string, number][] = [['2026-10', 70]];

testRule(rule, [
  { name: 'a row that feeds a KPI', yaml: claim, kpiData: kpiData({ values: month }), findings: [] },
  {
    name: 'an unknown stage, at the stage cell of the data file, with a did-you-mean',
    yaml: claim,
    kpiData: kpiData({ stage: 'reprot', values: month }),
    findings: [{ line: 2, column: 7, messageIncludes: ['csat data matches no KPI: journey claim has no stage reprot (did you mean report?)'] }],
  },
  {
    name: 'an unknown step',
    yaml: claim,
    kpiData: kpiData({ step: 'open-clam', metric: 'conversion', values: month }),
    findings: [{ line: 2, column: 7, messageIncludes: 'has no step open-clam (did you mean open-claim?)' }],
  },
  {
    name: 'a step in another stage than the row says',
    yaml: claim,
    kpiData: kpiData({ stage: 'assess', step: 'open-claim', metric: 'conversion', values: month }),
    findings: [{ line: 2, column: 7, messageIncludes: 'step open-claim of journey claim is in stage report, not assess' }],
  },
  {
    name: 'a metric the stage has no KPI of, at the metric cell',
    yaml: claim,
    kpiData: kpiData({ metric: 'nps', values: month }),
    findings: [{ line: 2, column: 14, messageIncludes: 'stage report of journey claim has no KPI nps (its KPIs: csat): fix the id, or declare the KPI' }],
  },
  {
    name: 'a step with no KPIs at all',
    yaml: claim,
    kpiData: kpiData({ step: 'video-call', metric: 'fcr', values: month }),
    findings: [{ line: 2, column: 14, messageIncludes: 'step video-call of journey claim has no KPI fcr: fix the id' }],
  },
  { name: 'rows of other journeys are checked with those journeys', yaml: claim, kpiData: kpiData({ journey: 'bopis', stage: 'nowhere', values: month }), findings: [] },
]);

it('reports in the data file, not the journey', async () => {
  const [finding] = await lintWithRule(rule, claim, { kpiData: kpiData({ stage: 'reprot', values: month }) });
  expect(finding.file).toBe('kpis.csv');
});
