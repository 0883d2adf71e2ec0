import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { attr, junit, text } from '../../src/formatters/junit.js';
import { CONTEXT, finding, RESULTS } from './sample.js';

function parseXml(xml: string): Document {
  const document = new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror'), xml).toHaveLength(0);
  return document;
}

describe('junit formatter', () => {
  const xml = junit(RESULTS, CONTEXT);
  const document = parseXml(xml);

  it('writes one testsuite per file and one testcase per finding, failing for errors and warnings', () => {
    const suites = [...document.getElementsByTagName('testsuite')];
    expect(suites.map((suite) => [suite.getAttribute('name'), suite.getAttribute('tests'), suite.getAttribute('failures'), suite.getAttribute('errors')])).toEqual([
      ['journeys/a.journey.yaml', '3', '2', '0'],
      ['journeys/b c.journey.yaml', '1', '1', '0'],
      ['journeys/clean.journey.yaml', '1', '0', '0'],
      ['journeys/pipe.journey.yaml', '1', '0', '1'],
    ]);
    const root = document.documentElement;
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual(['6', '3', '1']);
    const first = suites[0].getElementsByTagName('testcase')[0];
    expect(first.getAttribute('classname')).toBe('journeys/a.journey.yaml');
    expect(first.getAttribute('name')).toBe('stage-owner at 3:5');
    const failure = first.getElementsByTagName('failure')[0];
    expect(failure.getAttribute('type')).toBe('error');
    expect(failure.getAttribute('message')).toBe('Stage "One" (one) has no owner');
    expect(failure.textContent).toBe('error stage-owner at journeys/a.journey.yaml:3:5: Stage "One" (one) has no owner');
  });

  it('passes an info, with its message in system-out', () => {
    const info = document.getElementsByTagName('testsuite')[0].getElementsByTagName('testcase')[2];
    expect(info.getAttribute('name')).toBe('kpi-off-target at 9:1');
    expect(info.getElementsByTagName('failure')).toHaveLength(0);
    expect(info.getElementsByTagName('system-out')[0].textContent).toBe('info kpi-off-target at journeys/a.journey.yaml:9:1: KPI misses its target');
  });

  it('counts a run with infos only as passing', () => {
    const infos = [{ file: 'a.journey.yaml', findings: [finding({ severity: 'info' }), finding({ severity: 'info', line: 4 })] }];
    const root = parseXml(junit(infos, CONTEXT)).documentElement;
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual(['2', '0', '0']);
    expect(root.getElementsByTagName('failure')).toHaveLength(0);
  });

  it('gives a clean file one empty passing testcase', () => {
    const clean = document.getElementsByTagName('testsuite')[2].getElementsByTagName('testcase');
    expect(clean).toHaveLength(1);
    expect(clean[0].children).toHaveLength(0);
  });

  it('escapes markup and keeps line breaks in attributes', () => {
    const failure = document.getElementsByTagName('testsuite')[0].getElementsByTagName('failure')[1];
    expect(failure.getAttribute('message')).toBe('Stage "Two" has no KPI: add `kpis:`, e.g. 100% <csat> & "nps"\nsecond line');
    expect(xml).toContain('&lt;csat&gt; &amp; &quot;nps&quot;&#10;second line');
  });

  it('strips characters XML 1.0 cannot hold, keeping the rest of the text', () => {
    const nasty = 'bell\u0007 nul\u0000 esc\u001b lone\ud800 fffe\ufffe ok \u{1F600} tab\t';
    const out = junit([{ file: 'x\u0001.journey.yaml', findings: [finding({ file: 'x\u0001.journey.yaml', message: nasty })] }], CONTEXT);
    const failure = parseXml(out).getElementsByTagName('failure')[0];
    expect(failure.getAttribute('message')).toBe('bell nul esc lone fffe ok \u{1F600} tab\t');
    expect(text('a\u000bb')).toBe('ab');
    expect(attr("it's")).toBe('it&apos;s');
  });
});
