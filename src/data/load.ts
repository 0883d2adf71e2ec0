import type { Finding, Position } from '../findings.js';
import type { AggregateKind, DataSource, PeriodKind } from '../schema/data-source.js';
import { createAggregation, numberReader, type Aggregation, type Tally } from './aggregate.js';
import { DayReader, periodOf } from './periods.js';
import { cellKey, ROLES, type RecordReader, type Role, type RoleCells, type RowRef } from './records.js';

/**
 * One data source, read once: rows checked, matched to a KPI key (journey,
 * stage or step, metric) and folded into one value per calendar period.
 * Nothing here knows journeys: src/data/match.ts matches the series to KPIs.
 */

/** A place in a data file (or in the config, for a value the source fixes). */
export interface DataPosition {
  /** As shown to the user: relative to the working directory. */
  file: string;
  line: number;
  column: number;
}

export interface KpiPoint {
  /** 2026-05-31, 2026-W22, 2026-05 or 2026-Q2. */
  period: string;
  value: number;
  /** The period's last day with data (YYYY-MM-DD). */
  measured: string;
  /** Aggregated sources: the answers behind the value. */
  responses?: number;
  /** The row (a measurement) or the period's last row (aggregated). */
  at: DataPosition;
}

/** Every value one source gives one KPI, a point per period, oldest first. */
export interface KpiSeries {
  journey: string;
  stage?: string;
  step?: string;
  metric: string;
  /** The data file as written in the config (relative to its folder): what a KPI's `source` names. */
  file: string;
  aggregate?: AggregateKind;
  period: PeriodKind;
  points: KpiPoint[];
  /** The first row naming this KPI, cell by cell: where a row that matches no KPI is reported. */
  first: Partial<Record<'journey' | 'stage' | 'step' | 'metric' | 'row', DataPosition>>;
}

interface SourceLoad {
  series: KpiSeries[];
  findings: Finding[];
}

interface SourceContext {
  source: DataSource;
  /** The file as shown in findings. */
  shownFile: string;
  /** Where a value the source fixes (`journey: motor-claim`) is written in the config. */
  constantAt(field: 'journey' | 'stage' | 'step' | 'metric'): DataPosition | undefined;
}

/** Findings of one kind per source before the rest are summed up in one: one message per cause. */
const FINDINGS_PER_CAUSE = 10;

interface Problem {
  row: RowRef;
  role?: Role;
  code: string;
  message: string;
}

interface PeriodAcc {
  tally?: Tally;
  value?: number;
  measured: string;
  row: RowRef;
  /** Long format: the row of the first measurement, to name it when a second one comes. */
  valueRow?: RowRef;
}

interface SeriesAcc {
  journey: string;
  stage?: string;
  step?: string;
  metric: string;
  firstRow: RowRef;
  periods: Map<string, PeriodAcc>;
}

const R = Object.fromEntries(ROLES.map((role, index) => [role, index])) as Record<Role, number>;

