import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import { CONTEXT, finding, RESULTS } from './sample.js';

const infosOnly = [
  { file: 'a.journey.yaml', findings: [finding({ file: 'a.journey.yaml', severity: 'info', ruleId: 'kpi-off-target', message: 'KPI misses its target' })] },
  { file: 'b.journey.yaml', findings: [] },
];

describe('stylish formatter', () => {
  it('counts infos in the summary without listing them, so a clean repository fits one screen', () => {
    expect(stylish(infosOnly, CONTEXT)).toBe('✔ 2 files checked, no problems; 1 info (--verbose lists them)\n');
  });

  it('lists infos with verbose', () => {
    expect(stylish(infosOnly, { ...CONTEXT, verbose: true })).toBe(
      ['a.journey.yaml', '  3:5  info     KPI misses its target  kpi-off-target', '', '✔ 2 files checked, no problems; 1 info', ''].join('\n'),
    );
  });

  it('counts problems as errors and warnings, infos apart', () => {
    const out = stylish(RESULTS, CONTEXT);
    expect(out).not.toContain('kpi-off-target');
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 3 problems (2 errors, 1 warning) in 3 files; 1 info (--verbose lists them)');
  });

  it('says nothing about infos when there are none', () => {
    expect(stylish([{ file: 'a.journey.yaml', findings: [] }], CONTEXT)).toBe('✔ 1 file checked, no problems\n');
  });
});
