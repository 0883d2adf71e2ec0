import { cjmVersion } from './version.js';

/**
 * Entry point of the `cjm` binary. `cjm --version` answers before commander
 * loads (start-up is measured against a bare `node -e 0`); everything else goes
 * through main(), the CLI in-process.
 */
const args = process.argv.slice(2);
if ((args[0] === '--version' || args[0] === '-v') && args.length === 1) process.stdout.write(`${cjmVersion()}\n`);
else {
  const { mainAlone } = await import('./main.js');
  process.exitCode = await mainAlone({ argv: args });
}
