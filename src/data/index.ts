import { constants, createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Finding } from '../findings.js';
import { findingAtStart } from '../findings.js';
import { ConfigError } from '../load/config.js';
import { displayPath } from '../load/discover.js';
import { BoundaryError, checkInsideBoundary } from '../load/paths.js';
import { describeIoError, formatBytes } from '../load/read.js';
import type { Workspace } from '../load/workspace.js';
import { KEY_FIELDS, type DataSource } from '../schema/data-source.js';
import { loadSource, type DataPosition, type KpiSeries } from './load.js';
import { csvReader, jsonReader, ndjsonReader, type ReaderOptions, type RecordReader } from './records.js';

/**
 * KPI data of a workspace: every `data:` source of cjm.config.yaml read,
 * checked and folded into series, once per run. Plain data, so a worker
 * thread gets it as it is (src/load/prepare.ts).
 */
export interface KpiData {
  series: KpiSeries[];
  /** Problems in the data files (and missing files), at their file:line:col. */
  findings: Finding[];
}

/** How data files are read: from disk, or at a git revision (cjm diff --rev). */
export interface DataFileAccess {
  /** Size and first bytes; undefined when the file does not exist. Throws for other I/O problems. */
  stat(path: string): Promise<{ size: number; head: Uint8Array } | undefined>;
  open(path: string): Readable;
  text(path: string): Promise<string>;
}

const diskFiles: DataFileAccess = {
  async stat(path) {
    let handle;
    try {
      // O_NONBLOCK: opening a FIFO must not hang; the isFile check below refuses it.
      handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw Object.assign(new Error('is not a regular file'), { code: 'ENOTFILE' });
      const head = new Uint8Array(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      return { size: stats.size, head: head.subarray(0, bytesRead) };
    } finally {
      await handle.close();
    }
  },
  // 256 KB chunks: measured faster than the 64 KB default for a 60 MB export, at no memory cost worth naming.
  open: (path) => createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }),
  text: (path) => readFile(path, 'utf8'),
};

/** The workspace's KPI data, or undefined when the config has no `data:`. Throws ConfigError for a bad source. */
export async function loadKpiData(workspace: Workspace, files: DataFileAccess = diskFiles): Promise<KpiData | undefined> {
  const sources = workspace.config.config.data;
  if (!sources?.length) return undefined;
  const data: KpiData = { series: [], findings: [] };
  for (const [index, source] of sources.entries()) {
    const loaded = await loadOne(workspace, source, index, files);
    data.series.push(...loaded.series);
    data.findings.push(...loaded.findings);
  }
  return data;
}

async function loadOne(workspace: Workspace, source: DataSource, index: number, files: DataFileAccess): Promise<{ series: KpiSeries[]; findings: Finding[] }> {
  const config = workspace.config;
  const configFile = displayPath(config.path!, workspace.cwd);
  const fail = (path: (string | number)[], message: string): never => {
    throw new ConfigError(config.path!, config.locate(['data', index, ...path]), `data source ${index + 1}: ${message}`);
  };
  checkSource(source, fail);
  const path = resolve(workspace.root, source.file);
  try {
    checkInsideBoundary(workspace, path, 'data file');
  } catch (error) {
    if (error instanceof BoundaryError) fail(['file'], error.message);
    throw error;
  }
  const shownFile = displayPath(path, workspace.cwd);
  const format = source.format ?? formatOf(source.file) ?? fail(['file'], `cannot tell the format of ${source.file} from its extension: add format: csv, json or ndjson`);

  let stat;
  try {
    stat = await files.stat(path);
  } catch (error) {
    return { series: [], findings: [findingAtStart(shownFile, 'data-read', `cannot read the data file: ${describeIoError(error)}`)] };
  }
  if (!stat) {
    const at = config.locate(['data', index, 'file']);
    const message =
      `data file ${source.file} does not exist: its KPIs keep the values written in the journeys ` +
      '(a git-ignored export is not in a fresh checkout: commit an aggregate, or run cjm where the export is)';
    return { series: [], findings: [{ file: configFile, ruleId: 'data-missing', severity: 'warn', message, ...(at ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }) }] };
  }
  const limit = workspace.limits.maxDataFileSize;
  if (stat.size > limit) {
    return { series: [], findings: [findingAtStart(shownFile, 'data-too-large', `data file is ${formatBytes(stat.size)}, over the ${formatBytes(limit)} limit: export less (one period, the mapped columns), or raise limits.maxDataFileSize in cjm.config.yaml`)] };
  }
  const encoding = otherEncoding(stat.head);
  if (encoding) return { series: [], findings: [findingAtStart(shownFile, 'data-read', `data file is ${encoding}, not UTF-8: export it as UTF-8 (CSV UTF-8 in Excel)`)] };

  const options: ReaderOptions = { columns: source.columns, delimiter: source.delimiter };
  const reader: RecordReader =
    format === 'csv' ? csvReader(() => files.open(path), options) : format === 'ndjson' ? ndjsonReader(() => files.open(path), options) : jsonReader(await files.text(path), options);
  const constantAt = (field: 'journey' | 'stage' | 'step' | 'metric'): DataPosition | undefined => {
    const at = config.locate(['data', index, source[field] !== undefined ? field : 'aggregate']);
    return at ? { file: configFile, line: at.line, column: at.column } : undefined;
  };
  return loadSource(reader, { source, shownFile, constantAt });
}