export async function loadSource(reader: RecordReader, context: SourceContext): Promise<SourceLoad> {
  const { source } = context;
  const aggregation: Aggregation | undefined = source.aggregate ? createAggregation(source) : undefined;
  const period: PeriodKind = source.period ?? (source.aggregate ? 'month' : 'day');
  const metricConstant = source.metric ?? (source.aggregate && ['nps', 'csat', 'ces'].includes(source.aggregate) ? source.aggregate : undefined);
  const days = new DayReader(source.timezone);
  const problems = new ProblemLog();
  const series = new SeriesIndex();
  let readNumber = numberReader(source.decimal ?? '.');
  let decimalDecided = source.decimal !== undefined;
  const headerProblems: Finding[] = [];

  const onHeader = (names: readonly string[], row: RowRef): boolean => {
    if (names.length === 0) return true; // NDJSON: no header; a missing key is an empty cell
    const missing = ROLES.filter((role) => source.columns[role] !== undefined && !names.includes(source.columns[role]!));
    for (const role of missing) {
      const name = source.columns[role]!;
      const near = names.find((candidate) => candidate.trim().toLowerCase() === name.trim().toLowerCase());
      headerProblems.push({
        file: context.shownFile,
        ruleId: 'data-header',
        severity: 'error',
        message:
          `no column ${JSON.stringify(name)} (columns.${role}) in the header${near ? `: did you mean ${JSON.stringify(near)}?` : ''}; ` +
          `the columns are ${names.slice(0, 12).map((n) => JSON.stringify(n)).join(', ')}${names.length > 12 ? ', …' : ''}`,
        ...point(row < 1 ? 1 : row, 1),
      });
    }
    return missing.length === 0;
  };

  const periods = new Map<string, { day: string; period: string }>();
  const periodOfCell = (text: string) => {
    const day = days.day(text);
    if (day === undefined) return undefined;
    // Cached per day, not per cell: date-time cells are nearly all distinct.
    let found = periods.get(day);
    if (!found) periods.set(day, (found = { day, period: periodOf(day, period) }));
    return found;
  };

  const onRow = (cells: Readonly<RoleCells>, row: RowRef): void => {
    const journey = source.journey ?? trim(cells[R.journey]);
    const stage = source.stage ?? trim(cells[R.stage]);
    const step = source.step ?? trim(cells[R.step]);
    const metric = metricConstant ?? trim(cells[R.metric]);
    if (!journey) return void problems.add({ row, role: 'journey', code: 'data-key', message: 'no journey id in this row: fill the journey column' });
    if (!stage && !step) return void problems.add({ row, role: source.columns.step ? 'step' : 'stage', code: 'data-key', message: 'no stage or step id in this row: a KPI belongs to a stage or a step' });
    if (!metric) return void problems.add({ row, role: 'metric', code: 'data-key', message: 'no metric id in this row: fill the metric column' });
    const raw = cells[R.value] ?? '';
    // A survey question left unanswered (several questions share one export) is no answer, not a bad one.
    if (aggregation && aggregation.kind !== 'share' && aggregation.kind !== 'count' && raw.trim() === '') return;
    const dateText = cells[R.date] ?? '';
    const date = periodOfCell(dateText);
    if (!date) {
      const shown = dateText.trim() === '' ? 'an empty date' : `${JSON.stringify(dateText)} is not a date`;
      return void problems.add({ row, role: 'date', code: 'data-date', message: `${shown}: write YYYY-MM-DD or an ISO date-time such as 2026-05-31T14:03:00Z` });
    }
    const { day, period: periodKey } = date;
    const acc = series.find(journey, stage || undefined, step || undefined, metric, row);
    let slot = acc.periods.get(periodKey);
    if (aggregation) {
      if (!slot) acc.periods.set(periodKey, (slot = { tally: { responses: 0, hits: 0, misses: 0 }, measured: day, row }));
      const problem = aggregation.add(slot.tally!, raw);
      if (problem) return void problems.add({ row, role: 'value', code: 'data-value', message: `${problem}: the row is left out` });
      if (day >= slot.measured) (slot.measured = day), (slot.row = row);
      return;
    }
    if (!decimalDecided && /^\s*[+-]?\d+,\d+\s*$/.test(raw)) {
      // "8,5" in a file that does not separate cells by commas: a decimal comma (European spreadsheets).
      readNumber = numberReader(reader.delimiter() === ',' ? '.' : ',');
      decimalDecided = true;
    }
    const value = readNumber(raw);
    if (value === undefined) {
      const shown = raw.trim() === '' ? 'an empty value' : `${JSON.stringify(raw)} is not a number`;
      return void problems.add({ row, role: 'value', code: 'data-value', message: `${shown}: write a plain number such as 42 or 4.5` });
    }
    if (slot) {
      return void problems.add({
        row,
        role: 'date',
        code: 'data-duplicate',
        message: `a second ${metric} value for ${describeKey(acc)} in ${periodKey} (the first is on line ${slot.valueRow}): keep one row per ${period}`,
      });
    }
    acc.periods.set(periodKey, { value, measured: day, row, valueRow: row });
  };

  const unreadable = await reader.read(onHeader, onRow);
  for (const { row, message } of unreadable) problems.add({ row, code: 'data-read', message });

  // Positions: the cells findings point at and each series' first row.
  const wanted: { row: RowRef; role?: Role }[] = [];
  const keptProblems = problems.list();
  for (const problem of keptProblems) wanted.push({ row: problem.row, role: problem.role });
  for (const acc of series.all) {
    for (const role of ['journey', 'stage', 'step', 'metric'] as const) if (source.columns[role] !== undefined) wanted.push({ row: acc.firstRow, role });
    if (!aggregation) for (const slot of acc.periods.values()) wanted.push({ row: slot.row, role: 'value' });
    if (!reader.lineBased) for (const slot of acc.periods.values()) wanted.push({ row: slot.row });
  }
  const places = await reader.locate(wanted);
  const at = (row: RowRef, role?: Role): DataPosition => {
    const place = role === undefined && reader.lineBased ? { line: row, column: 1 } : (places.get(cellKey(row, role)) ?? { line: Math.max(1, row), column: 1 });
    return { file: context.shownFile, ...place };
  };

  const findings = [...headerProblems, ...keptProblems.map((problem) => ({ file: context.shownFile, ruleId: problem.code, severity: 'error' as const, message: problem.message, ...point(at(problem.row, problem.role).line, at(problem.row, problem.role).column) }))];
  const loaded: KpiSeries[] = [];
  for (const acc of series.all) {
    const points: KpiPoint[] = [];
    for (const [periodKey, slot] of [...acc.periods].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (aggregation && slot.tally!.responses === 0) continue;
      const value = aggregation ? aggregation.value(slot.tally!) : slot.value!;
      points.push({ period: periodKey, value, measured: slot.measured, ...(aggregation ? { responses: slot.tally!.responses } : {}), at: aggregation ? at(slot.row) : at(slot.row, 'value') });
    }
    if (points.length === 0) continue;
    const first: KpiSeries['first'] = { row: at(acc.firstRow) };
    for (const role of ['journey', 'stage', 'step', 'metric'] as const) {
      first[role] = source.columns[role] !== undefined ? at(acc.firstRow, role) : context.constantAt(role);
    }
    loaded.push({
      journey: acc.journey,
      ...(acc.stage ? { stage: acc.stage } : {}),
      ...(acc.step ? { step: acc.step } : {}),
      metric: acc.metric,
      file: source.file,
      ...(source.aggregate ? { aggregate: source.aggregate } : {}),
      period,
      points,
      first,
    });
  }
  return { series: loaded, findings };
}

