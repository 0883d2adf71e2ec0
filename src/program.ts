import { Command } from 'commander';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerDiff } from './commands/diff.js';
import { registerRender } from './commands/render.js';
import { registerReport } from './commands/report.js';
import { registerFmt } from './commands/fmt.js';
import { registerInit } from './commands/init.js';
import { registerData } from './commands/data.js';
import { cli } from './commands/context.js';
import { cjmVersion } from './version.js';

/**
 * The command line: wiring only. Each command lives in src/commands/<name>.ts
 * and loads what it needs lazily when it runs. A new program per run: commander
 * keeps parsed options on the instance.
 */
export function createProgram(): Command {
  const { stdout, stderr } = cli();
  const program = new Command('cjm')
    .description('Customer journey maps as code: validate, lint, render and diff journey YAML files.')
    .version(cjmVersion(), '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run cjm --help for usage)')
    // Set before the commands are added: subcommands copy these settings when they are created.
    .configureOutput({
      writeOut: (text) => void stdout.write(text),
      writeErr: (text) => void stderr.write(text),
      getOutHelpWidth: () => (stdout.isTTY ? (process.stdout.columns ?? 80) : 80),
      getErrHelpWidth: () => (stderr.isTTY ? (process.stderr.columns ?? 80) : 80),
    })
    .exitOverride();

  registerValidate(program);
  registerLint(program);
  registerRules(program);
  registerSchema(program);
  registerDiff(program);
  registerRender(program);
  registerReport(program);
  registerFmt(program);
  registerInit(program);
  registerData(program);
  return program;
}
