import { describe, expect, it } from 'vitest';
import { BUILTIN_METRICS, type MetricDefinition } from '../../src/schema/builtins.js';
import { journeySchema, type Journey } from '../../src/schema/journey.js';
import { compareJourneys } from '../../src/diff/compare.js';
import type { Change, StageDiff, StepDiff } from '../../src/diff/types.js';

const METRICS = new Map<string, MetricDefinition>([
  ...BUILTIN_METRICS.map((metric): [string, MetricDefinition] => [metric.id, metric]),
  ['wait', { id: 'wait', name: 'Wait', direction: 'down', unit: 'min' }],
]);

/** A small valid journey; `edit` changes a deep copy. */
function journey(edit: (j: Journey) => void = () => {}): Journey {
  const base = journeySchema.parse({
    cjm: 1,
    id: 'claim',
    title: 'Claim',
    owner: 'cx',
    reviewed: '2026-01-10',
    stages: [
      {
        id: 'report',
        name: 'Report',
        owner: 'intake',
        kpis: [{ metric: 'csat', target: 80, actual: 60 }],
        steps: [
          { id: 'open', name: 'Opens a claim', emotion: -1, touchpoints: [{ channel: 'app', owner: 'digital' }], pains: ['Retypes the policy'], opportunities: ['Prefill'] },
          { id: 'upload', name: 'Uploads photos', emotion: -2, dropoff: 20, touchpoints: [{ channel: 'sms' }, { channel: 'app' }] },
        ],
      },
      {
        id: 'assess',
        name: 'Assess',
        owner: 'assessment',
        steps: [
          { id: 'video', name: 'Video call', emotion: 1, momentOfTruth: true, kpis: [{ metric: 'wait', target: 10, actual: 30 }] },
          { id: 'offer', name: 'Gets the offer', emotion: 0, next: [] },
        ],
      },
    ],
  });
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

function compare(edit: (j: Journey) => void, before = journey()) {
  return compareJourneys(before, journey(edit), { oldMetrics: METRICS, newMetrics: METRICS });
}

function stage(diff: { stages: StageDiff[] }, id: string): StageDiff {
  const found = diff.stages.find((s) => s.id === id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
}

function step(diff: { stages: StageDiff[] }, id: string): StepDiff {
  const found = diff.stages.flatMap((s) => s.steps).find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** Every change of the diff with where it is, to assert that nothing else changed. */
function allChanges(diff: { journey: Change[]; stages: StageDiff[] }): string[] {
  const out = diff.journey.map((change) => `journey ${JSON.stringify(change)}`);
  for (const s of diff.stages) {
    if (s.status !== 'kept') out.push(`stage ${s.id} ${s.status}`);
    for (const change of s.changes) out.push(`stage ${s.id} ${JSON.stringify(change)}`);
    for (const st of s.steps) {
      if (st.status !== 'kept') out.push(`step ${st.id} ${st.status}`);
      for (const change of st.changes) out.push(`step ${st.id} ${JSON.stringify(change)}`);
    }
  }
  return out;
}

describe('compareJourneys', () => {
  it('finds nothing between a journey and itself', () => {
    const diff = compare(() => {});
    expect(allChanges(diff)).toEqual([]);
    expect(diff.counts.changes).toBe(0);
    expect(diff.improvement).toBeUndefined();
  });

  it('reports emotion changes with their direction', () => {
    const diff = compare((j) => {
      j.stages[0].steps![1].emotion = 0;
      j.stages[1].steps![0].emotion = -1;
      delete j.stages[1].steps![1].emotion;
    });
    expect(step(diff, 'upload').changes).toEqual([{ kind: 'emotion', from: -2, to: 0, trend: 'better' }]);
    expect(step(diff, 'video').changes).toEqual([{ kind: 'emotion', from: 1, to: -1, trend: 'worse' }]);
    expect(step(diff, 'offer').changes).toEqual([{ kind: 'emotion', from: 0 }]);
    expect(diff.counts).toMatchObject({ emotionBetter: 1, emotionWorse: 1, stepsChanged: 3 });
  });

  it('a renamed step or stage is a change of name, matched by id', () => {
    const diff = compare((j) => {
      j.stages[0].name = 'Report the accident';
      j.stages[0].steps![0].name = 'Opens a claim in the app';
    });
    expect(allChanges(diff)).toEqual([
      'stage report {"kind":"field","field":"name","from":"Report","to":"Report the accident"}',
      'step open {"kind":"field","field":"name","from":"Opens a claim","to":"Opens a claim in the app"}',
    ]);
  });

  it('reports added and removed steps and stages; a step moved between stages says from where to where', () => {
    const diff = compare((j) => {
      const [upload] = j.stages[0].steps!.splice(1, 1); // upload leaves report...
      j.stages[1].steps!.unshift(upload); // ...for assess
      j.stages[1].steps!.splice(2, 1); // offer removed (video's implicit next was offer)
      j.stages[1].steps![1].next = [];
      j.stages.push({ id: 'repair', name: 'Repair', steps: [{ id: 'drop', name: 'Drops the car off' }] });
      j.stages[1].steps!.push({ id: 'estimate', name: 'Gets an estimate', next: [] });
    });
    expect(step(diff, 'upload').changes[0]).toEqual({ kind: 'moved', fromStage: 'report', toStage: 'assess' });
    expect(step(diff, 'offer').status).toBe('removed');
    expect(stage(diff, 'assess').steps.map((s) => `${s.id}:${s.status}`)).toEqual(['upload:kept', 'video:kept', 'estimate:added', 'offer:removed']);
    expect(stage(diff, 'repair').status).toBe('added');
    expect(stage(diff, 'repair').steps).toEqual([{ id: 'drop', name: 'Drops the car off', status: 'added', changes: [] }]);
    expect(diff.counts).toMatchObject({ stagesAdded: 1, stepsAdded: 2, stepsRemoved: 1, stepsMoved: 1 });
  });

  it('a removed stage lists its removed steps; its surviving steps show as moved where they went', () => {
    const diff = compare((j) => {
      const video = j.stages[1].steps![0];
      j.stages.splice(1, 1);
      j.stages[0].steps!.push(video);
    });
    expect(stage(diff, 'assess').status).toBe('removed');
    expect(stage(diff, 'assess').steps.map((s) => `${s.id}:${s.status}`)).toEqual(['offer:removed']);
    expect(step(diff, 'video').changes).toContainEqual({ kind: 'moved', fromStage: 'assess', toStage: 'report' });
  });

  it('a stage that changed place among the stages both sides have is moved; an inserted stage moves nothing', () => {
    const threeStages = journey((j) => j.stages.push({ id: 'repair', name: 'Repair' }));
    // report, assess, repair -> assess, repair, report: only report moved.
    const rotated = compare((j) => {
      j.stages.push({ id: 'repair', name: 'Repair' });
      j.stages.push(j.stages.shift()!);
    }, threeStages);
    expect(rotated.stages.flatMap((s) => s.changes.map((c) => `${s.id} ${JSON.stringify(c)}`))).toEqual(['report {"kind":"position","from":1,"to":3}']);
    const inserted = compare((j) => j.stages.splice(1, 0, { id: 'wait', name: 'Wait' }));
    expect(inserted.stages.flatMap((s) => s.changes)).toEqual([]);
  });

  it('owners of the journey, a stage and a touchpoint', () => {
    const diff = compare((j) => {
      j.owner = 'claims-cx';
      delete j.stages[0].owner;
      j.stages[0].steps![0].touchpoints![0].owner = 'mobile';
    });
    expect(allChanges(diff)).toEqual([
      'journey {"kind":"field","field":"owner","from":"cx","to":"claims-cx"}',
      'stage report {"kind":"field","field":"owner","from":"intake"}',
      'step open {"kind":"touchpoint-owner","channel":"app","from":"digital","to":"mobile"}',
    ]);
  });

  it('channels added and dropped per step', () => {
    const diff = compare((j) => {
      j.stages[0].steps![1].touchpoints = [{ channel: 'app' }, { channel: 'push' }];
    });
    expect(step(diff, 'upload').changes).toEqual([
      { kind: 'channel', action: 'added', channel: 'push' },
      { kind: 'channel', action: 'removed', channel: 'sms' },
    ]);
  });

  it('pains and opportunities matched by text: reflowed white space is not a change', () => {
    const diff = compare((j) => {
      const open = j.stages[0].steps![0];
      open.pains = ['  Retypes   the policy ', { text: 'Cannot save a draft', severity: 'high' }];
      open.opportunities = ['Save drafts'];
    });
    expect(step(diff, 'open').changes).toEqual([
      { kind: 'pain', action: 'added', text: 'Cannot save a draft' },
      { kind: 'opportunity', action: 'removed', text: 'Prefill' },
      { kind: 'opportunity', action: 'added', text: 'Save drafts' },
    ]);
    const resolved = compare((j) => delete j.stages[0].steps![0].pains);
    expect(step(resolved, 'open').changes).toEqual([{ kind: 'pain', action: 'resolved', text: 'Retypes the policy' }]);
    expect(resolved.counts).toMatchObject({ painsResolved: 1, painsAdded: 0 });
  });

  it('pains of removed and added steps count as resolved and added: one count for the list, the summary and the improvement', () => {
    const toBe = journey((j) => {
      j.state = 'future';
      j.stages[0].steps!.splice(0, 1, { id: 'chat', name: 'Chats', pains: ['Waits for an agent', 'Retypes the policy'] });
    });
    const diff = compareJourneys(journey(), toBe);
    expect(step(diff, 'open')).toMatchObject({ status: 'removed', changes: [{ kind: 'pain', action: 'resolved', text: 'Retypes the policy' }] });
    expect(step(diff, 'chat').changes.map((change) => change.kind === 'pain' && change.action)).toEqual(['added', 'added']);
    // Three changes: the state, the removed step and the added one; their pains are not changes of their own.
    expect(diff.counts).toMatchObject({ painsResolved: 1, painsAdded: 2, stepsAdded: 1, stepsRemoved: 1, changes: 3 });
    const pains = diff.improvement!.pains;
    expect(pains).toEqual({ from: 1, to: 2, resolved: diff.counts.painsResolved, added: diff.counts.painsAdded });
    expect(pains.from - pains.resolved + pains.added).toBe(pains.to);
  });

  it('a pain whose severity changed is named as changed, not added or resolved', () => {
    const diff = compare((j) => (j.stages[0].steps![0].pains = [{ text: 'Retypes the policy', severity: 'low' }]));
    expect(step(diff, 'open').changes).toEqual([{ kind: 'other', fields: ['pains'] }]);
  });

  describe('KPIs, better or worse in the metric direction', () => {
    it('up metric (csat): a higher actual and target are better, lower worse', () => {
      const up = compare((j) => Object.assign(j.stages[0].kpis![0], { target: 85, actual: 70 }));
      expect(stage(up, 'report').changes).toEqual([
        { kind: 'kpi', action: 'changed', metric: 'csat', unit: '%', target: { from: 80, to: 85, trend: 'better' }, actual: { from: 60, to: 70, trend: 'better' } },
      ]);
      const down = compare((j) => Object.assign(j.stages[0].kpis![0], { target: 75, actual: 50 }));
      expect(stage(down, 'report').changes[0]).toMatchObject({ target: { trend: 'worse' }, actual: { trend: 'worse' } });
    });

    it('down metric (wait, from the catalogue): lower is better, higher worse', () => {
      const lower = compare((j) => (j.stages[1].steps![0].kpis![0].actual = 12));
      expect(step(lower, 'video').changes).toEqual([{ kind: 'kpi', action: 'changed', metric: 'wait', unit: 'min', actual: { from: 30, to: 12, trend: 'better' } }]);
      const higher = compare((j) => (j.stages[1].steps![0].kpis![0].target = 15));
      expect(step(higher, 'video').changes).toEqual([{ kind: 'kpi', action: 'changed', metric: 'wait', unit: 'min', target: { from: 10, to: 15, trend: 'worse' } }]);
      expect(higher.counts).toMatchObject({ kpiBetter: 0, kpiWorse: 1 });
    });

    it('KPIs added and removed; an unknown metric has no trend', () => {
      const diff = compareJourneys(
        journey(),
        journey((j) => {
          j.stages[0].kpis = [{ metric: 'nps', target: 30 }];
          j.stages[1].steps![0].kpis![0].actual = 20;
        }),
        { newMetrics: new Map(BUILTIN_METRICS.map((m) => [m.id, m])) },
      );
      expect(stage(diff, 'report').changes).toEqual([
        { kind: 'kpi', action: 'added', metric: 'nps', target: { to: 30 } },
        { kind: 'kpi', action: 'removed', metric: 'csat', unit: '%', target: { from: 80 }, actual: { from: 60 } },
      ]);
      expect(step(diff, 'video').changes).toEqual([{ kind: 'kpi', action: 'changed', metric: 'wait', actual: { from: 30, to: 20 } }]);
    });

    it('a source or date update alone is named, not a KPI change', () => {
      const diff = compare((j) => (j.stages[0].kpis![0].source = 'Survey'));
      expect(stage(diff, 'report').changes).toEqual([{ kind: 'other', fields: ['kpis'] }]);
    });
  });

  describe('flow (next), with the implicit default of the following step', () => {
    it('inserting a step changes the implicit successor of the step before it', () => {
      const diff = compare((j) => j.stages[0].steps!.splice(1, 0, { id: 'help', name: 'Gets help' }));
      expect(step(diff, 'open').changes).toEqual([
        { kind: 'next', action: 'removed', step: 'upload' },
        { kind: 'next', action: 'added', step: 'help' },
      ]);
    });

    it('making the implicit next explicit is no change; branching adds a successor', () => {
      expect(allChanges(compare((j) => (j.stages[0].steps![0].next = ['upload'])))).toEqual([]);
      const branched = compare((j) => (j.stages[0].steps![0].next = ['upload', { to: 'offer', when: 'no photos needed' }]));
      expect(step(branched, 'open').changes).toEqual([{ kind: 'next', action: 'added', step: 'offer' }]);
    });

    it('the implicit next crosses stage boundaries; next: [] ends the journey', () => {
      const diff = compare((j) => (j.stages[0].steps![1].next = []));
      expect(step(diff, 'upload').changes).toEqual([{ kind: 'next', action: 'removed', step: 'video' }]);
    });

    it('a changed condition or share with the same successors is named as changed', () => {
      const before = journey((j) => (j.stages[0].steps![0].next = [{ to: 'upload', share: 50 }]));
      const diff = compareJourneys(before, journey((j) => (j.stages[0].steps![0].next = [{ to: 'upload', share: 70 }])));
      expect(step(diff, 'open').changes).toEqual([{ kind: 'other', fields: ['next'] }]);
    });
  });

  it('dropoff, moment of truth, review date, title, state and description', () => {
    const diff = compare((j) => {
      j.title = 'Motor claim';
      j.description = 'Now with a description';
      j.reviewed = '2026-11-01';
      j.stages[0].steps![1].dropoff = 30;
      delete j.stages[1].steps![0].momentOfTruth;
      j.stages[1].steps![1].momentOfTruth = true;
    });
    expect(allChanges(diff)).toEqual([
      'journey {"kind":"field","field":"title","from":"Claim","to":"Motor claim"}',
      'journey {"kind":"field","field":"description","to":"Now with a description"}',
      'journey {"kind":"field","field":"reviewed","from":"2026-01-10","to":"2026-11-01"}',
      'step upload {"kind":"dropoff","from":20,"to":30,"trend":"worse"}',
      'step video {"kind":"moment-of-truth","from":true,"to":false}',
      'step offer {"kind":"moment-of-truth","from":false,"to":true}',
    ]);
  });

  it('prose fields are named as changed, without their text', () => {
    const diff = compare((j) => {
      j.stages[0].steps![0].action = 'Taps Report';
      j.stages[0].steps![0].feeling = 'calm';
      j.tags = ['motor'];
    });
    expect(allChanges(diff)).toEqual(['journey {"kind":"other","fields":["tags"]}', 'step open {"kind":"other","fields":["action","feeling"]}']);
  });

  it('as-is against to-be: matched by step ids whatever the journey ids, with the planned improvement', () => {
    const toBe = journey((j) => {
      j.id = 'claim-future';
      j.state = 'future';
      j.stages[0].steps![0].emotion = 1;
      j.stages[0].steps![0].pains = [];
      j.stages[0].steps![1].emotion = 0;
      j.stages[0].steps![1].dropoff = 5;
      j.stages[0].kpis![0].target = 90;
      j.stages[1].steps![0].kpis![0].target = 20;
    });
    const diff = compareJourneys(journey(), toBe, { newMetrics: METRICS });
    expect(diff.journey).toEqual([
      { kind: 'field', field: 'id', from: 'claim', to: 'claim-future' },
      { kind: 'field', field: 'state', from: 'current', to: 'future' },
    ]);
    expect(diff.improvement).toEqual({
      emotion: { from: -0.5, to: 0.5, trend: 'better' },
      pains: { from: 1, to: 0, resolved: 1, added: 0 },
      dropoff: { from: 20, to: 5, trend: 'better' },
      kpiTargets: { better: 1, worse: 1 },
    });
    expect(compareJourneys(toBe, journey()).improvement).toBeUndefined();
  });

  it('a side that is missing (file added or deleted) makes everything added or removed', () => {
    const added = compareJourneys(undefined, journey());
    expect(added.stages.map((s) => s.status)).toEqual(['added', 'added']);
    expect(added.counts).toMatchObject({ stagesAdded: 2, stepsAdded: 4 });
    expect(added.old).toBeUndefined();
    const deleted = compareJourneys(journey(), undefined);
    expect(deleted.counts).toMatchObject({ stagesRemoved: 2, stepsRemoved: 4 });
  });
});
