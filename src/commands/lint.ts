import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliRuleSetting } from '../lint/settings.js';
import type { Severity } from '../findings.js';
import { cli } from './context.js';
import { CACHE_HELP, CACHE_LOCATION_HELP, cacheOptions } from './cache.js';
import { action, ALLOW_OUTSIDE, cliPath, colorLevel, coreOptions, EXIT, raiseExitCode, UsageError, writeErr, writeOut } from './io.js';
import { OUTPUT_FORMAT_IDS, outputFormatsHelp, type OutputFormatId } from '../formatters/index.js';
const SEVERITIES: readonly string[] = ['error', 'warn', 'info'];

interface LintCliOptions {
  format?: OutputFormatId;
  output?: string;
  rule?: CliRuleSetting[];
  maxWarnings?: number;
  quiet?: boolean;
  verbose?: boolean;
  config: string | false;
  allowOutside?: boolean;
  now?: string;
  reportUnusedDisableDirectives?: string | true;
  stdinFilename?: string;
  sarifCategory?: string;
  data: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('find gaps in journey maps (stages nobody owns, steps with no channel, KPIs with no target...) after validating them')
    .argument('[paths...]', "files, directories or globs (default: the config's include set); - reads stdin")
    .addOption(new Option('-f, --format <format>', 'output format (default: stylish; github + stylish when GITHUB_ACTIONS=true)').choices(OUTPUT_FORMAT_IDS))
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .option('--rule <id:severity>', 'set a rule\'s severity (off, info, warn, error), over the config; repeatable', collectRule)
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount)
    .option('--quiet', 'report errors only: drop warnings and infos')
    .option('--verbose', 'list infos in the stylish report too (by default its summary only counts them)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option(...ALLOW_OUTSIDE)
    .option('--now <date>', '"today" for date rules, as YYYY-MM-DD (default: CJM_NOW, else the real date)')
    .option('--report-unused-disable-directives [severity]', 'report cjm-disable comments that suppress nothing (error, warn or info; default warn)')
    .option('--stdin-filename <name>', 'file name to report for stdin (also matched by overrides and ignore)')
    .option('--sarif-category <name>', 'with -f sarif: the run\'s category for code scanning (automationDetails.id, default cjm), to upload several runs to one repository', parseCategory)
    .option('--no-data', "ignore the config's KPI data sources (data:): KPIs keep the values written in the journeys")
    .option('--cache', CACHE_HELP)
    .option('--cache-location <path>', CACHE_LOCATION_HELP)
    .addHelpText('after', outputFormatsHelp())
    .action(action(async (paths: string[], options: LintCliOptions) => runLint(paths, options)));
}

function collectRule(value: string, previous: CliRuleSetting[] | undefined): CliRuleSetting[] {
  const match = /^([^:\s]+):(off|info|warn|error)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected RULE-ID:SEVERITY with a severity of off, info, warn or error, e.g. --rule stage-kpi:off');
  return [...(previous ?? []), { id: match[1], severity: match[2] as CliRuleSetting['severity'] }];
}

function parseCategory(value: string): string {
  if (!/^\S+$/.test(value)) throw new InvalidArgumentError('expected a name without spaces, e.g. --sarif-category cjm-journeys');
  return value;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of 0 or more');
  return Number(value);
}

async function runLint(paths: string[], options: LintCliOptions): Promise<void> {
  const { lintFiles } = await import('../lint/engine.js');
  const { ruleMetadata } = await import('../lint/metadata.js');
  const { resolveNow } = await import('../lint/now.js');
  const { loadFormatter } = await import('../formatters/index.js');
  const { cjmVersion } = await import('../version.js');

  if (paths.filter((path) => path === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
  if (options.sarifCategory !== undefined && options.format !== 'sarif') throw new UsageError('--sarif-category applies to SARIF output: add -f sarif');
  const unused = unusedDirectiveSeverity(options.reportUnusedDisableDirectives, paths);
  const run = await lintFiles(paths, {
    ...(await coreOptions(options)),
    ruleSeverities: options.rule,
    now: resolveNow(options.now, cli().env),
    quiet: options.quiet,
    reportUnusedDisableDirectives: unused,
    data: options.data,
    cache: cacheOptions(options),
  });
  if (run.cacheError) writeErr(`cjm: warning: ${run.cacheError}`);

  const toFile = options.output !== undefined;
  // In GitHub Actions, annotations first, then the full report: GitHub shows only 10 annotations of a kind per step.
  const formats: readonly OutputFormatId[] = options.format ? [options.format] : !toFile && cli().env.GITHUB_ACTIONS === 'true' ? ['github', 'stylish'] : ['stylish'];
  const context = {
    colorLevel: toFile ? (0 as const) : await colorLevel('stdout'),
    version: cjmVersion(),
    cwd: cli().cwd,
    verbose: options.verbose,
    rules: ruleMetadata(run.rules),
    sarifCategory: options.sarifCategory,
  };
  let report = '';
  for (const format of formats) report += (await loadFormatter(format))(run.files, context);

  for (const file of run.files) if (file.ioError) writeErr(`cjm: ${file.file}: ${file.ioError}`);
  if (toFile) await writeReport(options.output!, report);
  else writeOut(report);

  const tooManyWarnings = options.maxWarnings !== undefined && run.summary.warnings > options.maxWarnings;
  if (tooManyWarnings) writeErr(`cjm: ${run.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  raiseExitCode(run.summary.ioErrors > 0 ? EXIT.error : run.summary.errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok);
}

/**
 * `--report-unused-disable-directives` takes an optional severity. Commander
 * gives an optional value the next word, so `--report-unused-disable-directives
 * journeys/` would swallow a path: a word that is not a severity goes back to
 * the paths.
 */
function unusedDirectiveSeverity(value: string | true | undefined, paths: string[]): Severity | false {
  if (value === undefined) return false;
  if (value === true) return 'warn';
  if (SEVERITIES.includes(value)) return value as Severity;
  paths.push(value);
  return 'warn';
}

async function writeReport(path: string, report: string): Promise<void> {
  const { writeFileAtomic } = await import('../io/write.js');
  await writeFileAtomic(cliPath(path), report);
}
