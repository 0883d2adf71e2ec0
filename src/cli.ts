import { cjmVersion } from './version.js';

/**
 * Entry point of the `cjm` binary. `cjm --version` answers before commander
 * loads (start-up is measured against a bare `node -e 0`); everything else goes
 * through main(), the CLI in-process.
 */
const args = process.argv.slice(2);
if ((args[0] === '--version' || args[0] === '-v') && args.length === 1) {
  // A write error (`> /dev/full`, a closed pipe) is one line and exit 2, as in main().
  process.stdout.on('error', async (error) => {
    process.exitCode = 2;
    const { describeIoError } = await import('./load/read.js');
    process.stderr.write(`cjm: cannot write the output (stdout): ${describeIoError(error)}\n`);
  });
  process.stdout.write(`${cjmVersion()}\n`);
} else {
  const { mainAlone } = await import('./main.js');
  process.exitCode = await mainAlone({ argv: args });
}
