import { Option, type Command } from 'commander';
import { cli } from './context.js';
import { action, writeOut } from './io.js';

// Listed here, not imported from src/init/templates.ts, so `cjm --help` loads no template code.
export const CLI_TEMPLATE_NAMES = ['lifecycle', 'aida', 'mckinsey-loop', 'onboarding', 'service-blueprint'];

interface InitCliOptions {
  template: string;
  id?: string;
  title?: string;
  config?: boolean;
  schema?: string;
  force?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a starter journey from a template (or, with --config, a cjm.config.yaml)')
    .argument('[file]', 'file to write (default: <id or template>.journey.yaml, or cjm.config.yaml); - prints to stdout')
    .addOption(new Option('-t, --template <name>', 'starter journey').choices(CLI_TEMPLATE_NAMES).default('lifecycle'))
    .option('--id <id>', 'the journey id (default: from the file name, else the template name)')
    .option('--title <title>', 'the journey title')
    .option('--config', 'write a cjm.config.yaml listing every lint rule with its default severity')
    .option('--schema <path-or-url>', 'what the $schema modeline points at (default: the installed cjm\'s schemas, relative)')
    .option('-f, --force', 'overwrite an existing file')
    .action(action(async (file: string | undefined, options: InitCliOptions) => runInit(file, options)));
}

async function runInit(file: string | undefined, options: InitCliOptions): Promise<void> {
  const { initConfig, initJourney, InitError } = await import('../init/index.js');
  if (options.config && (options.id !== undefined || options.title !== undefined)) throw new InitError('--id and --title apply to journeys, not to --config');
  const result = options.config
    ? await initConfig({ cwd: cli().cwd, file, schema: options.schema, force: options.force })
    : await initJourney({ cwd: cli().cwd, file, template: options.template, id: options.id, title: options.title, schema: options.schema, force: options.force });
  if (result.file === '-') {
    writeOut(result.text);
    return;
  }
  writeOut(
    options.config
      ? `Wrote ${result.file}: every lint rule at its default severity. \`cjm lint\` uses it from this directory down.\n`
      : `Wrote ${result.file} from the ${options.template} template. Next: \`cjm validate ${result.file}\`, then \`cjm lint ${result.file}\` for the to-do list.\n`,
  );
}
