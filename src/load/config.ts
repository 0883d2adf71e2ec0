import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Catalog, CjmConfig } from '../schema/config.js';
import type { Position } from '../findings.js';
import { displayPath } from './discover.js';
import { UserError } from '../errors.js';
import { maskSecrets } from '../util/secrets.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { parseYaml } from './parse.js';
import { compileConfigPatterns, PatternError, type ConfigPatterns } from './paths.js';
import { ReadError, readTextFile } from './read.js';

const CONFIG_FILE_NAMES = ['cjm.config.yaml', 'cjm.config.yml'] as const;

/** A problem with the configuration or a catalogue: exit code 2, with the key's position. */
export class ConfigError extends UserError {
  constructor(
    readonly file: string,
    readonly position: Position | undefined,
    message: string,
  ) {
    // A config or catalogue path can name any file: what its errors quote is masked.
    super(maskSecrets(message));
  }

  /** `file:line:col: message`, the one-line form printed to stderr, the file relative to `cwd` when below it. */
  describe(cwd = process.cwd()): string {
    const file = displayPath(this.file, cwd);
    const where = this.position ? `${file}:${this.position.line}:${this.position.column}` : file;
    return `${where}: ${this.message}`;
  }
}

export interface LoadedConfig {
  /** Absolute path of the config file; undefined when none was found or --no-config was given. */
  path?: string;
  config: CjmConfig;
  /** The config's include, exclude, ignore and overrides patterns, compiled. */
  patterns: ConfigPatterns;
  /** Position of a key path in the config file, for configuration errors raised later (e.g. unknown rule ids). */
  locate(path: readonly (string | number)[]): Position | undefined;
}

/** Finds cjm.config.yaml by searching upward from `startDir`. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadConfig(path: string | undefined, allowOutside = false): Promise<LoadedConfig> {
  if (!path) return { config: {}, patterns: compileConfigPatterns({}), locate: () => undefined };
  const { data, locate } = await loadYamlWithSchema<CjmConfig>(path, 'config');
  try {
    return { path, config: data, patterns: compileConfigPatterns(data, allowOutside), locate };
  } catch (error) {
    if (error instanceof PatternError) throw new ConfigError(path, locate(error.at), error.message);
    throw error;
  }
}

/**
 * The path of a `__proto__` key, if any. Zod's records assign keys into a
 * plain object, where `__proto__` sets the prototype instead: `rules:
 * {__proto__: off}` vanished without a word. Refused before the schema runs.
 */
function protoKeyPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (key === '__proto__') return at;
    const found = protoKeyPath(child, at);
    if (found) return found;
  }
  return undefined;
}

/** A catalogue file, within the config's limits (`limits.maxFileSize` covers catalogues as its message says). */
export async function loadCatalogFile(path: string, limits: Limits = DEFAULT_LIMITS): Promise<Catalog> {
  return (await loadYamlWithSchema<Catalog>(path, 'catalog', limits)).data;
}

const WHAT = { config: 'configuration', catalog: 'catalogue' } as const;

async function loadYamlWithSchema<T>(path: string, kind: keyof typeof WHAT, limits: Limits = DEFAULT_LIMITS): Promise<{ data: T; locate: (p: readonly (string | number)[]) => Position | undefined }> {
  const what = WHAT[kind];
  let read;
  try {
    read = await readTextFile(path, limits);
  } catch (error) {
    throw new ConfigError(path, undefined, `cannot read the ${what} file: ${(error as ReadError).message}`);
  }
  if (!read.ok) throw new ConfigError(path, undefined, read.message);
  const parsed = parseYaml(read.text, limits);
  // An empty config or catalogue (or one of comments only) sets nothing, which is fine.
  const firstError = parsed.problems.find((problem) => problem.severity === 'error' && problem.code !== 'empty-file');
  if (firstError) throw new ConfigError(path, firstError, firstError.message);
  const data = parsed.data ?? {};
  const locate = (p: readonly (string | number)[]) => parsed.positions().locate(p);
  const proto = protoKeyPath(data, []);
  if (proto) throw new ConfigError(path, parsed.positions().locate(proto, 'key'), `invalid ${what}: \`__proto__\` is not a key cjm knows (nor a rule id); remove it`);
  // The checks compiled from the JSON Schemas: loaded only when there is a config, a file alone in a folder has none.
  const { isConfig, isCatalog } = await import('../schema/config-validators.generated.js');
  if ((kind === 'config' ? isConfig : isCatalog)(data)) return { data: data as T, locate };
  // Zod and its messages load only to say what is wrong with a file the compiled check refused.
  const [schemas, { describeZodIssue }] = await Promise.all([import('../schema/config.js'), import('../validate/zod-issues.js')]);
  const schema = kind === 'config' ? schemas.configSchema : schemas.catalogSchema;
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data as T, locate };
  const problem = describeZodIssue(result.error.issues[0], data, schema);
  throw new ConfigError(path, parsed.positions().locate(problem.path, problem.target), `invalid ${what}: ${problem.message}`);
}
