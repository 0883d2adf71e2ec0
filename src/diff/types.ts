/**
 * The structured result of `cjm diff`: what changed in meaning between two
 * versions of a journey. The text, markdown and JSON outputs are renderings of
 * this model; the JSON output is this model as is.
 */

/** Whether a change moves a number the good way: emotion up, dropoff down, a KPI in its metric's direction. */
export type Trend = 'better' | 'worse';

export interface NumberDelta {
  from?: number;
  to?: number;
  /** Absent when either side is missing or the metric's direction is unknown. */
  trend?: Trend;
}

/** Journey, stage and step fields whose value is shown as "from → to". */
export type FieldName = 'id' | 'title' | 'state' | 'description' | 'owner' | 'reviewed' | 'name' | 'goal';

export type Change =
  | { kind: 'field'; field: FieldName; from?: string; to?: string }
  /** A step now in another stage. */
  | { kind: 'moved'; fromStage: string; toStage: string }
  /** A stage at another position among the stages both sides have (1-based). */
  | { kind: 'position'; from: number; to: number }
  /** `persona` is set when either side scores the step per persona. */
  | ({ kind: 'emotion'; persona?: string } & NumberDelta)
  | ({ kind: 'dropoff' } & NumberDelta)
  | { kind: 'moment-of-truth'; from: boolean; to: boolean }
  | { kind: 'channel'; action: 'added' | 'removed'; channel: string }
  | { kind: 'touchpoint-owner'; channel: string; from?: string; to?: string }
  | { kind: 'pain'; action: 'added' | 'resolved'; text: string }
  | { kind: 'opportunity'; action: 'added' | 'removed'; text: string }
  /** A successor gained or lost (explicit `next`, or the implicit following step). */
  | { kind: 'next'; action: 'added' | 'removed'; step: string }
  | { kind: 'kpi'; action: 'added' | 'removed' | 'changed'; metric: string; unit?: string; target?: NumberDelta; actual?: NumberDelta }
  /** Prose and bookkeeping fields that changed, named only (action, handoff, links...). */
  | { kind: 'other'; fields: string[] };

export interface StepDiff {
  id: string;
  /** The name on the new side (the old side's for a removed step). */
  name: string;
  status: 'added' | 'removed' | 'kept';
  changes: Change[];
}

export interface StageDiff {
  id: string;
  name: string;
  status: 'added' | 'removed' | 'kept';
  changes: Change[];
  /** Steps now in this stage (added, kept, moved in), then steps removed from it. */
  steps: StepDiff[];
}

export interface JourneyInfo {
  id: string;
  title: string;
  state: 'current' | 'future';
}

export interface PlannedImprovement {
  /** Mean emotion over the steps that have one, rounded to 2 decimals. */
  emotion: NumberDelta;
  pains: { from: number; to: number; resolved: number; added: number };
  /** Sum of the steps' dropoff percentages. */
  dropoff: NumberDelta;
  /** KPI target changes on stages and steps both sides have. */
  kpiTargets: { better: number; worse: number };
}

export interface DiffCounts {
  stagesAdded: number;
  stagesRemoved: number;
  stepsAdded: number;
  stepsRemoved: number;
  stepsMoved: number;
  /** Kept steps with at least one change (moved ones included). */
  stepsChanged: number;
  emotionBetter: number;
  emotionWorse: number;
  kpiBetter: number;
  kpiWorse: number;
  painsAdded: number;
  painsResolved: number;
  /** Every change, each added or removed stage and step counting once. */
  changes: number;
}

/** One journey file compared with its other version. */
export interface JourneyDiff {
  status: 'added' | 'deleted' | 'modified' | 'renamed' | 'unchanged';
  /** How the old side is named: a path, or REV:path for a git revision. */
  oldFile?: string;
  newFile?: string;
  old?: JourneyInfo;
  new?: JourneyInfo;
  /** Journey-level changes: id, title, state, description, owner, review date, other fields. */
  journey: Change[];
  stages: StageDiff[];
  /** Set when a `state: current` journey is compared with a `state: future` one. */
  improvement?: PlannedImprovement;
  counts: DiffCounts;
}

export interface DiffReport {
  /** Set for `--rev`: the revision the working tree is compared with. */
  rev?: string;
  files: JourneyDiff[];
  counts: DiffCounts & { filesChanged: number; filesAdded: number; filesDeleted: number };
}
