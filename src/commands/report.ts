import { Option, type Command } from 'commander';
import type { FileResult } from '../findings.js';
import { cli } from './context.js';
import { action, ALLOW_OUTSIDE, colorLevel, coreOptions, EXIT, noteDataProblems, raiseExitCode, UsageError, writeErr, writeOut, writeErrText, writeOutLine } from './io.js';

interface ReportCliOptions {
  out: string;
  images: 'mermaid' | 'svg' | 'none';
  browser?: string;
  config: string | false;
  allowOutside?: boolean;
  now?: string;
  data: boolean;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a markdown page per journey (facts, where it hurts, diagrams, stages, lint findings) and an index, for wikis and repositories')
    .argument('[paths...]', "files, directories or globs (default: the config's include set)")
    .requiredOption('-o, --out <dir>', 'directory for DIR/<journey-id>.md and DIR/index.md')
    .addOption(
      new Option('--images <kind>', 'diagrams as fenced Mermaid blocks, SVG files beside the pages, or none').choices(['mermaid', 'svg', 'none']).default('mermaid'),
    )
    .option('--browser <path>', 'svg: Chromium or Chrome to use (default: PUPPETEER_EXECUTABLE_PATH, then system locations)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option(...ALLOW_OUTSIDE)
    .option('--now <date>', 'the date YYYY-MM-DD review ages count from (default: CJM_NOW, else today)')
    .option('--no-data', "ignore the config's KPI data sources (data:): KPIs keep the values written in the journeys")
    .action(action(async (paths: string[], options: ReportCliOptions) => runReport(paths, options)));
}

async function runReport(paths: string[], options: ReportCliOptions): Promise<void> {
  if (paths.includes('-')) throw new UsageError('cjm report reads files, not stdin: pass paths');
  const { lintFiles, resolveNow } = await import('../lint/index.js');
  const { isValidationCode } = await import('../lint/validation-codes.js');
  const { openWorkspace } = await import('../load/workspace.js');
  const { catalogForJourney } = await import('../load/catalog.js');
  const { hotspotThreshold } = await import('../model/dropoff.js');
  const { writeReport } = await import('../report/index.js');
  type ReportJourney = import('../report/index.js').ReportJourney;
  type SkippedFile = import('../report/index.js').SkippedFile;

  const now = resolveNow(options.now, cli().env);
  const run = await lintFiles(paths, { ...(await coreOptions(options)), now, keepJourneys: true, data: options.data });
  const workspace = await openWorkspace({ cwd: cli().cwd, config: options.config, allowOutside: options.allowOutside });

  const journeys: ReportJourney[] = [];
  const invalid: FileResult[] = [];
  const skipped: SkippedFile[] = [];
  const dataFiles = new Set(run.dataFiles);
  for (const file of run.files) {
    if (dataFiles.has(file.file)) {
      noteDataProblems(file.findings);
      continue;
    }
    if (file.ioError) {
      writeErr(`cjm: ${file.file}: ${file.ioError}`);
      skipped.push({ file: file.file, reason: `could not be read: ${file.ioError}` });
      raiseExitCode(EXIT.error);
      continue;
    }
    // Rules run only on valid files, so any error among the validation codes means invalid.
    const validationErrors = file.findings.filter((finding) => finding.severity === 'error' && isValidationCode(finding.ruleId));
    if (!file.journey || validationErrors.length > 0) {
      invalid.push({ file: file.file, findings: file.findings });
      skipped.push({ file: file.file, reason: `invalid (${validationErrors.length || 1} error${validationErrors.length > 1 ? 's' : ''}; run cjm validate)` });
      continue;
    }
    journeys.push({
      file: file.file,
      journey: file.journey,
      catalog: catalogForJourney(workspace.catalog, file.journey),
      findings: file.findings,
      dropoffHotspot: hotspotThreshold(run.ruleOptions(file.file, 'dropoff-hotspot')),
    });
  }

  if (invalid.length > 0) await reportInvalid(invalid);

  const { BrowserLaunchError, BrowserNotFoundError } = await import('../render/browser/chromium.js');
  try {
    const result = await writeReport(journeys, {
      outDir: options.out,
      cwd: cli().cwd,
      images: options.images,
      now,
      browserPath: options.browser,
      env: cli().env,
      skipped,
      onWritten: (path) => writeOutLine(path),
    });
    for (const { file, journeyId, sameIdAs } of result.skipped) {
      writeErr(`cjm: ${file}: journey id "${journeyId}" is also the id of ${sameIdAs}, whose page takes its file name; not reported`);
    }
    for (const failure of result.failures) writeErr(`cjm: ${failure.file}: ${failure.kind} diagram: ${failure.message}`);
    if (result.failures.length > 0 || result.skipped.length > 0) raiseExitCode(EXIT.findings);
  } catch (error) {
    if (error instanceof BrowserNotFoundError || error instanceof BrowserLaunchError) throw new UsageError(error.message);
    throw error;
  }
}

/** Invalid files are reported the way `cjm validate` shows them, on stderr (stdout lists the files written). */
async function reportInvalid(invalid: readonly FileResult[]): Promise<void> {
  const { loadFormatter } = await import('../formatters/index.js');
  const { cjmVersion } = await import('../version.js');
  const stylish = await loadFormatter('stylish');
  writeErrText(stylish(invalid, { colorLevel: await colorLevel('stderr'), version: cjmVersion(), cwd: cli().cwd }));
  writeErr(`cjm: ${invalid.length} invalid file${invalid.length === 1 ? '' : 's'} not reported`);
  raiseExitCode(EXIT.findings);
}
