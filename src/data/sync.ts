import { resolve } from 'node:path';
import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DataPath } from '../findings.js';
import { formatJourneyText } from '../fmt/format.js';
import { writeFileAtomic, WriteError } from '../io/write.js';
import { prepareRun, type PrepareOptions } from '../load/prepare.js';
import { ReadError, readTextFile, type ReadResult } from '../load/read.js';
import { forEachKpi } from '../model/kpis.js';
import { analyzeText } from '../validate/analyze-text.js';
import { kpiFeed } from './match.js';

/**
 * `cjm data sync`: writes each fed KPI's latest actual, measured date and
 * source into the journey files, so the YAML says what the data says. Only
 * those three values are touched, in place: comments, order and layout stay
 * (a file in fmt's canonical layout is kept canonical). Raw rows are never
 * copied into a journey.
 */

export interface SyncOptions extends PrepareOptions {
  /** Write nothing; report what would change. */
  check?: boolean;
}

export interface SyncedFile {
  file: string;
  status: 'unchanged' | 'updated' | 'invalid' | 'io-error';
  /** `stages[2].kpis[0]: actual 12 → 15` lines, for what changed. */
  changes: string[];
  ioError?: string;
}

// In the schema's order, which is also fmt's.
const SYNCED_KEYS = ['actual', 'source', 'measured'] as const;

export async function syncFiles(patterns: readonly string[], options: SyncOptions = {}): Promise<{ files: SyncedFile[]; hasData: boolean }> {
  const { files, context } = await prepareRun(patterns, { ...options, data: true });
  if (!context.kpiData) return { files: [], hasData: false };
  const results: SyncedFile[] = [];
  for (const file of files) {
    if (file === '-') continue;
    const path = resolve(context.workspace.cwd, file);
    let text: string;
    let read: ReadResult;
    try {
      read = await readTextFile(path, context.workspace.limits);
      if (!read.ok) {
        results.push({ file, status: 'invalid', changes: [] });
        continue;
      }
      text = read.text;
    } catch (error) {
      if (error instanceof ReadError) {
        results.push({ file, status: 'io-error', changes: [], ioError: error.message });
        continue;
      }
      throw error;
    }
    const analyzed = analyzeText(file, text, context);
    if (!analyzed.journey || analyzed.findings.some((finding) => finding.severity === 'error')) {
      results.push({ file, status: 'invalid', changes: [] });
      continue;
    }
    const edits: KpiEdit[] = [];
    forEachKpi(analyzed.journey, (kpi, kpiPath) => {
      const feed = kpiFeed(kpi);
      if (!feed) return;
      const values = SYNCED_KEYS.map((key) => [key, kpi[key]] as const).filter(([key, value]) => value !== undefined && feed.written[key] !== value);
      if (values.length > 0) edits.push({ path: kpiPath, values: values as [string, string | number][], before: feed.written });
    });
    if (edits.length === 0) {
      results.push({ file, status: 'unchanged', changes: [] });
      continue;
    }
    const output = applyEdits(text, edits);
    const changes = edits.flatMap((edit) => edit.values.map(([key, value]) => `${formatPath(edit.path)}.${key}: ${show(edit.before[key as keyof typeof edit.before])} → ${show(value)}`));
    if (!options.check) {
      try {
        // The one writer, as for fmt: the byte order mark kept, and nothing overwritten that changed since it was read.
        await writeFileAtomic(path, `${read.ok && read.bom ? '\ufeff' : ''}${output}`, { unchangedSince: read.ok ? read.stamp : undefined });
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        results.push({ file, status: 'io-error', changes: [], ioError: `not written: ${error.reason}` });
        continue;
      }
    }
    results.push({ file, status: 'updated', changes });
  }
  return { files: results, hasData: true };
}

interface KpiEdit {
  path: DataPath;
  values: [string, string | number][];
  before: Record<string, unknown>;
}

/** Splices the new values into the text: each existing value is replaced where it stands, a missing key is added after the KPI's last one. */
function applyEdits(text: string, edits: readonly KpiEdit[]): string {
  const document = parseDocument(text, { keepSourceTokens: false });
  const splices: { at: number; end: number; text: string }[] = [];
  for (const edit of edits) {
    const node = document.getIn(edit.path, true) as Node | undefined;
    if (!isMap(node)) continue;
    const map = node as YAMLMap<Node, Node>;
    const missing: string[] = [];
    for (const [key, value] of edit.values) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key) as Pair<Node, Node> | undefined;
      const range = pair?.value?.range;
      if (range) splices.push({ at: range[0], end: range[1], text: scalarText(value) });
      else missing.push(`${key}: ${scalarText(value)}`);
    }
    if (missing.length === 0) continue;
    const last = map.items.at(-1) as Pair<Node, Node>;
    const end = last.value?.range?.[1] ?? last.key.range![1];
    if (map.flow) splices.push({ at: end, end, text: missing.map((entry) => `, ${entry}`).join('') });
    else {
      const keyStart = (map.items[0].key as Node).range![0];
      const indent = keyStart - text.lastIndexOf('\n', keyStart - 1) - 1;
      // After the whole last line, so a comment at its end stays with its value.
      const lineEnd = text.indexOf('\n', end);
      const at = lineEnd === -1 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      splices.push({ at, end: at, text: missing.map((entry) => `\n${' '.repeat(indent)}${entry}`).join('') });
    }
  }
  let output = text;
  for (const splice of splices.sort((a, b) => b.at - a.at)) output = output.slice(0, splice.at) + splice.text + output.slice(splice.end);
  // A file in the canonical layout stays in it (a longer flow line may now need to break).
  const before = formatJourneyText(text);
  if (before.ok && !before.changed) {
    const after = formatJourneyText(output);
    if (after.ok) return after.output;
  }
  return output;
}

function scalarText(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) || /^[A-Za-z][\w.\/-]*$/.test(value) ? value : JSON.stringify(value);
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : String(value);
}

function formatPath(path: DataPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}
