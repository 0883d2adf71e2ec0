import { resolve } from 'node:path';
import { findingAtStart } from '../findings.js';
import type { Journey } from '../schema/journey.js';
import { catalogForJourney } from '../load/catalog.js';
import { argumentSelection, DiscoveryError, discoverFiles, workspaceSelection, type PathSelection } from '../load/discover.js';
import { decode } from '../load/read.js';
import { discoverOptions, openWorkspace, workspaceFiles, type Workspace, type WorkspaceOptions } from '../load/workspace.js';
import { loadData, type RunContext } from '../load/prepare.js';
import type { KpiData } from '../data/index.js';
import { Readable } from 'node:stream';
import { analyzeFile, type AnalyzedFile } from '../validate/analyze.js';
import { analyzeText } from '../validate/analyze-text.js';
import { compareJourneys } from './compare.js';
import { emptyCounts, reportCounts } from './counts.js';
import { changedFiles, filesAtRevision, fromRepoPath, GitError, openRepo, showFile, toRepoPath, verifyRevision, type ChangedFile, type Repo } from './git.js';
import type { DiffReport, JourneyDiff } from './types.js';

export interface DiffOptions extends WorkspaceOptions {
  /** Merge the config's KPI data (`data:`) into both sides; with a revision, the old side reads the data files at it. Default true. */
  data?: boolean;
}

/** A diff run: the report, and the inputs that kept some file out of it. */
export interface DiffRun {
  report: DiffReport;
  /** Sides that are not a valid journey (syntax or schema): their findings, as `cjm validate` shows them. */
  invalid: AnalyzedFile[];
  /** Sides that could not be read at all: `file: message`. */
  ioErrors: string[];
}

/** `cjm diff OLD NEW`: two journey files, whatever their journey ids. */
export async function diffFiles(oldPath: string, newPath: string, options: DiffOptions = {}): Promise<DiffRun> {
  const workspace = await openWorkspace(options);
  const context = analyzeContext(workspace, await loadData(workspace, options.data));
  const run: DiffRun = { report: { files: [], counts: reportCounts([]) }, invalid: [], ioErrors: [] };
  const [before, after] = await Promise.all([analyzeFile(oldPath, context), analyzeFile(newPath, context)]);
  const oldJourney = accept(before, run);
  const newJourney = accept(after, run);
  if (oldJourney && newJourney) run.report.files.push(journeyDiff('modified', oldPath, newPath, oldJourney, newJourney, workspace));
  run.report.counts = reportCounts(run.report.files);
  return run;
}

/**
 * `cjm diff --rev REV [paths...]`: each journey file against its version at a
 * git revision. Without paths: the workspace's journey files plus the journey
 * files git lists as changed since REV (deleted and renamed ones included).
 */
