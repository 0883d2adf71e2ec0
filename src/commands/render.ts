import { Option, type Command } from 'commander';
import type { JourneyToRender } from '../render/files.js';
import type { FileResult } from '../findings.js';
import { cli } from './context.js';
import { action, colorLevel, coreOptions, EXIT, raiseExitCode, UsageError, writeErr, writeOut } from './io.js';

const KINDS = ['journey', 'flow', 'emotion'] as const;

/** Mermaid's default maxTextSize: bigger diagrams are refused by mermaid.render, GitHub and GitLab. */
const MERMAID_MAX_TEXT_SIZE = 50_000;

interface RenderCliOptions {
  diagram: string[];
  format: 'mermaid' | 'svg';
  out?: string;
  browser?: string;
  portable?: boolean;
  config: string | false;
  stdinFilename?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((part) => part.trim()).filter((part) => part !== '')];
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('draw journeys as Mermaid diagrams (journey, flow, emotion) or SVG images')
    .argument('[paths...]', 'files, directories or globs (default: the config\'s include set); - reads stdin')
    .addOption(new Option('-d, --diagram <kind>', 'journey, flow, emotion or all; repeat for several (default: journey)').argParser(collect))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['mermaid', 'svg']).default('mermaid'))
    .option('-o, --out <dir>', 'write DIR/<journey-id>.<diagram>.mmd or .svg instead of printing Mermaid source')
    .option('--browser <path>', 'svg: Chromium or Chrome to use (default: PUPPETEER_EXECUTABLE_PATH, then system locations)')
    .option('--portable', 'svg: no <foreignObject>, so the SVG also shows outside browsers (Inkscape, rsvg, Office)')
    .option('--no-portable', 'svg: browser-only SVG with HTML labels (the default)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option('--stdin-filename <name>', 'file name to report for stdin')
    .action(action(async (paths: string[], options: RenderCliOptions) => runRender(paths, options)));
}

function diagramKinds(requested: readonly string[] | undefined): (typeof KINDS)[number][] {
  const kinds = new Set<(typeof KINDS)[number]>();
  for (const name of requested ?? ['journey']) {
    if (name === 'all') KINDS.forEach((kind) => kinds.add(kind));
    else if ((KINDS as readonly string[]).includes(name)) kinds.add(name as (typeof KINDS)[number]);
    else throw new UsageError(`--diagram ${name}: unknown diagram; allowed: ${KINDS.join(', ')}, all`);
  }
  return KINDS.filter((kind) => kinds.has(kind));
}

async function runRender(paths: string[], options: RenderCliOptions): Promise<void> {
  const kinds = diagramKinds(options.diagram);
  if (options.format === 'svg' && !options.out) throw new UsageError('--format svg writes files: add --out DIR');
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('stdin (-) can be read only once');

  const run = await loadJourneys(paths, options);

  if (run.invalid.length > 0) {
    // Invalid files are reported the way `cjm validate` shows them, on stderr: stdout may be Mermaid source.
    const { loadFormatter } = await import('../formatters/index.js');
    const { cjmVersion } = await import('../version.js');
    const stylish = await loadFormatter('stylish');
    writeErr(stylish(run.invalid, { colorLevel: await colorLevel('stderr'), version: cjmVersion(), cwd: cli().cwd }));
    writeErr(`cjm: ${run.invalid.length} invalid file${run.invalid.length === 1 ? '' : 's'} not rendered`);
    raiseExitCode(EXIT.findings);
  }

  if (options.out === undefined) {
    await printMermaid(run.journeys, kinds);
    return;
  }
  await writeFiles(run.journeys, kinds, options, options.out);
}

/** Reads and validates the files; I/O errors are reported at once (exit 2), invalid files are returned. */
async function loadJourneys(paths: string[], options: RenderCliOptions): Promise<{ journeys: JourneyToRender[]; invalid: FileResult[] }> {
  const { prepareRun } = await import('../load/prepare.js');
  const { analyzeFiles } = await import('../validate/index.js');
  const { catalogForJourney } = await import('../load/catalog.js');
  const prepared = await prepareRun(paths, await coreOptions(options.config, options.stdinFilename));
  const journeys: JourneyToRender[] = [];
  const invalid: FileResult[] = [];
  for await (const analyzed of analyzeFiles(prepared.files, prepared.context)) {
    if (analyzed.ioError) {
      writeErr(`cjm: ${analyzed.file}: ${analyzed.ioError}`);
      raiseExitCode(EXIT.error);
    } else if (!analyzed.journey || analyzed.findings.some((finding) => finding.severity === 'error')) {
      invalid.push({ file: analyzed.file, findings: analyzed.findings });
    } else {
      journeys.push({ file: analyzed.file, journey: analyzed.journey, catalog: catalogForJourney(prepared.context.workspace.catalog, analyzed.journey) });
    }
  }
  return { journeys, invalid };
}

async function printMermaid(items: readonly JourneyToRender[], kinds: readonly (typeof KINDS)[number][]): Promise<void> {
  const { renderMermaid } = await import('../render/index.js');
  const several = items.length * kinds.length > 1;
  const chunks: string[] = [];
  for (const item of items) {
    for (const kind of kinds) {
      const source = renderMermaid(item.journey, kind, { catalog: item.catalog });
      warnIfTooLarge(item.file, kind, source);
      // A %% line is a Mermaid comment, so each part stays valid Mermaid when cut out.
      chunks.push(several ? `%% ${item.file.replace(/\s+/g, ' ')} ${kind}\n${source}` : source);
    }
  }
  writeOut(chunks.join('\n'));
}

async function writeFiles(
  items: readonly JourneyToRender[],
  kinds: readonly (typeof KINDS)[number][],
  options: RenderCliOptions,
  outDir: string,
): Promise<void> {
  const { renderJourneysToFiles } = await import('../render/files.js');
  const { BrowserLaunchError, BrowserNotFoundError } = await import('../render/browser/chromium.js');
  try {
    const result = await renderJourneysToFiles(items, {
      outDir,
      cwd: cli().cwd,
      kinds,
      format: options.format,
      browserPath: options.browser,
      env: cli().env,
      portable: options.portable ?? false,
      onWritten: (written) => writeOut(`${written.path}\n`),
      onSource: options.format === 'mermaid' ? (item, kind, source) => warnIfTooLarge(item.file, kind, source) : undefined,
    });
    for (const { file, journeyId, sameIdAs } of result.skipped) {
      writeErr(`cjm: ${file}: journey id "${journeyId}" is also the id of ${sameIdAs}, whose diagrams take its file names; not rendered`);
    }
    for (const failure of result.failures) writeErr(`cjm: ${failure.file}: ${failure.kind} diagram: ${failure.message}`);
    if (result.failures.length > 0 || result.skipped.length > 0) raiseExitCode(EXIT.findings);
  } catch (error) {
    if (error instanceof BrowserNotFoundError || error instanceof BrowserLaunchError) throw new UsageError(error.message);
    throw error;
  }
}

function warnIfTooLarge(file: string, kind: string, source: string): void {
  if (source.length <= MERMAID_MAX_TEXT_SIZE) return;
  writeErr(
    `cjm: note: ${file}: the ${kind} diagram is ${source.length.toLocaleString('en')} characters, over Mermaid's default limit of 50,000: ` +
      'viewers such as GitHub will refuse to draw it',
  );
}
