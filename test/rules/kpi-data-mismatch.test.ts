import rule from '../../src/rules/kpi-data-mismatch.js';
import { kpiData, stageKpiJourney } from '../helpers/kpi-series.js';
import { testRule } from '../helpers/rule-tester.js';

const journey = stageKpiJourney;
const data = kpiData({ values: [['2026-09', 84], ['2026-10', 86]] });

testRule(rule, [
  {
    name: 'the file says 70, the data 86: at the actual, naming the row and the fix',
    yaml: journey('{ metric: csat, target: 80, actual: 70 }'),
    kpiData: data,
    findings: [{ line: 8, column: 45, messageIncludes: ['says actual 70, its data says 86 (kpis.csv:3)', 'run `cjm data sync`'] }],
  },
  { name: 'the file says what the data says', yaml: journey('{ metric: csat, target: 80, actual: 86 }'), kpiData: data, findings: [] },
  { name: 'no actual in the file: nothing disagrees', yaml: journey('{ metric: csat, target: 80 }'), kpiData: data, findings: [] },
  { name: 'no data for the KPI', yaml: journey('{ metric: csat, target: 80, actual: 70 }'), findings: [] },
]);
