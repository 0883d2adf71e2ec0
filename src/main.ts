import { CommanderError } from 'commander';
import { cli, runAlone, runInContext, type CliContext, type OutputStream } from './commands/context.js';
import { describeIoError } from './load/read.js';
import { EXIT, raiseExitCode, reportFailure } from './commands/io.js';
import { createProgram } from './program.js';

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
  return run(options, runInContext);
}

/** main() for the binary, whose run is the only one in its process (see runAlone). */
export async function mainAlone(options: MainOptions): Promise<number> {
  return run(options, runAlone);
}

async function run(options: MainOptions, runIn: typeof runInContext): Promise<number> {
  const context: CliContext = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    exitCode: EXIT.ok,
    debug: options.argv.includes('--debug'),
  };
  // dist/ is a bundle: with --debug, stack traces name the files and lines of src/ (its source maps).
  if (context.debug) process.setSourceMapsEnabled(true);
  const output = watchOutput(context);
  return runIn(context, async () => {
    try {
      await createProgram().parseAsync([...options.argv], { from: 'user' });
    } catch (error) {
      // Help and version are not errors; every other usage problem is exit 2 (commander would use 1).
      if (error instanceof CommanderError) raiseExitCode(error.exitCode === 0 ? EXIT.ok : EXIT.error);
      else reportFailure(error);
    }
    await output.flushed();
    return cli().exitCode;
  });
}

/**
 * Write errors on stdout and stderr (`> /dev/full`, a pager quit early: EPIPE)
 * arrive as 'error' events, which unhandled print a stack trace and exit 1.
 * Here they are one line on stderr (when stderr still works) and exit 2; the
 * stream is then left alone, as the output is lost anyway.
 */
function watchOutput(context: CliContext): { flushed(): Promise<void> } {
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = context[name];
    stream.on?.('error', (error: Error) => {
      if (context.failedOutput?.includes(name)) return;
      context.failedOutput = [...(context.failedOutput ?? []), name];
      context.exitCode = Math.max(context.exitCode, EXIT.error);
      if (name === 'stdout' && !context.failedOutput.includes('stderr')) {
        context.stderr.write(`cjm: cannot write the output (stdout): ${describeIoError(error)}\n`);
      }
    });
  }
  return {
    // A write's callback runs once the data is out, or failed: by then any 'error' has been handled.
    flushed: () => Promise.all((['stdout', 'stderr'] as const).map((name) => flush(context, name))).then(() => undefined),
  };
}

function flush(context: CliContext, name: 'stdout' | 'stderr'): Promise<void> {
  const stream = context[name] as OutputStream & { write(chunk: string, callback: (error?: Error | null) => void): boolean };
  if (context.failedOutput?.includes(name) || typeof stream.on !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    try {
      stream.write('', () => setImmediate(resolve));
    } catch {
      resolve();
    }
  });
}
