import rule from '../../src/rules/kpi-no-data.js';
import { kpiData, stageKpiJourney } from '../helpers/kpi-series.js';
import { testRule } from '../helpers/rule-tester.js';

const journey = stageKpiJourney;

testRule(rule, [
  { name: 'a target and no actual, at the KPI', yaml: journey('{ metric: csat, target: 80 }'), findings: [{ line: 8, column: 9, messageIncludes: ['KPI `csat` of stage "Report" (report) has a target (80) but no value', 'feed it from a data source'] }] },
  { name: 'an actual written in the file', yaml: journey('{ metric: csat, target: 80, actual: 70 }'), findings: [] },
  { name: 'an actual from the data', yaml: journey('{ metric: csat, target: 80 }'), kpiData: kpiData({ values: [['2026-10', 81]] }), findings: [] },
  { name: 'no target: kpi-target says so', yaml: journey('{ metric: csat }'), findings: [] },
]);
