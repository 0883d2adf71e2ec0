import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKpiData } from '../../src/data/index.js';
import { applyKpiData } from '../../src/data/match.js';
import { catalogForJourney } from '../../src/load/catalog.js';
import { openWorkspace } from '../../src/load/workspace.js';
import { journeySchema } from '../../src/schema/journey.js';
import { rmSync } from 'node:fs';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A workspace folder with these files; the config's `data:` is `sources` (YAML) under it. */
function workspace(sources: string, files: Record<string, string | Buffer>, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'cjm-data-'));
  made.push(dir);
  writeFileSync(join(dir, 'cjm.config.yaml'), `${extra}data:\n${sources}`);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const LONG = `  - file: kpis.csv\n    columns: { journey: Journey, stage: Stage, metric: Metric, value: Value, date: Date }\n`;
const HEADER = 'Journey,Stage,Metric,Value,Date\n';

async function load(dir: string) {
  return (await loadKpiData(await openWorkspace({ cwd: dir })))!;
}

/** `file:line:col ruleId message` of each finding. */
async function problems(dir: string): Promise<string[]> {
  return (await load(dir)).findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
}

describe('reading a long-format CSV', () => {
  it('gives one point per period, oldest first, with the row behind each', async () => {
    const data = await load(workspace(LONG, { 'kpis.csv': `${HEADER}claim,report,csat,71,2026-10-01\nclaim,report,csat,68,2026-09-01\n` }));
    expect(data.findings).toEqual([]);
    expect(data.series).toHaveLength(1);
    expect(data.series[0]).toMatchObject({ journey: 'claim', stage: 'report', metric: 'csat', file: 'kpis.csv', period: 'day' });
    expect(data.series[0].points.map((p) => [p.period, p.value, p.measured, p.at.line, p.at.column])).toEqual([
      ['2026-09-01', 68, '2026-09-01', 3, 19],
      ['2026-10-01', 71, '2026-10-01', 2, 19],
    ]);
  });

  it('a BOM (Excel\'s "CSV UTF-8") is not part of the first column name', async () => {
    const data = await load(workspace(LONG, { 'kpis.csv': `\uFEFF${HEADER}claim,report,csat,71,2026-10-01\n` }));
    expect(data.findings).toEqual([]);
    expect(data.series[0].first.journey).toEqual({ file: 'kpis.csv', line: 2, column: 1 });
  });

  it('semicolons and decimal commas are detected', async () => {
    const data = await load(workspace(LONG, { 'kpis.csv': 'Journey;Stage;Metric;Value;Date\nclaim;report;ces;4,5;2026-10-01\n' }));
    expect(data.findings).toEqual([]);
    expect(data.series[0].points[0].value).toBe(4.5);
  });

  it('quoted cells with commas and line breaks keep lines and columns exact', async () => {
    const source = `  - file: kpis.csv\n    columns: { journey: Journey, stage: Stage, metric: Metric, value: Value, date: Date }\n`;
    const csv = 'Note,Journey,Stage,Metric,Value,Date\n"a note, with a comma\nand a second line",claim,report,csat,high,2026-10-01\nok,claim,report,csat,seven,2026-11-01\n';
    expect(await problems(workspace(source, { 'kpis.csv': csv }))).toEqual([
      'kpis.csv:3:38 error data-value "high" is not a number: write a plain number such as 42 or 4.5',
      'kpis.csv:4:22 error data-value "seven" is not a number: write a plain number such as 42 or 4.5',
    ]);
  });
});

