import { Option, type Command } from 'commander';
import type { LineEnding } from '../fmt/index.js';
import { action, coreOptions, EXIT, raiseExitCode, UsageError, writeErr, writeOut } from './io.js';

interface FmtCliOptions {
  check?: boolean;
  diff?: boolean;
  eol?: LineEnding;
  config: string | false;
  stdinFilename?: string;
}

export function registerFmt(program: Command): void {
  program
    .command('fmt')
    .description('rewrite journey files in the canonical layout, keeping every comment and value')
    .argument('[paths...]', "files, directories or globs (default: the config's include set); - formats stdin to stdout")
    .option('--check', 'write nothing; list the files that would change and exit 1 if any would')
    .option('--diff', 'write nothing; print what would change as a unified diff (exit 1 if anything would)')
    .addOption(new Option('--eol <ending>', "write these line endings (default: each file keeps its own)").choices(['lf', 'crlf']))
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .option('--no-config', 'use no config file')
    .option('--stdin-filename <name>', 'file name to report for stdin')
    .action(action(async (paths: string[], options: FmtCliOptions) => runFmt(paths, options)));
}

async function runFmt(paths: string[], options: FmtCliOptions): Promise<void> {
  const { formatFiles } = await import('../fmt/index.js');
  const { unifiedDiff } = await import('../fmt/line-diff.js');
  const fromStdin = paths.includes('-');
  if (fromStdin && paths.length > 1) throw new UsageError('- (stdin) formats one text to stdout; give it alone');
  const dryRun = Boolean(options.check || options.diff);
  const results = await formatFiles(paths, { ...coreOptions(options.config, options.stdinFilename), check: dryRun, eol: options.eol });

  let changed = 0;
  for (const result of results) {
    if (result.status === 'io-error') {
      writeErr(`cjm: ${result.file}: ${result.ioError}`);
      raiseExitCode(EXIT.error);
    } else if (result.status === 'invalid') {
      for (const problem of result.problems) writeErr(`${result.file}:${problem.line}:${problem.column}: ${problem.message} (${problem.code}); file left unchanged`);
      raiseExitCode(EXIT.findings);
    } else if (fromStdin && !dryRun) {
      writeOut(result.output!);
    } else if (result.status === 'formatted') {
      changed += 1;
      if (options.diff) writeOut(unifiedDiff(result.file, result.input!, result.output!));
      else writeOut(`${result.file}\n`);
    }
  }
  if (dryRun && changed > 0) {
    const noun = changed === 1 ? 'file is' : 'files are';
    const command = ['cjm fmt', ...(options.eol ? [`--eol ${options.eol}`] : []), ...paths].join(' ');
    writeErr(`cjm: ${changed} ${noun} not in the canonical layout; run \`${command}\` to rewrite`);
    raiseExitCode(EXIT.findings);
  }
}
