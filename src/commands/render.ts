import { Option, type Command } from 'commander';
import type { FileResult } from '../findings.js';
import type { JourneyToRender, RenderFormat } from '../render/files.js';
import { cli } from './context.js';
import { action, ALLOW_OUTSIDE, colorLevel, coreOptions, EXIT, noteDataProblems, raiseExitCode, UsageError, writeErr, writeOut, writeErrText, writeOutLine } from './io.js';

// Listed here, not imported from src/render/diagrams.ts, so `cjm --help` loads no drawing code; a test keeps them equal.
export const CLI_DIAGRAMS = ['map', 'blueprint', 'journey', 'flow', 'emotion'] as const;
export const CLI_FORMATS = ['svg', 'png', 'mermaid'] as const;

/** Mermaid's default maxTextSize: bigger diagrams are refused by mermaid.render, GitHub and GitLab. */
const MERMAID_MAX_TEXT_SIZE = 50_000;

interface RenderCliOptions {
  diagram?: string[];
  format?: RenderFormat;
  out?: string;
  theme: 'light' | 'dark' | 'auto';
  stage?: string[];
  scale?: number;
  lint?: boolean;
  browser?: string;
  portable?: boolean;
  config: string | false;
  allowOutside?: boolean;
  stdinFilename?: string;
  data: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...value.split(',').map((part) => part.trim()).filter((part) => part !== '')];
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!(scale > 0 && scale <= 8)) throw new UsageError(`--scale ${value}: expected a number above 0 and at most 8, e.g. 2`);
  return scale;
}

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('draw journeys: the journey map and service blueprint (SVG, PNG), or Mermaid diagrams for Markdown')
    .argument('[paths...]', "files, directories or globs (default: the config's include set); - reads stdin")
    .addOption(new Option('-d, --diagram <kind>', `${CLI_DIAGRAMS.join(', ')} or all; repeat for several (default: map)`).argParser(collect))
    .addOption(new Option('-f, --format <format>', 'svg, png or mermaid (default: svg for map and blueprint, mermaid for the others)').choices(CLI_FORMATS))
    .option('-o, --out <dir>', 'write DIR/<journey-id>.<diagram>.svg, .png or .mmd (default: one journey to stdout)')
    .addOption(new Option('--theme <theme>', 'map and blueprint: light, dark, or auto (follows the viewer)').choices(['light', 'dark', 'auto']).default('light'))
    .option('--stage <id>', 'map, blueprint, flow: draw only this stage; repeatable', collect)
    .option('--scale <n>', 'png: pixels per SVG px, e.g. 2 for sharp slides', parseScale)
    .option('--lint', 'map and blueprint: put the lint summary in the header')
    .option('--browser <path>', 'Mermaid as svg: Chromium or Chrome to use (default: PUPPETEER_EXECUTABLE_PATH, then system locations)')
    .option('--portable', 'Mermaid as svg: no <foreignObject>, so the SVG also shows outside browsers (Inkscape, rsvg, Office)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option(...ALLOW_OUTSIDE)
    .option('--stdin-filename <name>', 'file name to report for stdin')
    .option('--no-data', "ignore the config's KPI data sources (data:): KPIs keep the values written in the journeys")
    .action(action(async (paths: string[], options: RenderCliOptions) => runRender(paths, options)));
}

type Kind = (typeof CLI_DIAGRAMS)[number];

/** The kinds asked for, checked against the format: `all` means every kind that has it. */
async function diagramKinds(requested: readonly string[] | undefined, format: RenderFormat | undefined): Promise<Kind[]> {
  const { DIAGRAMS } = await import('../render/diagrams.js');
  const names = requested ?? [format === 'mermaid' ? 'journey' : 'map'];
  const kinds = new Set<Kind>();
  for (const name of names) {
    if (name === 'all') {
      for (const diagram of DIAGRAMS) if (format === undefined || diagram.formats.includes(format)) kinds.add(diagram.id);
      continue;
    }
    const diagram = DIAGRAMS.find((candidate) => candidate.id === name);
    if (!diagram) throw new UsageError(`--diagram ${name}: unknown diagram; allowed: ${CLI_DIAGRAMS.join(', ')}, all`);
    if (format !== undefined && !diagram.formats.includes(format)) {
      throw new UsageError(`--diagram ${name} has no ${format} format; it draws ${diagram.formats.join(' or ')}`);
    }
    kinds.add(diagram.id);
  }
  return CLI_DIAGRAMS.filter((kind) => kinds.has(kind));
}

