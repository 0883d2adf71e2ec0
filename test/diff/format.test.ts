import { describe, expect, it } from 'vitest';
import { describeChange, summaryLine, type Style } from '../../src/diff/describe.js';
import { emptyCounts, reportCounts } from '../../src/diff/counts.js';
import { marked } from 'marked';
import { formatMarkdown } from '../../src/diff/format-markdown.js';
import { formatText } from '../../src/diff/format-text.js';
import type { DiffReport, JourneyDiff } from '../../src/diff/types.js';

const PLAIN: Style = { text: (v) => `"${v}"`, bare: (v) => v, id: (v) => v, trend: (t) => t, added: (v) => v, removed: (v) => v };

describe('describeChange', () => {
  it.each([
    [{ kind: 'emotion', from: -2, to: 0, trend: 'better' }, 'emotion -2 → 0 (better)'],
    [{ kind: 'emotion', from: 1, to: -1, trend: 'worse' }, 'emotion +1 → -1 (worse)'],
    [{ kind: 'emotion', to: 1 }, 'emotion (none) → +1'],
    [{ kind: 'field', field: 'owner', from: 'intake' }, 'owner removed (was "intake")'],
    [{ kind: 'field', field: 'owner', to: 'intake' }, 'owner added: "intake"'],
    [{ kind: 'touchpoint-owner', channel: 'app', from: 'digital' }, 'owner of the app touchpoint removed (was "digital")'],
    [{ kind: 'field', field: 'reviewed', from: '2026-01-10', to: '2026-11-01' }, 'reviewed 2026-01-10 → 2026-11-01'],
    [{ kind: 'field', field: 'description', from: 'a', to: 'b' }, 'description changed'],
    [{ kind: 'moved', fromStage: 'repair', toStage: 'assess' }, 'moved from stage repair to assess'],
    [{ kind: 'position', from: 1, to: 3 }, 'moved from position 1 to 3'],
    [{ kind: 'channel', action: 'removed', channel: 'sms' }, 'channel dropped: sms'],
    [{ kind: 'touchpoint-owner', channel: 'app', from: 'digital', to: 'mobile' }, 'owner of the app touchpoint "digital" → "mobile"'],
    [{ kind: 'pain', action: 'resolved', text: 'Waits' }, 'pain resolved: "Waits"'],
    [{ kind: 'next', action: 'added', step: 'help' }, 'now leads to help'],
    [{ kind: 'dropoff', from: 21, to: 7, trend: 'better' }, 'dropoff 21 % → 7 % (better)'],
    [{ kind: 'moment-of-truth', from: false, to: true }, 'now a moment of truth'],
    [{ kind: 'kpi', action: 'changed', metric: 'aht', unit: 's', target: { from: 420, to: 300, trend: 'better' } }, 'KPI aht (s): target 420 → 300 (better)'],
    [{ kind: 'kpi', action: 'added', metric: 'nps', target: { to: 30 } }, 'KPI nps added (target 30)'],
    [{ kind: 'other', fields: ['action', 'handoff'] }, 'also changed: action, handoff'],
  ] as const)('%j', (change, expected) => {
    expect(describeChange(change, PLAIN)).toBe(expected);
  });
});

function fileDiff(overrides: Partial<JourneyDiff>): JourneyDiff {
  return { status: 'modified', oldFile: 'a.journey.yaml', newFile: 'a.journey.yaml', journey: [], stages: [], counts: emptyCounts(), ...overrides };
}

describe('summaryLine', () => {
  it('says when nothing differs', () => {
    const files = [fileDiff({ status: 'unchanged' })];
    expect(summaryLine({ files, counts: reportCounts(files) })).toBe('no differences in 1 journey');
  });

  it('names the noun once per group', () => {
    const counts = { ...emptyCounts(), stepsAdded: 3, stepsRemoved: 2, stepsMoved: 1, emotionBetter: 2, emotionWorse: 1 };
    const files = [fileDiff({ counts }), fileDiff({ status: 'added' }), fileDiff({ status: 'deleted' })];
    expect(summaryLine({ files, counts: reportCounts(files) })).toBe('3 journeys: 1 changed, 1 added, 1 deleted; 3 steps added, 2 removed, 1 moved; emotion 2 better, 1 worse');
  });
});

