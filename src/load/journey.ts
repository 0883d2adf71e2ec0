import type { Journey } from '../schema/journey.js';
import type { Finding } from '../findings.js';
import { analyzeFile } from '../validate/analyze.js';
import { indexJourneyIds, openWorkspace, workspaceFiles, type WorkspaceOptions } from './workspace.js';
import { loadData } from './prepare.js';

export interface LoadedJourney {
  file: string;
  /** Undefined when the file has validation errors. */
  journey?: Journey;
  findings: Finding[];
}

/**
 * Loads and validates one journey file in its workspace (config, catalogue,
 * other journeys' ids, KPI data): the one-call API for scripts.
 */
export async function loadJourney(file: string, options: WorkspaceOptions = {}): Promise<LoadedJourney> {
  const workspace = await openWorkspace(options);
  const ids = await indexJourneyIds(workspace, [...new Set([...(await workspaceFiles(workspace)), file])]);
  const analyzed = await analyzeFile(file, { workspace, journeyIds: new Set(ids.keys()), kpiData: await loadData(workspace) });
  if (analyzed.ioError) throw Object.assign(new Error(`${file}: ${analyzed.ioError}`), { userFacing: true });
  const valid = !analyzed.findings.some((finding) => finding.severity === 'error');
  return { file: analyzed.file, journey: valid ? analyzed.journey : undefined, findings: analyzed.findings };
}
