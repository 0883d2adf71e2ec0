import { cli, runInContext, type CliContext } from './commands/context.js';
import { EXIT, raiseExitCode, reportFailure } from './commands/io.js';

export interface MainOptions {
  /** The arguments after `cjm`. */
  argv: readonly string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: CliContext['stdin'];
  stdout?: CliContext['stdout'];
  stderr?: CliContext['stderr'];
}

/**
 * The whole command line, in-process: parses `argv`, runs the command against
 * the given working directory, environment and streams, and returns the exit
 * code (0 clean, 1 findings, 2 errors). The binary is one caller; tests are the
 * other, which is why nothing here reads `process` beyond the defaults.
 */
export async function main(options: MainOptions): Promise<number> {
  const context: CliContext = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    exitCode: EXIT.ok,
    debug: options.argv.includes('--debug'),
  };
  return runInContext(context, async () => {
    const { CommanderError } = await import('commander');
    const { createProgram } = await import('./program.js');
    try {
      await createProgram().parseAsync([...options.argv], { from: 'user' });
    } catch (error) {
      // Help and version are not errors; every other usage problem is exit 2 (commander would use 1).
      if (error instanceof CommanderError) raiseExitCode(error.exitCode === 0 ? EXIT.ok : EXIT.error);
      else reportFailure(error);
    }
    return cli().exitCode;
  });
}
