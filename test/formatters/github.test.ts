import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/formatters/github.js';
import { CONTEXT, finding, RESULTS } from './sample.js';

describe('github formatter', () => {
  it('writes one workflow command per finding: error, warning, notice', () => {
    const lines = github(RESULTS, CONTEXT).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('::error file=journeys/a.journey.yaml,line=3,col=5,endLine=3,endColumn=12,title=cjm stage-owner::Stage "One" (one) has no owner');
    expect(lines[1]).toMatch(/^::warning file=journeys\/a\.journey\.yaml,line=7,col=9,endLine=7,endColumn=9,title=cjm stage-kpi::/);
    expect(lines[2]).toMatch(/^::notice .*title=cjm kpi-off-target::KPI misses its target$/);
    expect(lines[4]).toBe('::error file=journeys/pipe.journey.yaml,title=cjm%3A cannot read file::not a regular file');
  });

  it('escapes a message holding %, a newline, : and , the way @actions/core does', () => {
    const message = 'ratio 100%: done, next\r\nline';
    const out = github([{ file: 'a,b:c.journey.yaml', findings: [finding({ file: 'a,b:c.journey.yaml', message })] }], CONTEXT);
    expect(out).toBe('::error file=a%2Cb%3Ac.journey.yaml,line=3,col=5,endLine=3,endColumn=12,title=cjm stage-owner::ratio 100%25: done, next%0D%0Aline\n');
  });

  it('escapes % first, so an escape sequence in the text stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('prints nothing for a clean run', () => {
    expect(github([{ file: 'a.journey.yaml', findings: [] }], CONTEXT)).toBe('');
  });
});
