import rule from '../../src/rules/kpi-trend.js';
import { kpiData, stageKpiJourney } from '../helpers/kpi-series.js';
import { testRule } from '../helpers/rule-tester.js';

const journey = stageKpiJourney;
const csat = journey('{ metric: csat, target: 80 }');
const months = (...values: number[]) => values.map((value, i): [string, number] => [`2026-0${i + 4}`, value]);

testRule(rule, [
  {
    name: 'three falls in a row of a higher-is-better metric, at the KPI, with the values',
    yaml: csat,
    kpiData: kpiData({ values: months(90, 88, 85, 82) }),
    findings: [{ line: 8, column: 9, messageIncludes: ['moved the wrong way 3 periods in a row (higher is better): 90 → 88 → 85 → 82 from 2026-04 to 2026-07'] }],
  },
  { name: 'a flat period breaks the run', yaml: csat, kpiData: kpiData({ values: months(90, 88, 88, 82) }), findings: [] },
  { name: 'two falls are not yet a trend', yaml: csat, kpiData: kpiData({ values: months(80, 90, 88, 85) }), findings: [] },
  { name: 'only the last changes count', yaml: csat, kpiData: kpiData({ values: months(95, 90, 85, 80, 84) }), findings: [] },
  {
    name: 'a lower-is-better metric going up',
    yaml: journey('{ metric: churn, target: 5, actual: 9 }'),
    kpiData: kpiData({ metric: 'churn', values: months(6, 7, 8, 9) }),
    findings: [{ line: 8, column: 45, messageIncludes: '(lower is better): 6 → 7 → 8 → 9' }],
  },
  { name: 'periods option', yaml: csat, options: { periods: 1 }, kpiData: kpiData({ values: months(90, 85) }), findings: [{ line: 8, column: 9, messageIncludes: '1 periods in a row' }] },
  { name: 'no data', yaml: csat, findings: [] },
]);
