import type { Command } from 'commander';
import { action, coreOptions, EXIT, raiseExitCode, UsageError, writeErr, writeOut } from './io.js';

interface SyncCliOptions {
  check?: boolean;
  config: string | false;
}

export function registerData(program: Command): void {
  const data = program.command('data').description('KPI data sources (data: in cjm.config.yaml): see docs/data.md');
  data
    .command('sync')
    .description("write each KPI's latest actual, measured date and source from the data into the journey files, keeping comments and layout")
    .argument('[paths...]', "files, directories or globs (default: the config's include set)")
    .option('--check', 'write nothing; list the files that would change and exit 1 if any would (for CI)')
    .option('-c, --config <file>', 'use this config file instead of searching for cjm.config.yaml')
    .action(action(async (paths: string[], options: SyncCliOptions) => runSync(paths, options)));
}

async function runSync(paths: string[], options: SyncCliOptions): Promise<void> {
  if (paths.includes('-')) throw new UsageError('cjm data sync rewrites files, not stdin: pass paths');
  const { syncFiles } = await import('../data/sync.js');
  const run = await syncFiles(paths, { ...coreOptions(options.config), check: options.check });
  if (!run.hasData) throw new UsageError('the config has no data sources: add data: to cjm.config.yaml (see docs/data.md)');
  let changed = 0;
  for (const file of run.files) {
    if (file.status === 'io-error') {
      writeErr(`cjm: ${file.file}: ${file.ioError}`);
      raiseExitCode(EXIT.error);
    } else if (file.status === 'invalid') {
      writeErr(`cjm: ${file.file}: not a valid journey (run cjm validate); left unchanged`);
      raiseExitCode(EXIT.findings);
    } else if (file.status === 'updated') {
      changed++;
      writeOut(`${file.file}\n${file.changes.map((change) => `  ${change}\n`).join('')}`);
    }
  }
  if (options.check && changed > 0) {
    writeErr(`cjm: ${changed} file${changed === 1 ? ' is' : 's are'} behind the KPI data; run \`cjm data sync\` to update`);
    raiseExitCode(EXIT.findings);
  }
}