async function runRender(paths: string[], options: RenderCliOptions): Promise<void> {
  const kinds = await diagramKinds(options.diagram, options.format);
  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  const { diagram } = await import('../render/diagrams.js');
  const formats = new Set(kinds.map((kind) => options.format ?? diagram(kind).formats[0]));
  if (options.out === undefined) {
    if (formats.has('png') && cli().stdout.isTTY) throw new UsageError('a PNG is not for the terminal: add --out DIR, or redirect stdout to a file');
    if (formats.size > 1 || (kinds.length > 1 && !formats.has('mermaid'))) {
      throw new UsageError(`${kinds.join(', ')} as ${[...formats].join(' and ')} are several pictures: add --out DIR`);
    }
  }

  const run = await loadJourneys(paths, options);
  if (run.invalid.length > 0) {
    // Invalid files are reported the way `cjm validate` shows them, on stderr: stdout may be a picture.
    const { loadFormatter } = await import('../formatters/index.js');
    const { cjmVersion } = await import('../version.js');
    const stylish = await loadFormatter('stylish');
    writeErrText(stylish(run.invalid, { colorLevel: await colorLevel('stderr'), version: cjmVersion(), cwd: cli().cwd }));
    writeErr(`cjm: ${run.invalid.length} invalid file${run.invalid.length === 1 ? '' : 's'} not rendered`);
    raiseExitCode(EXIT.findings);
  }

  checkStages(options.stage, run.journeys);
  if (options.out === undefined) await printDiagrams(run.journeys, kinds, options);
  else await writeFiles(run.journeys, kinds, options, options.out);
}

/** --stage names a stage of at least one journey drawn: a typo would otherwise draw an empty map. */
function checkStages(stageIds: readonly string[] | undefined, items: readonly JourneyToRender[]): void {
  if (!stageIds?.length || items.length === 0) return;
  const known = new Set(items.flatMap((item) => item.journey.stages.map((stage) => stage.id)));
  const unknown = stageIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UsageError(`--stage ${unknown.join(', ')}: no such stage; the stages are ${[...known].join(', ')}`);
  }
}

/** Reads and validates the files; I/O errors are reported at once (exit 2), invalid files are returned. */
async function loadJourneys(paths: string[], options: RenderCliOptions): Promise<{ journeys: JourneyToRender[]; invalid: FileResult[] }> {
  const { prepareRun } = await import('../load/prepare.js');
  const { analyzeFiles } = await import('../validate/index.js');
  const { catalogForJourney } = await import('../load/catalog.js');
  const { configuredRuleOptions } = await import('../lint/configured-options.js');
  const { hotspotThreshold } = await import('../model/dropoff.js');
  const prepared = await prepareRun(paths, { ...(await coreOptions(options)), data: options.data });
  const hotspotOptions = await configuredRuleOptions(prepared.context.workspace, 'dropoff-hotspot');
  noteDataProblems(prepared.context.kpiData?.findings ?? []);
  const journeys: JourneyToRender[] = [];
  const invalid: FileResult[] = [];
  const lint = options.lint ? await lintSummaries(paths, options) : undefined;
  for await (const analyzed of analyzeFiles(prepared.files, prepared.context)) {
    if (analyzed.ioError) {
      writeErr(`cjm: ${analyzed.file}: ${analyzed.ioError}`);
      raiseExitCode(EXIT.error);
    } else if (!analyzed.journey || analyzed.findings.some((finding) => finding.severity === 'error')) {
      invalid.push({ file: analyzed.file, findings: analyzed.findings });
    } else {
      journeys.push({
        file: analyzed.file,
        journey: analyzed.journey,
        catalog: catalogForJourney(prepared.context.workspace.catalog, analyzed.journey),
        lintSummary: lint?.get(analyzed.file),
        dropoffHotspot: hotspotThreshold(hotspotOptions(analyzed.file)),
      });
    }
  }
  return { journeys, invalid };
}