/** A diff of one kept step with the given changes, as a report. */
function reportOf(stepName: string, changes: JourneyDiff['stages'][number]['steps'][number]['changes']): DiffReport {
  const files = [fileDiff({ stages: [{ id: 's', name: 'S', status: 'kept', changes: [], steps: [{ id: 'x', name: stepName, status: 'kept', changes }] }] })];
  files[0].counts = { ...emptyCounts(), changes: changes.length, stepsChanged: 1 };
  return { files, counts: reportCounts(files) };
}

describe('markdown escaping (the escaper of cjm report, src/markdown/escape.ts)', () => {
  it('shows bidi controls instead of letting them reorder a pull-request comment', () => {
    const markdown = formatMarkdown(reportOf('Pays \u202Eyad\u202C', [{ kind: 'pain', action: 'added', text: 'evil \u2066text' }]));
    expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(markdown).toContain('Pays &lt;U+202E&gt;yad&lt;U+202C&gt;');
    expect(markdown).toContain('pain added: "evil &lt;U+2066&gt;text"');
  });

  it('turns no bare URL, e-mail address or mention into a link, and no `$` into math', () => {
    const markdown = formatMarkdown(
      reportOf('See https://evil.example and www.evil.example', [
        { kind: 'pain', action: 'added', text: 'mail cx@example.com, ping @team, costs $5 and $10' },
        { kind: 'field', field: 'goal', from: 'http://a.example', to: '$x^2$' },
      ]),
    );
    const html = marked.parse(markdown, { gfm: true, headerIds: false, mangle: false });
    expect(html).not.toMatch(/<a |<math|<img/);
    expect(markdown).toContain('https\\://evil.example and www\\.evil.example');
    expect(markdown).toContain('costs \\$5 and \\$10');
    expect(markdown).toContain('"\\$x^2\\$"');
  });

  it("escapes a metric's unit in the change list too", () => {
    const markdown = formatMarkdown(reportOf('Pays', [{ kind: 'kpi', action: 'changed', metric: 'm', unit: '[x](javascript:alert(1))', target: { from: 1, to: 2 } }]));
    expect(marked.parse(markdown, { gfm: true, headerIds: false, mangle: false })).not.toContain('<a ');
  });

  it('a pain with table syntax stays inside its row', () => {
    const report: DiffReport = {
      files: [
        fileDiff({
          stages: [
            {
              id: 's',
              name: 'Stage | with pipe',
              status: 'kept',
              changes: [],
              steps: [{ id: 'x', name: 'Pays *now*', status: 'kept', changes: [{ kind: 'emotion', from: -1, to: 1, trend: 'better' }, { kind: 'pain', action: 'added', text: 'a | b\n| c |' }] }],
            },
          ],
          counts: { ...emptyCounts(), changes: 2, stepsChanged: 1, emotionBetter: 1 },
        }),
      ],
      counts: reportCounts([]),
    };
    report.counts = reportCounts(report.files);
    const markdown = formatMarkdown(report);
    const row = markdown.split('\n').find((line) => line.includes('Pays'))!;
    expect(row).toBe('| Pays \\*now\\* `x` | `s` | -1 → +1 | 🟢 better |');
    expect(markdown).toContain('pain added: "a \\| b \\| c \\|"');
    expect(markdown).toContain('**Stage Stage \\| with pipe** `s`');
  });
});

describe('text output', () => {
  it('colours only when asked', () => {
    const files = [fileDiff({ stages: [{ id: 's', name: 'S', status: 'kept', changes: [], steps: [{ id: 'x', name: 'X', status: 'kept', changes: [{ kind: 'emotion', from: -1, to: 1, trend: 'better' }] }] }] })];
    files[0].counts = { ...emptyCounts(), changes: 1, stepsChanged: 1, emotionBetter: 1 };
    const report: DiffReport = { files, counts: reportCounts(files) };
    const plain = formatText(report, { colorLevel: 0 });
    expect(plain).toContain('    x: emotion -1 → +1 (better)');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(formatText(report, { colorLevel: 1 })).toMatch(/\u001b\[32mbetter/);
  });
});