export async function diffRevision(rev: string, paths: readonly string[], options: DiffOptions = {}): Promise<DiffRun> {
  const workspace = await openWorkspace(options);
  const cwd = workspace.cwd;
  const repo = await openRepo(cwd);
  await verifyRevision(repo, rev);
  const { selections, onDisk, missing } = paths.length > 0 ? await namedTargets(workspace, paths) : await workspaceTargets(workspace);
  const selected = (selection: PathSelection, repoPath: string) => selection.selects(resolve(cwd, fromRepoPath(repo, repoPath)));
  const changed = await changedFiles(repo, rev, (repoPath) => selections.some((selection) => selected(selection, repoPath)));
  for (const { path, selection } of missing) {
    const known = changed.some((change) => change.oldPath !== undefined && selected(selection, change.oldPath));
    if (!known) throw new DiscoveryError(path, `${path}: not in the working tree, nor a journey file at ${rev}`);
  }
  const candidates = [...changed];
  const listed = new Set(changed.map((change) => change.newPath));
  const unlisted = onDisk.map((file) => toRepoPath(repo, cwd, file)).filter((path) => !listed.has(path));
  // Not in git's list: unchanged since REV, or untracked (git diff does not show those).
  const atRev = await filesAtRevision(repo, rev, unlisted);
  for (const path of unlisted) {
    listed.add(path);
    candidates.push(atRev.has(path) ? { status: 'modified', oldPath: path, newPath: path } : { status: 'added', newPath: path });
  }
  const kpiData = await loadData(workspace, options.data);
  const oldKpiData = kpiData && (await loadDataAtRevision(workspace, repo, rev));
  // With KPI data, a journey file the same as at REV may still show new actuals.
  const unchanged = new Set(kpiData ? [] : candidates.filter((candidate) => candidate.status === 'modified' && !changed.includes(candidate)));
  candidates.sort((a, b) => compare(a.newPath ?? a.oldPath!, b.newPath ?? b.oldPath!));

  const run: DiffRun = { report: { rev, files: [], counts: reportCounts([]) }, invalid: [], ioErrors: [] };
  const context = analyzeContext(workspace, kpiData);
  const oldContext = analyzeContext(workspace, oldKpiData);
  for (const candidate of candidates) {
    const oldFile = candidate.oldPath === undefined ? undefined : fromRepoPath(repo, candidate.oldPath);
    const newFile = candidate.newPath === undefined ? undefined : fromRepoPath(repo, candidate.newPath);
    if (unchanged.has(candidate)) {
      // git says the bytes are the same as at REV: nothing to read or compare.
      run.report.files.push({ status: 'unchanged', oldFile, newFile, journey: [], stages: [], counts: emptyCounts() });
      continue;
    }
    const before = oldFile === undefined ? undefined : accept(await analyzeAtRevision(repo, rev, candidate.oldPath!, oldFile, oldContext), run);
    const after = newFile === undefined ? undefined : accept(await analyzeFile(newFile, context), run);
    if ((oldFile !== undefined && !before) || (newFile !== undefined && !after)) continue;
    run.report.files.push(journeyDiff(candidate.status, oldFile, newFile, before, after, workspace));
  }
  run.report.counts = reportCounts(run.report.files);
  return run;
}

/** What `diff --rev` compares: the files cjm's discovery selects, on disk and among those git lists as changed. */
interface Targets {
  selections: PathSelection[];
  /** Journey files in the working tree, relative to cwd. */
  onDisk: string[];
  /** Named paths that select nothing in the working tree (perhaps deleted since REV). */
  missing: { path: string; selection: PathSelection }[];
}

async function workspaceTargets(workspace: Workspace): Promise<Targets> {
  return { selections: [workspaceSelection(workspace.root, workspace.config.patterns)], onDisk: await workspaceFiles(workspace), missing: [] };
}

async function namedTargets(workspace: Workspace, paths: readonly string[]): Promise<Targets> {
  const options = discoverOptions(workspace);
  const targets: Targets = { selections: [], onDisk: [], missing: [] };
  for (const path of paths) {
    if (path === '-') throw new DiscoveryError(path, 'stdin (-) cannot be compared with a revision; name the file');
    const selection = argumentSelection(path, options);
    targets.selections.push(selection);
    try {
      targets.onDisk.push(...(await discoverFiles([path], options)));
    } catch (error) {
      if (!(error instanceof DiscoveryError)) throw error;
      targets.missing.push({ path, selection });
    }
  }
  return targets;
}

/** The old side: `git show REV:path`, then the same reading checks as a file on disk. */
async function analyzeAtRevision(repo: Repo, rev: string, repoPath: string, shownPath: string, context: RunContext): Promise<AnalyzedFile> {
  const label = `${rev}:${shownPath}`;
  const limit = context.workspace.limits.maxFileSize;
  let bytes: Buffer;
  try {
    bytes = await showFile(repo, rev, repoPath, limit + 1);
  } catch (error) {
    if (error instanceof GitError && /more than/.test(error.message)) return { file: label, findings: [findingAtStart(label, 'file-too-large', `file is over the ${limit}-byte limit (limits.maxFileSize)`)] };
    if (error instanceof GitError) return { file: label, ioError: error.message, findings: [] };
    throw error;
  }
  const read = decode(bytes);
  if (!read.ok) return { file: label, findings: [findingAtStart(label, read.code, read.message)] };
  return analyzeText(label, read.text, context);
}

