import rule from '../../src/rules/kpi-thin-sample.js';
import { kpiData, stageKpiJourney } from '../helpers/kpi-series.js';
import { testRule } from '../helpers/rule-tester.js';

const csat = stageKpiJourney('{ metric: csat, target: 80 }');

testRule(rule, [
  {
    name: 'the latest value from 5 answers, at the KPI',
    yaml: csat,
    kpiData: kpiData({ aggregate: 'csat', values: [['2026-09', 82, 120], ['2026-10', 100, 5]] }),
    findings: [{ line: 8, column: 9, messageIncludes: ['is 100 from only 5 answers in 2026-10, fewer than 30', 'period: quarter'] }],
  },
  { name: '30 answers are enough', yaml: csat, kpiData: kpiData({ aggregate: 'csat', values: [['2026-10', 82, 30]] }), findings: [] },
  { name: 'only the latest period counts', yaml: csat, kpiData: kpiData({ aggregate: 'csat', values: [['2026-09', 82, 3], ['2026-10', 82, 300]] }), findings: [] },
  { name: 'minResponses option', yaml: csat, options: { minResponses: 500 }, kpiData: kpiData({ aggregate: 'csat', values: [['2026-10', 82, 300]] }), findings: [{ line: 8, column: 9, messageIncludes: 'fewer than 500' }] },
  { name: 'a measurement (long format) has no answer count', yaml: csat, kpiData: kpiData({ values: [['2026-10', 82]] }), findings: [] },
]);
