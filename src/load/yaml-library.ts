import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use: clean files take the js-yaml fast
 * path and never need it, and loading it costs about 30 ms of every start-up.
 */
export function yamlLibrary(): typeof Yaml {
  return (loaded ??= require('yaml') as typeof Yaml);
}
