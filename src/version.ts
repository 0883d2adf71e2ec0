import { readFileSync } from 'node:fs';

/** cjm's version, from package.json (read once, at the first call). */
let cached: string | undefined;
export function cjmVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