/** Series by key. Nested maps: a joined key string would be built and hashed anew for each of a million rows. */
class SeriesIndex {
  readonly all: SeriesAcc[] = [];
  private readonly root: Level = new Map();

  private last: SeriesAcc | undefined;

  find(journey: string, stage: string | undefined, step: string | undefined, metric: string, row: RowRef): SeriesAcc {
    // Exports are often sorted by journey and step: the row before names the same KPI.
    const last = this.last;
    if (last && last.metric === metric && last.step === step && last.stage === stage && last.journey === journey) return last;
    this.last = this.lookup(journey, stage, step, metric, row);
    return this.last;
  }

  private lookup(journey: string, stage: string | undefined, step: string | undefined, metric: string, row: RowRef): SeriesAcc {
    const byStage = child(this.root, journey);
    const byStep = child(byStage, stage ?? '');
    const byMetric = child(byStep, step ?? '') as Map<string, SeriesAcc>;
    let acc = byMetric.get(metric);
    if (!acc) {
      acc = { journey, stage, step, metric, firstRow: row, periods: new Map() };
      byMetric.set(metric, acc);
      this.all.push(acc);
    }
    return acc;
  }
}

type Level = Map<string, Level | SeriesAcc>;

function child(level: Level, key: string): Level {
  let next = level.get(key) as Level | undefined;
  if (!next) level.set(key, (next = new Map()));
  return next;
}

/** A cell without surrounding spaces; '' and absent cells as undefined. Most cells have none to trim. */
function trim(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  const trimmed = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() : cell;
  return trimmed || undefined;
}

/**
 * Row problems, at most FINDINGS_PER_CAUSE of each kind and column, and the
 * next one saying how many more there are: a million rows with the same bad
 * date format are one cause, and must not become a million objects in memory.
 */
class ProblemLog {
  private readonly kept: Problem[] = [];
  private readonly causes = new Map<string, { count: number; next?: Problem }>();

  add(problem: Problem): void {
    const key = `${problem.code}:${problem.role ?? ''}`;
    let cause = this.causes.get(key);
    if (!cause) this.causes.set(key, (cause = { count: 0 }));
    cause.count++;
    if (cause.count <= FINDINGS_PER_CAUSE) this.kept.push(problem);
    else if (cause.count === FINDINGS_PER_CAUSE + 1) cause.next = problem;
  }

  /** The problems to report, in row order. */
  list(): Problem[] {
    const more = [...this.causes.values()].flatMap(({ count, next }) => {
      if (!next) return [];
      const after = count - FINDINGS_PER_CAUSE - 1;
      return [{ ...next, message: after === 0 ? next.message : `${next.message} (and ${after} more row${after === 1 ? '' : 's'} with this problem after this one)` }];
    });
    return [...this.kept, ...more].sort((a, b) => a.row - b.row);
  }
}

function describeKey(key: Pick<KpiSeries, 'journey' | 'stage' | 'step'>): string {
  return `${key.journey}${key.stage ? ` stage ${key.stage}` : ''}${key.step ? ` step ${key.step}` : ''}`;
}

function point(line: number, column: number): Position {
  return { line, column, endLine: line, endColumn: column };
}
