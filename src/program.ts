import { Command, CommanderError } from 'commander';
import { registerSchema } from './commands/schema.js';
import { registerValidate } from './commands/validate.js';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerDiff } from './commands/diff.js';
import { registerRender } from './commands/render.js';
import { registerReport } from './commands/report.js';
import { registerFmt } from './commands/fmt.js';
import { registerInit } from './commands/init.js';
import { EXIT, raiseExitCode, reportFailure } from './commands/io.js';
import { cjmVersion } from './version.js';

/**
 * The command line: wiring only. Each command lives in src/commands/<name>.ts
 * and loads what it needs lazily when it runs.
 */
const program = new Command('cjm')
  .description('Customer journey maps as code: validate, lint, render and diff journey YAML files.')
  .version(cjmVersion(), '-v, --version')
  .option('--debug', 'print stack traces of internal errors')
  .showHelpAfterError('(run cjm --help for usage)')
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are not errors; every other usage problem is exit 2 (commander would use 1).
    raiseExitCode(error.exitCode === 0 ? EXIT.ok : EXIT.error);
  } else {
    reportFailure(error, process.argv.includes('--debug'));
  }
}
