import { lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileResult, Finding, Severity } from '../findings.js';
import { writeFileAtomic } from '../io/write.js';
import { displayPath } from '../load/discover.js';

/**
 * What `--cache` keeps of a file between runs: its findings, under the hash of
 * its text, and what else they depend on. The run's other inputs (cjm's
 * version, the config, catalogues, KPI data, command-line settings) are the
 * run key (src/cache/key.ts): a run with another key never sees these entries.
 */
export interface CacheEntry {
  /** Hash of the file's text (contentHash). */
  hash: string;
  /** Journey ids its subjourney references name: each must still exist for the findings to hold. */
  refs?: string[];
  /**
   * Set when a reference named no journey: the finding suggests the closest
   * id of the whole workspace, so it holds only for the same set of ids.
   */
  idsHash?: string;
  /** The day (YYYY-MM-DD) the findings hold for: set when a date rule looked at "today" (stale-review, kpi-stale). */
  day?: string;
  /** Findings silenced by cjm-disable comments. */
  suppressed?: number;
  findings: Finding[];
}

/** The format of the file; another value, or anything unreadable, is a foreign file: ignored and replaced. */
const FORMAT = 'cjm-cache-2';
/** Run keys kept: validate and lint, or a few --rule variants, each keep their entries. */
const MAX_RUNS = 4;

/** A finding as stored: rule, severity, line, column, end line, end column, message, and its file when not the entry's own. */
type StoredFinding = [string, Severity, number, number, number, number, string, string?];
type StoredEntry = Omit<CacheEntry, 'findings'> & { findings: StoredFinding[] };

interface StoredRun {
  /** When a run last wrote this key (ms since 1970), to drop the oldest. */
  used: number;
  /**
   * Each entry as JSON text of its own: the cache file parses into strings,
   * and an entry is parsed only when its file is looked up. A run on one file
   * of a large workspace then pays for one entry, not for all (parsing
   * strings is several times faster than building the objects).
   */
  files: Record<string, string>;
}

interface CacheFile {
  format: typeof FORMAT;
  runs: Record<string, StoredRun>;
}

/**
 * The result cache of one run: loaded once, looked up by file, written back
 * atomically when the run changed it. Paths are kept relative to the cache's
 * folder, so that runs from another working directory share the entries.
 */
export class ResultCache {
  private changed = false;
  private readonly files: Record<string, string>;

  private constructor(
    readonly location: string,
    private readonly runKey: string,
    private readonly stored: CacheFile,
    private readonly cwd: string,
  ) {
    const run = (stored.runs[runKey] ??= { used: Date.now(), files: {} });
    this.files = run.files;
  }

  /** Opens the cache file at `location` for the run `runKey`; a missing, corrupt or foreign file is an empty cache. */
  static open(location: string, runKey: string, cwd: string): ResultCache {
    return new ResultCache(location, runKey, readCacheFile(location), cwd);
  }

  /** The entry of `file` (as the run shows it, relative to cwd), when it was stored for the same text. */
  lookup(file: string, hash: string): CacheEntry | undefined {
    const text = this.files[this.key(file)];
    if (text === undefined) return undefined;
    const stored = parseEntry(text);
    if (stored?.hash === hash) {
      const entry = decodeEntry(stored, file, (path) => this.shown(path));
      if (entry) return entry;
    }
    // An entry of other text is stale; a malformed one is never trusted: either goes, and the file is checked again.
    this.forget(file);
    return undefined;
  }

  store(result: FileResult, entry: Omit<CacheEntry, 'findings'>): void {
    if (result.ioError) return;
    const stored: StoredEntry = { ...entry, findings: result.findings.map((finding) => encodeFinding(finding, result.file, (path) => this.key(path))) };
    this.files[this.key(result.file)] = JSON.stringify(stored);
    this.changed = true;
  }

  forget(file: string): void {
    if (!(this.key(file) in this.files)) return;
    delete this.files[this.key(file)];
    this.changed = true;
  }

  /** Drops the entries of files that are not among `files` (a run over the whole workspace knows every file). */
  keepOnly(files: readonly string[]): void {
    const kept = new Set(files.map((file) => this.key(file)));
    for (const key of Object.keys(this.files)) {
      if (kept.has(key)) continue;
      delete this.files[key];
      this.changed = true;
    }
  }