describe('bad data: each problem at file:line:col, the run goes on with the rest', () => {
  it('a missing column, with a did-you-mean for a different case', async () => {
    expect(await problems(workspace(LONG, { 'kpis.csv': 'journey,Stage,Metric,Value,Date\nclaim,report,csat,71,2026-10-01\n' }))).toEqual([
      'kpis.csv:1:1 error data-header no column "Journey" (columns.journey) in the header: did you mean "journey"?; the columns are "journey", "Stage", "Metric", "Value", "Date"',
    ]);
  });

  it('a non-number, a bad date, an empty journey id and a duplicate measurement', async () => {
    const csv = `${HEADER}claim,report,csat,n/a,2026-10-01\nclaim,report,csat,70,31/10/2026\n,report,csat,70,2026-10-01\nclaim,report,csat,70,2026-10-02\nclaim,report,csat,72,2026-10-02\n`;
    const dir = workspace(LONG.replace('columns:', 'period: month\n    columns:'), { 'kpis.csv': csv });
    expect(await problems(dir)).toEqual([
      'kpis.csv:2:19 error data-value "n/a" is not a number: write a plain number such as 42 or 4.5',
      'kpis.csv:3:22 error data-date "31/10/2026" is not a date: write YYYY-MM-DD or an ISO date-time such as 2026-05-31T14:03:00Z',
      'kpis.csv:4:1 error data-key no journey id in this row: fill the journey column',
      'kpis.csv:6:22 error data-duplicate a second csat value for claim stage report in 2026-10 (the first is on line 5): keep one row per month',
    ]);
    expect((await load(dir)).series[0].points.map((p) => p.value)).toEqual([70]);
  });

  it('a value outside the metric\'s range is reported at its cell when matched, and left out', async () => {
    const data = await load(workspace(LONG, { 'kpis.csv': `${HEADER}claim,report,csat,0.71,2026-09-01\nclaim,report,csat,171,2026-10-01\n` }));
    const journey = journeySchema.parse({ cjm: 1, id: 'claim', title: 'Claim', stages: [{ id: 'report', name: 'Report', kpis: [{ metric: 'csat', target: 80 }] }] });
    const catalog = catalogForJourney((await openWorkspace({ config: false })).catalog, journey);
    const applied = applyKpiData(journey, data, catalog);
    expect(applied.data.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([
      "kpis.csv:3:19 data-value csat 171 for 2026-10-01 is outside the metric's range 0..100: the value is left out (a percentage written as 0.62 instead of 62?)",
    ]);
    expect(applied.journey.stages[0].kpis![0]).toMatchObject({ actual: 0.71, measured: '2026-09-01', source: 'kpis.csv:2' });
  });

  it('one message per cause: ten rows, then how many more', async () => {
    const rows = Array.from({ length: 14 }, (_, i) => `claim,report,csat,x,2026-10-${String(i + 1).padStart(2, '0')}`).join('\n');
    const found = await problems(workspace(LONG, { 'kpis.csv': `${HEADER}${rows}\n` }));
    expect(found).toHaveLength(11);
    expect(found[10]).toBe('kpis.csv:12:19 error data-value "x" is not a number: write a plain number such as 42 or 4.5 (and 3 more rows with this problem after this one)');
  });

  it('an empty file', async () => {
    expect(await problems(workspace(LONG, { 'kpis.csv': '' }))).toEqual(['kpis.csv:1:1 error data-read the file is empty: a CSV data file starts with a header row naming its columns']);
  });

  it('an unclosed quote', async () => {
    expect(await problems(workspace(LONG, { 'kpis.csv': `${HEADER}claim,report,csat,71,2026-10-01\n"claim,report,csat,72,2026-11-01\n` }))).toEqual([
      'kpis.csv:3:1 error data-read a quoted cell is never closed: add the closing " (cells with commas, quotes or line breaks are wrapped in "…", quotes inside doubled as "")',
    ]);
  });

  it('UTF-16 (Excel\'s "Unicode text")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]);
    expect(await problems(workspace(LONG, { 'kpis.csv': utf16 }))).toEqual(['kpis.csv:1:1 error data-read data file is UTF-16 (little-endian), not UTF-8: export it as UTF-8 (CSV UTF-8 in Excel)']);
  });

  it('a file over the data size limit is not read', async () => {
    const dir = workspace(LONG, { 'kpis.csv': `${HEADER}${'claim,report,csat,71,2026-10-01\n'.repeat(10)}` }, 'limits: { maxDataFileSize: 200 }\n');
    expect(await problems(dir)).toEqual([
      'kpis.csv:1:1 error data-too-large data file is 352 B, over the 200 B limit: export less (one period, the mapped columns), or raise limits.maxDataFileSize in cjm.config.yaml',
    ]);
  });

  it('a missing file is a warning at the config\'s file: key (a git-ignored export in a fresh checkout)', async () => {
    const [finding] = await problems(workspace(LONG, {}));
    expect(finding).toMatch(/^cjm\.config\.yaml:2:11 warn data-missing data file kpis\.csv does not exist: its KPIs keep the values written in the journeys/);
  });
});