/** --lint: each file's lint counts, for the map's header. */
async function lintSummaries(paths: string[], options: RenderCliOptions): Promise<Map<string, string>> {
  const { lintFiles, resolveNow } = await import('../lint/index.js');
  const run = await lintFiles(paths, { ...(await coreOptions(options)), now: resolveNow(undefined, cli().env), data: options.data });
  const summaries = new Map<string, string>();
  for (const file of run.files) {
    const count = (severity: string) => file.findings.filter((finding) => finding.severity === severity).length;
    const [errors, warnings, infos] = [count('error'), count('warn'), count('info')];
    summaries.set(file.file, `Lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info${infos === 1 ? '' : 's'}`);
  }
  return summaries;
}

/** Without --out: Mermaid sources (several, each after a %% comment), or the one picture of the one journey. */
async function printDiagrams(items: readonly JourneyToRender[], kinds: readonly Kind[], options: RenderCliOptions): Promise<void> {
  const { renderDiagram } = await import('../render/files.js');
  const { diagram, needsBrowser } = await import('../render/diagrams.js');
  const format = options.format ?? diagram(kinds[0]).formats[0];
  if (format !== 'mermaid' && items.length > 1) throw new UsageError(`${items.length} journeys are several pictures: add --out DIR, or name one file`);
  const chunks: (string | Buffer)[] = [];
  const several = items.length * kinds.length > 1;
  const renderOptions = { stageIds: options.stage, theme: options.theme, scale: options.scale, onSource: warnIfTooLarge };
  await withBrowserErrors(async () => {
    const { createSvgRenderer } = await import('../render/browser/svg.js');
    const browser = kinds.some((kind) => needsBrowser(kind, format)) ? await createSvgRenderer({ browserPath: options.browser, env: cli().env, portable: options.portable ?? false }) : undefined;
    try {
      for (const item of items) {
        for (const kind of kinds) {
          const output = await renderDiagram(item, kind, format, renderOptions, browser);
          // A %% line is a Mermaid comment, so each part stays valid Mermaid when cut out.
          chunks.push(several ? `%% ${item.file.replace(/\s+/g, ' ')} ${kind}\n${output}` : output);
        }
      }
    } finally {
      await browser?.close();
    }
  });
  for (const [index, chunk] of chunks.entries()) cli().stdout.write(typeof chunk === 'string' && index > 0 ? `\n${chunk}` : chunk);
}

async function writeFiles(items: readonly JourneyToRender[], kinds: readonly Kind[], options: RenderCliOptions, outDir: string): Promise<void> {
  const { renderJourneysToFiles } = await import('../render/files.js');
  const result = await withBrowserErrors(() =>
    renderJourneysToFiles(items, {
      outDir,
      cwd: cli().cwd,
      kinds,
      format: options.format,
      stageIds: options.stage,
      theme: options.theme,
      scale: options.scale,
      browserPath: options.browser,
      env: cli().env,
      portable: options.portable ?? false,
      onWritten: (written) => writeOutLine(written.path),
      onSource: warnIfTooLarge,
    }),
  );
  for (const { file, journeyId, sameIdAs } of result.skipped) {
    writeErr(`cjm: ${file}: journey id "${journeyId}" is also the id of ${sameIdAs}, whose diagrams take its file names; not rendered`);
  }
  for (const failure of result.failures) writeErr(`cjm: ${failure.file}: ${failure.kind} diagram: ${failure.message}`);
  if (result.failures.length > 0 || result.skipped.length > 0) raiseExitCode(EXIT.findings);
}

/** A missing or broken browser stack is a usage error (exit 2) with what to install, not an internal error. */
async function withBrowserErrors<T>(run: () => Promise<T>): Promise<T> {
  const { BrowserLaunchError, BrowserNotFoundError } = await import('../render/browser/chromium.js');
  try {
    return await run();
  } catch (error) {
    if (error instanceof BrowserNotFoundError || error instanceof BrowserLaunchError) throw new UsageError(error.message);
    throw error;
  }
}

function warnIfTooLarge(item: JourneyToRender, kind: string, source: string): void {
  if (source.length <= MERMAID_MAX_TEXT_SIZE) return;
  writeErr(
    `cjm: note: ${item.file}: the ${kind} diagram is ${source.length.toLocaleString('en')} characters, over Mermaid's default limit of 50,000: ` +
      'viewers such as GitHub will refuse to draw it',
  );
}