/** Mistakes in a source that no row can fix: ConfigErrors at the key, before any file is read. */
function checkSource(source: DataSource, fail: (path: (string | number)[], message: string) => never): void {
  for (const field of KEY_FIELDS) {
    if (source[field] !== undefined && source.columns[field] !== undefined) fail([field], `${field} is both a column (columns.${field}) and a fixed value (${field}: ${source[field]}); keep one`);
  }
  if (source.journey === undefined && source.columns.journey === undefined) fail(['columns'], 'which journey? name its column (columns.journey) or fix it for every row (journey: <id>)');
  if ([source.stage, source.step, source.columns.stage, source.columns.step].every((value) => value === undefined)) {
    fail(['columns'], 'which stage or step? name a column (columns.stage, columns.step) or fix one for every row (stage: <id>, step: <id>)');
  }
  const metricImplied = source.aggregate === 'nps' || source.aggregate === 'csat' || source.aggregate === 'ces';
  if (source.metric === undefined && source.columns.metric === undefined && !metricImplied) {
    fail(source.aggregate ? ['aggregate'] : ['columns'], source.aggregate ? `which KPI does the ${source.aggregate} feed? add metric: <id>` : 'which metric? name its column (columns.metric) or fix it (metric: <id>)');
  }
  if (source.aggregate && source.columns.metric !== undefined) fail(['columns', 'metric'], 'an aggregated source feeds one metric: write metric: <id> instead of columns.metric');
  if (source.aggregate !== 'count' && source.columns.value === undefined) fail(['columns'], 'which column holds the value? add columns.value');
  if (source.topBoxes !== undefined && source.aggregate !== 'csat') fail(['topBoxes'], 'topBoxes applies to aggregate: csat only');
  if (source.shareOf !== undefined && source.aggregate !== 'share') fail(['shareOf'], 'shareOf applies to aggregate: share only');
  if (source.scale && source.scale[0] >= source.scale[1]) fail(['scale'], 'scale is [lowest, highest] answer, lowest first');
  if (source.timezone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: source.timezone });
    } catch {
      fail(['timezone'], `unknown time zone ${JSON.stringify(source.timezone)}: use an IANA name such as Europe/Rome or America/New_York`);
    }
  }
}

function formatOf(file: string): 'csv' | 'json' | 'ndjson' | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.json') return 'json';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  return undefined;
}

/** UTF-16 and UTF-32 exports (Excel's "Unicode text") start with a byte order mark that says so. */
function otherEncoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16 (big-endian)';
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return 'UTF-32';
  return undefined;
}

export type { KpiSeries, KpiPoint, DataPosition } from './load.js';
