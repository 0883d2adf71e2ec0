import { cjmVersion } from './version.js';

/**
 * Entry point of the `cjm` binary. `cjm --version` answers before commander
 * loads (start-up is measured against a bare `node -e 0`); everything else goes
 * to the command wiring in program.ts.
 */
const [, , only, extra] = process.argv;
if ((only === '--version' || only === '-v') && extra === undefined) process.stdout.write(`${cjmVersion()}\n`);
else await import('./program.js');
