import { join, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { FileResult } from '../findings.js';
import type { RunContext } from '../load/prepare.js';
import { ReadError, readTextFile } from '../load/read.js';
import { analyzeFile, analyzeRead, type AnalyzedFile } from '../validate/analyze.js';
import { CacheLocationError, ResultCache, type CacheEntry } from './index.js';
import { contentHash, idsHash, runKey, type RunSettings } from './key.js';

/** `--cache`: where the cache file is (default: .cjmcache in the config's folder, as .eslintcache). */
export interface CacheOptions {
  /** A file, or an existing folder to keep `.cjmcache` in; relative to the working directory. */
  location?: string;
}

const DEFAULT_NAME = '.cjmcache';

/** How a command checks one analysed file, and rebuilds its result from a cache entry. */
interface CachedCheck<Result extends FileResult> {
  check(analyzed: AnalyzedFile): { result: Result; readsToday: boolean; suppressed?: number };
  reuse(entry: CacheEntry, file: string): Result;
}

/** The run's cache file: the given location (a folder holds `.cjmcache`), else `.cjmcache` beside the config. */
function cacheLocation(options: CacheOptions, context: RunContext): string {
  const { cwd, root } = context.workspace;
  if (options.location === undefined) return join(root, DEFAULT_NAME);
  const location = resolve(cwd, options.location);
  return isFolder(location) ? join(location, DEFAULT_NAME) : location;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // a path through a file (ENOTDIR): saving the cache says why it cannot be written
  }
}

/**
 * Checks `files` in order, reusing the findings of every file whose text and
 * run key are unchanged and whose dependencies still hold; stores the others.
 * The file is read once either way: its text is hashed, then parsed only on a
 * miss. Stdin and files that cannot be read or decoded are never cached.
 * Returns the results and, when the cache could not be written, why (the run's
 * findings stand: the cache only saves time).
 */
export async function checkWithCache<Result extends FileResult>(
  files: readonly string[],
  context: RunContext,
  settings: RunSettings & { cache: CacheOptions; wholeWorkspace: boolean; today: string },
  checker: CachedCheck<Result>,
): Promise<{ results: Result[]; cacheError?: string }> {
  let cache: ResultCache;
  try {
    cache = ResultCache.open(cacheLocation(settings.cache, context), await runKey(context.workspace, settings, context.kpiData), context.workspace.cwd);
  } catch (error) {
    if (!(error instanceof CacheLocationError)) throw error;
    // Checked as without --cache, and said once: the cache only saves time.
    const results: Result[] = [];
    for (const file of files) results.push(checker.check(await analyzeFile(file, context)).result);
    return { results, cacheError: `cache not used: ${error.message}` };
  }
  const holds = dependencyCheck(context, settings.today);
  const results: Result[] = [];
  for (const file of files) {
    if (file === '-') {
      results.push(checker.check(await analyzeFile(file, context)).result);
      continue;
    }
    let read;
    try {
      read = await readTextFile(resolve(context.workspace.cwd, file), context.workspace.limits);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      cache.forget(file);
      results.push(checker.check({ file, ioError: error.message, findings: [] }).result);
      continue;
    }
    const hash = read.ok ? contentHash(read.text) : undefined;
    const entry = hash === undefined ? undefined : cache.lookup(file, hash);
    if (entry && holds(entry)) {
      results.push(checker.reuse(entry, file));
      continue;
    }
    const analyzed = await analyzeRead(file, read, context);
    const { result, readsToday, suppressed } = checker.check(analyzed);
    if (hash === undefined) cache.forget(file);
    else cache.store(result, { hash, ...journeyDependencies(analyzed, context), ...(readsToday ? { day: settings.today } : {}), ...(suppressed ? { suppressed } : {}) });
    results.push(result);
  }
  if (settings.wholeWorkspace) cache.keepOnly(files);
  try {
    await cache.save();
    return { results };
  } catch (error) {
    return { results, cacheError: `cannot write the cache ${cache.location}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Whether an entry's findings still hold in this run: the journeys it names exist, the ids it was compared with and the day are the same. */
function dependencyCheck(context: RunContext, today: string): (entry: CacheEntry) => boolean {
  let ids: string | undefined;
  return (entry) =>
    (entry.refs ?? []).every((id) => context.journeyIds.has(id)) &&
    (entry.idsHash === undefined || entry.idsHash === (ids ??= idsHash(context.journeyIds))) &&
    (entry.day === undefined || entry.day === today);
}

/**
 * The journey ids a file's findings depend on: every `subjourney` it names
 * (a reference that held goes stale when the journey is renamed). When one
 * names no journey, the finding suggests the closest id of the whole
 * workspace, so it holds only for the same set of ids.
 */
function journeyDependencies(analyzed: AnalyzedFile, context: RunContext): Pick<CacheEntry, 'refs' | 'idsHash'> {
  const refs = [...new Set(subjourneyRefs(analyzed.source?.data))];
  if (refs.length === 0) return {};
  return refs.every((id) => context.journeyIds.has(id)) ? { refs } : { refs, idsHash: idsHash(context.journeyIds) };
}

/** Every string under a `subjourney` key, wherever it is: a file that broke the schema is checked on the parts that have the right shape. */
function subjourneyRefs(data: unknown, found: string[] = []): string[] {
  if (Array.isArray(data)) for (const item of data) subjourneyRefs(item, found);
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'subjourney' && typeof value === 'string') found.push(value);
      else subjourneyRefs(value, found);
    }
  }
  return found;
}

/** "Today" as date rules see it (UTC, as stale-review counts days). */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
