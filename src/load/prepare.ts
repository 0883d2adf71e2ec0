import { readStdin, type InputStream } from './stdin.js';
import type { ReadResult } from './read.js';
import type { KpiData } from '../data/index.js';
import { indexJourneyIds, openWorkspace, resolveTargets, topLevelJourneyId, workspaceFiles, type Workspace, type WorkspaceOptions } from './workspace.js';

export interface PrepareOptions extends WorkspaceOptions {
  /** Name shown for stdin (`--stdin-filename`). */
  stdinFilename?: string;
  /** Where `-` reads from. Default: process.stdin. */
  stdin?: InputStream;
  /** Read the config's KPI data sources (`data:`). Default true; false is `--no-data`. */
  data?: boolean;
}

/** What every file of a validate, lint, render or report run is read against. */
export interface RunContext {
  workspace: Workspace;
  /** Ids of every journey of the workspace, for subjourney references. */
  journeyIds: ReadonlySet<string>;
  /** Name shown for stdin (`--stdin-filename`). */
  stdinFilename?: string;
  /** Stdin content, read once by the caller. */
  stdinText?: ReadResult;
  /** 'eager' when nearly every file will need positions (lint): recorded in the one parse. */
  positions?: 'lazy' | 'eager';
  /** The config's KPI data, read once per run: merged into every journey as it is analysed. */
  kpiData?: KpiData;
}

export interface PreparedRun {
  workspace: Workspace;
  files: string[];
  context: RunContext;
}

/**
 * Prepares a run: the workspace, the files to check and the journey ids they may
 * refer to (the config's include set when there is a config, else the run's files).
 */
export async function prepareRun(patterns: readonly string[], options: PrepareOptions): Promise<PreparedRun> {
  const workspace = await openWorkspace(options);
  const files = await resolveTargets(workspace, patterns);
  const idSources = workspace.config.path ? [...new Set([...(await workspaceFiles(workspace)), ...files])] : files;
  const journeyIds = new Set((await indexJourneyIds(workspace, idSources)).keys());
  const context: RunContext = { workspace, journeyIds, stdinFilename: options.stdinFilename, kpiData: await loadData(workspace, options.data) };
  if (files.includes('-')) context.stdinText = await readStdin(workspace.limits.maxFileSize, options.stdin);
  const stdinId = context.stdinText?.ok ? topLevelJourneyId(context.stdinText.text) : undefined;
  if (stdinId) journeyIds.add(stdinId);
  return { workspace, files, context };
}

/** The workspace's KPI data, unless the run asked for none. The reading code loads only when a config has `data:`. */
export async function loadData(workspace: Workspace, wanted = true): Promise<KpiData | undefined> {
  if (!wanted || !workspace.config.config.data?.length) return undefined;
  const { loadKpiData } = await import('../data/index.js');
  return loadKpiData(workspace);
}

/** The plain-data part of a run context, from which a worker thread rebuilds the same context. */
export interface RunScope {
  cwd: string;
  config: string | false;
  allowOutside: boolean;
  journeyIds: string[];
  kpiData?: KpiData;
}

export function runScope(context: RunContext): RunScope {
  const { cwd, config, allowOutside } = context.workspace;
  return { cwd, config: config.path ?? false, allowOutside, journeyIds: [...context.journeyIds], kpiData: context.kpiData };
}

export async function contextFromScope(scope: RunScope, positions: RunContext['positions']): Promise<RunContext> {
  const workspace = await openWorkspace({ cwd: scope.cwd, config: scope.config, allowOutside: scope.allowOutside });
  return { workspace, journeyIds: new Set(scope.journeyIds), positions, kpiData: scope.kpiData };
}
