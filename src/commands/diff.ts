import { Option, type Command } from 'commander';
import { cli } from './context.js';
import { action, ALLOW_OUTSIDE, colorLevel, EXIT, raiseExitCode, UsageError, writeErr, writeOut, writeErrText } from './io.js';

interface DiffCommandOptions {
  rev?: string;
  format: 'text' | 'markdown' | 'json';
  exitCode?: boolean;
  config: string | false;
  allowOutside?: boolean;
  data: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare journeys by meaning: two files, or each journey file with its version at a git revision')
    .argument('[paths...]', 'OLD NEW without --rev; with --rev, the files, directories or globs to compare (default: the workspace)')
    .option('-r, --rev <rev>', 'compare with this git revision (a commit, branch or tag: HEAD~1, origin/main)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when something differs (default: 0, the diff is a report)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option(...ALLOW_OUTSIDE)
    .option('--no-data', "ignore the config's KPI data sources (data:); with --rev the data files are read at REV too")
    .action(
      action(async (paths: string[], options: DiffCommandOptions) => {
        if (options.rev === undefined && paths.length !== 2) {
          throw new UsageError('give two journey files (cjm diff OLD NEW), or a revision (cjm diff --rev REV [paths...])');
        }
        if (paths.includes('-')) throw new UsageError('cjm diff reads files, not stdin (-)');
        const diff = await import('../diff/index.js');
        const workspace = { cwd: cli().cwd, config: options.config, allowOutside: options.allowOutside, data: options.data };
        const run = options.rev === undefined ? await diff.diffFiles(paths[0], paths[1], workspace) : await diff.diffRevision(options.rev, paths, workspace);
        for (const line of run.ioErrors) writeErr(`cjm: ${line}`);
        if (run.invalid.length > 0) await reportInvalid(run.invalid);
        const readable = run.ioErrors.length === 0 && run.invalid.length === 0;
        if (readable || run.report.files.length > 0) writeOut(await render(diff, run.report, options.format));
        if (!readable) raiseExitCode(EXIT.error);
        else if (options.exitCode && diff.hasDifferences(run.report)) raiseExitCode(EXIT.findings);
      }),
    );
}

async function render(diff: typeof import('../diff/index.js'), report: import('../diff/index.js').DiffReport, format: DiffCommandOptions['format']): Promise<string> {
  if (format === 'json') return diff.formatJson(report);
  if (format === 'markdown') return diff.formatMarkdown(report);
  return diff.formatText(report, { colorLevel: await colorLevel('stdout') });
}

/** Files that are not a journey: their findings on stderr, as `cjm validate` prints them. */
async function reportInvalid(files: import('../validate/analyze.js').AnalyzedFile[]): Promise<void> {
  const { stylish } = await import('../formatters/stylish.js');
  const { cjmVersion } = await import('../version.js');
  const results = files.map((file) => ({ file: file.file, findings: file.findings }));
  writeErr(`cjm: cannot compare: ${files.map((file) => file.file).join(', ')} ${files.length === 1 ? 'is' : 'are'} not a valid journey`);
  writeErrText(stylish(results, { colorLevel: await colorLevel('stderr'), version: cjmVersion(), cwd: cli().cwd }));
}
