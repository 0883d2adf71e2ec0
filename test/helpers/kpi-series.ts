import type { KpiData, KpiSeries } from '../../src/data/index.js';
import { yaml } from './rule-tester.js';

/** A data row position in a made-up kpis.csv: line `line`, the value's column. */
const at = (line: number, column = 1) => ({ file: 'kpis.csv', line, column });

/**
 * KPI data for rule tests, made in memory: one series per entry, each point
 * `[period, value]` or `[period, value, responses]`, on lines 2, 3, ... of kpis.csv.
 */
export function kpiData(...series: (Partial<KpiSeries> & { values: [string, number, number?][] })[]): KpiData {
  return {
    findings: [],
    series: series.map(({ values, ...rest }) => ({
      journey: 'claim',
      metric: 'csat',
      file: 'kpis.csv',
      period: 'month',
      ...(rest.step === undefined && rest.stage === undefined ? { stage: 'report' } : {}),
      ...rest,
      points: values.map(([period, value, responses], i) => ({
        period,
        value,
        measured: period.length === 7 ? `${period}-28` : period,
        ...(responses === undefined ? {} : { responses }),
        at: at(i + 2, 25),
      })),
      first: { row: at(2), journey: at(2, 1), stage: at(2, 7), step: at(2, 7), metric: at(2, 14) },
    })),
  };
}

/** A journey `claim` whose stage `report` has one KPI, written as given (a flow mapping): the KPI is on line 8. */
export const stageKpiJourney = (kpi: string) => yaml`
  cjm: 1
  id: claim
  title: Motor claim
  stages:
    - id: report
      name: Report
      kpis:
        - ${kpi}
`;