describe('JSON and NDJSON', () => {
  const columns = '    columns: { journey: journey, stage: stage, metric: metric, value: value, date: date }\n';
  it('a JSON array of records, positions from its text', async () => {
    const json = '[\n  { "journey": "claim", "stage": "report", "metric": "csat", "value": 71, "date": "2026-10-01" },\n  { "journey": "claim", "stage": "report", "metric": "csat", "value": "high", "date": "2026-11-01" }\n]\n';
    const dir = workspace(`  - file: kpis.json\n${columns}`, { 'kpis.json': json });
    expect(await problems(dir)).toEqual(['kpis.json:3:71 error data-value "high" is not a number: write a plain number such as 42 or 4.5']);
    expect((await load(dir)).series[0].points.map((p) => p.value)).toEqual([71]);
  });

  it('NDJSON, one record a line', async () => {
    const ndjson = '{"journey":"claim","stage":"report","metric":"csat","value":71,"date":"2026-10-01"}\nnot json\n{"journey":"claim","stage":"report","metric":"csat","value":72,"date":"2026-13-01"}\n';
    expect(await problems(workspace(`  - file: kpis.ndjson\n${columns}`, { 'kpis.ndjson': ndjson }))).toEqual([
      expect.stringMatching(/^kpis\.ndjson:2:1 error data-read not valid JSON: /),
      'kpis.ndjson:3:71 error data-date "2026-13-01" is not a date: write YYYY-MM-DD or an ISO date-time such as 2026-05-31T14:03:00Z',
    ]);
  });
});

describe('aggregated sources', () => {
  it('NPS per month from raw answers, fixed journey, unanswered cells skipped, the count kept', async () => {
    const source = '  - file: survey.csv\n    aggregate: nps\n    journey: claim\n    columns: { stage: stage, value: score, date: at }\n';
    const csv = 'id,at,stage,score,comment\n1,2026-09-30T23:59:00Z,settle,10,great\n2,2026-10-01T00:00:00Z,settle,3,"slow, very"\n3,2026-10-15,settle,,\n4,2026-10-20,settle,9,\n';
    const data = await load(workspace(source, { 'survey.csv': csv }));
    expect(data.findings).toEqual([]);
    expect(data.series[0]).toMatchObject({ journey: 'claim', stage: 'settle', metric: 'nps', aggregate: 'nps', period: 'month' });
    expect(data.series[0].points.map((p) => [p.period, p.value, p.responses, p.measured, p.at.line])).toEqual([
      ['2026-09', 100, 1, '2026-09-30', 2],
      ['2026-10', 0, 2, '2026-10-20', 5],
    ]);
    expect(data.series[0].first.journey).toEqual({ file: 'cjm.config.yaml', line: 4, column: 14 });
  });

  it('an answer off the scale is reported and left out', async () => {
    const source = '  - file: survey.csv\n    aggregate: csat\n    journey: claim\n    columns: { stage: stage, value: score, date: at }\n';
    expect(await problems(workspace(source, { 'survey.csv': 'at,stage,score\n2026-10-01,assess,6\n' }))).toEqual([
      'survey.csv:2:19 error data-value 6 is outside the csat answer scale 1..5: the row is left out',
    ]);
  });
});

describe('mistakes in a source are configuration errors, before any file is read', () => {
  const error = async (sources: string) => {
    try {
      await load(workspace(sources, {}));
    } catch (caught) {
      return (caught as { describe(cwd: string): string }).describe('/');
    }
    return 'no error';
  };
  it('a path outside the config folder', async () => {
    expect(await error(LONG.replace('kpis.csv', '../kpis.csv'))).toMatch(/cjm\.config\.yaml:2:11: data source 1: data file \S+kpis\.csv is outside \S+; cjm reads only below the folder of cjm\.config\.yaml: move the files there, or pass --allow-outside/);
    expect(await error(LONG.replace('kpis.csv', '/etc/passwd'))).toMatch(/data source 1: data file \/etc\/passwd is outside /);
  });

  it('a key that is both a column and a fixed value, an unknown time zone, no journey', async () => {
    expect(await error(`${LONG}    journey: claim\n`)).toMatch(/:4:14: data source 1: journey is both a column \(columns.journey\) and a fixed value \(journey: claim\); keep one/);
    expect(await error(`${LONG}    timezone: Mars/Olympus\n`)).toMatch(/data source 1: unknown time zone "Mars\/Olympus": use an IANA name such as Europe\/Rome/);
    expect(await error('  - file: kpis.csv\n    columns: { stage: Stage, metric: Metric, value: Value, date: Date }\n')).toMatch(/which journey\? name its column \(columns.journey\) or fix it for every row \(journey: <id>\)/);
  });
});