  /** Writes the cache back when the run changed it (atomically: a reader sees the old file or the new one). */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.stored.runs[this.runKey].used = Date.now();
    const runs = Object.entries(this.stored.runs).sort(([, a], [, b]) => b.used - a.used).slice(0, MAX_RUNS);
    await writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, runs: Object.fromEntries(runs) } satisfies CacheFile));
    this.changed = false;
  }

  /** A path as stored: relative to the cache's folder, with `/`; outside it, absolute. */
  private key(file: string): string {
    return displayPath(resolve(this.cwd, file), resolve(this.location, '..'));
  }

  /** A stored path as the run shows it: relative to cwd when below it. */
  private shown(key: string): string {
    return displayPath(resolve(this.location, '..', key), this.cwd);
  }
}

/** A cache location that is not a regular file: the run goes on without the cache, and says why. */
export class CacheLocationError extends Error {}

/** Past this size a cache file is not one cjm wrote for a journey workspace (1,000 files take about 3 MB): ignored, rewritten. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

function readCacheFile(location: string): CacheFile {
  // Not through a link, nor from a pipe or a device: a `.cjmcache` committed as a link to
  // ~/.npmrc would otherwise be read, found foreign and overwritten with the cache.
  let stats;
  try {
    stats = lstatSync(location, { throwIfNoEntry: false });
  } catch {
    return emptyCache(); // a path through a file (ENOTDIR): saving the cache says why it cannot be written
  }
  if (stats === undefined) return emptyCache();
  if (!stats.isFile()) throw new CacheLocationError(`${location} is ${stats.isSymbolicLink() ? 'a symbolic link' : stats.isDirectory() ? 'a folder' : 'not a regular file'}, not a cache file: remove it, or choose another --cache-location`);
  if (stats.size > MAX_CACHE_BYTES) return emptyCache();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(location, 'utf8'));
  } catch {
    return emptyCache();
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT || !isRecord(parsed.runs)) return emptyCache();
  const runs: Record<string, StoredRun> = {};
  for (const [key, run] of Object.entries(parsed.runs)) {
    if (isRecord(run) && typeof run.used === 'number' && isRecord(run.files) && Object.values(run.files).every((entry) => typeof entry === 'string')) runs[key] = run as unknown as StoredRun;
  }
  return { format: FORMAT, runs };
}

function emptyCache(): CacheFile {
  return { format: FORMAT, runs: {} };
}

function encodeFinding(finding: Finding, ownFile: string, key: (path: string) => string): StoredFinding {
  const stored: StoredFinding = [finding.ruleId, finding.severity, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message];
  if (finding.file !== ownFile) stored.push(key(finding.file));
  return stored;
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warn', 'info']);

function parseEntry(text: string): StoredEntry | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) && typeof parsed.hash === 'string' ? (parsed as unknown as StoredEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** An entry as the run uses it, or undefined when any part of it is not what this version writes. */
function decodeEntry(stored: StoredEntry, file: string, shown: (path: string) => string): CacheEntry | undefined {
  if (!Array.isArray(stored.findings)) return undefined;
  if (!optional(stored.idsHash, 'string') || !optional(stored.day, 'string') || !optional(stored.suppressed, 'number')) return undefined;
  if (stored.refs !== undefined && !(Array.isArray(stored.refs) && stored.refs.every((ref) => typeof ref === 'string'))) return undefined;
  const findings: Finding[] = [];
  for (const item of stored.findings as unknown[]) {
    if (!Array.isArray(item) || item.length < 7 || item.length > 8) return undefined;
    const [ruleId, severity, line, column, endLine, endColumn, message, other] = item as unknown[];
    if (typeof ruleId !== 'string' || !SEVERITIES.has(severity) || typeof message !== 'string' || !optional(other, 'string')) return undefined;
    if (![line, column, endLine, endColumn].every((n) => Number.isInteger(n) && (n as number) >= 1)) return undefined;
    findings.push({ file: other === undefined ? file : shown(other as string), ruleId, severity: severity as Severity, message, line: line as number, column: column as number, endLine: endLine as number, endColumn: endColumn as number });
  }
  return { ...stored, findings };
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || typeof value === type;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
