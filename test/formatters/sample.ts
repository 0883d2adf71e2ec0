import type { Finding } from '../../src/findings.js';
import type { FormatContext } from '../../src/formatters/types.js';
import type { FileResult } from '../../src/findings.js';

/** Findings every formatter test uses: a rule finding, a validation finding, an awkward message, a clean file and an unreadable one. */
export const finding = (over: Partial<Finding>): Finding => ({
  file: 'journeys/a.journey.yaml',
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 12,
  ruleId: 'stage-owner',
  severity: 'error',
  message: 'Stage "One" (one) has no owner',
  ...over,
});

export const RESULTS: FileResult[] = [
  {
    file: 'journeys/a.journey.yaml',
    findings: [
      finding({}),
      finding({ line: 7, column: 9, endLine: 7, endColumn: 9, ruleId: 'stage-kpi', severity: 'warn', message: 'Stage "Two" has no KPI: add `kpis:`, e.g. 100% <csat> & "nps"\nsecond line' }),
      finding({ line: 9, column: 1, endLine: 9, endColumn: 4, ruleId: 'kpi-off-target', severity: 'info', message: 'KPI misses its target' }),
    ],
  },
  { file: 'journeys/b c.journey.yaml', findings: [finding({ file: 'journeys/b c.journey.yaml', ruleId: 'schema', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'missing required key `id`' })] },
  { file: 'journeys/clean.journey.yaml', findings: [] },
  { file: 'journeys/pipe.journey.yaml', findings: [], ioError: 'not a regular file' },
];

export const CONTEXT: FormatContext = {
  colorLevel: 0,
  version: '0.1.0',
  cwd: '/repo',
  rules: [
    { id: 'kpi-off-target', description: 'A KPI whose actual misses its target.', defaultSeverity: 'info', docsUrl: 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/kpi-off-target.md' },
    { id: 'stage-kpi', description: 'A stage with no KPI.', defaultSeverity: 'warn', docsUrl: 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/stage-kpi.md' },
    { id: 'stage-owner', description: 'A stage with no owner.', defaultSeverity: 'error', docsUrl: 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/stage-owner.md' },
    { id: 'evidence-missing', description: 'A step with no evidence level.', defaultSeverity: 'off', docsUrl: 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/evidence-missing.md' },
  ],
};
