import { Option, type Command } from 'commander';
import { cli } from './context.js';
import { CACHE_HELP, CACHE_LOCATION_HELP, cacheOptions } from './cache.js';
import { action, ALLOW_OUTSIDE, colorLevel, coreOptions, EXIT, raiseExitCode, UsageError, writeErr, writeOut, type WorkspaceFlags } from './io.js';
import { OUTPUT_FORMAT_IDS, outputFormatsHelp, type OutputFormatId } from '../formatters/index.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check journey files against the format: YAML syntax, schema and references')
    .argument('[paths...]', 'files, directories or globs (default: the config\'s include set); - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMAT_IDS).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option(...ALLOW_OUTSIDE)
    .option('--stdin-filename <name>', 'file name to report for stdin')
    .option('--no-data', "ignore the config's KPI data sources (data:): KPIs keep the values written in the journeys")
    .option('--cache', CACHE_HELP)
    .option('--cache-location <path>', CACHE_LOCATION_HELP)
    .addHelpText('after', outputFormatsHelp())
    .action(
      action(async (paths: string[], options: { format: OutputFormatId; data: boolean; cache?: boolean; cacheLocation?: string } & WorkspaceFlags) => {
        const { validateFiles } = await import('../validate/index.js');
        const { loadFormatter } = await import('../formatters/index.js');
        const { cjmVersion } = await import('../version.js');
        if (paths.filter((path) => path === '-').length > 1) throw new UsageError('stdin (-) can be read only once');
        const run = await validateFiles(paths, { ...(await coreOptions(options)), data: options.data, cache: cacheOptions(options) });
        if (run.cacheError) writeErr(`cjm: warning: ${run.cacheError}`);
        const formatter = await loadFormatter(options.format);
        for (const file of run.files) if (file.ioError) writeErr(`cjm: ${file.file}: ${file.ioError}`);
        writeOut(formatter(run.files, { colorLevel: await colorLevel('stdout'), version: cjmVersion(), cwd: cli().cwd }));
        const failed = run.files.some((file) => file.findings.some((finding) => finding.severity === 'error'));
        raiseExitCode(run.files.some((file) => file.ioError) ? EXIT.error : failed ? EXIT.findings : EXIT.ok);
      }),
    );
}
