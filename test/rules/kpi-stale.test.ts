import rule from '../../src/rules/kpi-stale.js';
import { kpiData, stageKpiJourney } from '../helpers/kpi-series.js';
import { testRule } from '../helpers/rule-tester.js';

const journey = stageKpiJourney;

testRule(rule, [
  {
    name: 'a KPI measured more than 90 days before today, at its date, with the age',
    yaml: journey('{ metric: csat, target: 80, actual: 70, measured: 2026-08-01 }'),
    findings: [{ line: 8, column: 59, messageIncludes: ['KPI `csat` of stage "Report" (report) was measured 113 days ago (2026-08-01), more than the 90 allowed', 'measure it again'] }],
  },
  { name: 'exactly 90 days is still fresh', yaml: journey('{ metric: csat, actual: 70, measured: 2026-08-24 }'), findings: [] },
  { name: 'day 91', yaml: journey('{ metric: csat, actual: 70, measured: 2026-08-23 }'), findings: [{ line: 8, column: 47, messageIncludes: '91 days ago' }] },
  { name: 'no measured date: nothing to say (kpi-no-data and kpi-target cover KPIs without values)', yaml: journey('{ metric: csat, target: 80 }'), findings: [] },
  { name: 'maxAgeDays option', yaml: journey('{ metric: csat, measured: 2026-11-01 }'), options: { maxAgeDays: 14 }, findings: [{ line: 8, column: 35, messageIncludes: '21 days ago (2026-11-01), more than the 14 allowed' }] },
  {
    name: 'a date from the data: at the KPI when the file writes none, naming the data file',
    yaml: journey('{ metric: csat, target: 80 }'),
    kpiData: kpiData({ values: [['2026-06', 81]] }),
    findings: [{ line: 8, column: 9, messageIncludes: ['measured 147 days ago (2026-06-28)', 'its newest data in kpis.csv is from 2026-06-28: refresh the export'] }],
  },
  {
    name: 'fresh data replaces an old date written in the file',
    yaml: journey('{ metric: csat, target: 80, actual: 70, measured: 2025-01-01 }'),
    kpiData: kpiData({ values: [['2026-11', 81]] }),
    findings: [],
  },
]);