/** The journey of a side, or undefined after recording why there is none. */
function accept(analyzed: AnalyzedFile, run: DiffRun): Journey | undefined {
  if (analyzed.ioError) run.ioErrors.push(`${analyzed.file}: ${analyzed.ioError}`);
  else if (!analyzed.journey) run.invalid.push(analyzed);
  return analyzed.journey;
}

function journeyDiff(
  status: ChangedFile['status'],
  oldFile: string | undefined,
  newFile: string | undefined,
  before: Journey | undefined,
  after: Journey | undefined,
  workspace: Workspace,
): JourneyDiff {
  const comparison = compareJourneys(before, after, {
    oldMetrics: before && catalogForJourney(workspace.catalog, before).metrics,
    newMetrics: after && catalogForJourney(workspace.catalog, after).metrics,
  });
  const same = status === 'modified' && comparison.counts.changes === 0;
  return {
    status: same ? 'unchanged' : status,
    ...(oldFile !== undefined ? { oldFile } : {}),
    ...(newFile !== undefined ? { newFile } : {}),
    ...(comparison.old ? { old: comparison.old } : {}),
    ...(comparison.new ? { new: comparison.new } : {}),
    journey: comparison.journey,
    stages: comparison.stages,
    ...(comparison.improvement ? { improvement: comparison.improvement } : {}),
    counts: comparison.counts,
  };
}

/**
 * Reference problems (an unknown channel, a subjourney elsewhere) do not stop a
 * diff: the old side may predate today's catalogue. Only files that are not a
 * journey at all (syntax, schema) are refused.
 */
function analyzeContext(workspace: Workspace, kpiData: KpiData | undefined): RunContext {
  return { workspace, journeyIds: new Set(), kpiData };
}

/**
 * The KPI data as it was at a revision: today's `data:` sources, each file
 * read with `git show REV:path` (a file git did not have then gives no data).
 */
async function loadDataAtRevision(workspace: Workspace, repo: Repo, rev: string): Promise<KpiData | undefined> {
  const { loadKpiData } = await import('../data/index.js');
  const limit = workspace.limits.maxDataFileSize;
  const shown = new Map<string, Promise<Buffer | undefined>>();
  const bytes = (path: string) => {
    let read = shown.get(path);
    if (!read) {
      read = showFile(repo, rev, toRepoPath(repo, workspace.cwd, path), limit + 1).catch((error) => {
        if (error instanceof GitError && /more than/.test(error.message)) return Buffer.alloc(limit + 1);
        if (error instanceof GitError) return undefined;
        throw error;
      });
      shown.set(path, read);
    }
    return read;
  };
  return loadKpiData(workspace, {
    async stat(path) {
      const content = await bytes(path);
      return content && { size: content.length, head: content.subarray(0, 4) };
    },
    open: (path) => Readable.from(chunksOf(bytes(path))),
    text: async (path) => (await bytes(path))?.toString('utf8') ?? '',
  });
}

async function* chunksOf(content: Promise<Buffer | undefined>): AsyncGenerator<string> {
  const text = (await content)?.toString('utf8') ?? '';
  for (let start = 0; start < text.length; start += 256 * 1024) yield text.slice(start, start + 256 * 1024);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { compareJourneys, type CompareOptions } from './compare.js';
export { formatText } from './format-text.js';
export { formatMarkdown } from './format-markdown.js';
export { formatJson } from './format-json.js';
export { hasDifferences } from './counts.js';
export type * from './types.js';
