import type { z } from 'zod';
import type { CjmConfig, RuleSetting, SeveritySetting } from '../schema/config.js';
import { formatDataPath, type Severity } from '../findings.js';
import { ConfigError, type LoadedConfig } from '../load/config.js';
import { displayPath } from '../load/discover.js';
import { closestMatch } from '../util/suggest.js';
import { describeZodIssue } from '../validate/zod-issues.js';
import type { DeferredOptions, Rule } from './rule.js';
import { isValidationCode } from './validation-codes.js';

/** A rule that runs on a file, with its resolved severity and parsed options. */
export interface ActiveRule {
  rule: Rule<any>;
  severity: Severity;
  options: unknown;
}

/** `--rule id:severity` from the command line: the last word on severities. */
export interface CliRuleSetting {
  id: string;
  severity: SeveritySetting;
}

/** Which rules run on which file, resolved once per run from the defaults, the config and the command line. */
export interface RuleSettings {
  /** Enabled rules for a file; `relativePath` is relative to the config root with `/` separators. */
  forFile(relativePath: string): readonly ActiveRule[];
  /** A rule's options for a file, whatever its severity there (the report reads the dropoff-hotspot threshold). */
  optionsFor(ruleId: string, relativePath: string): unknown;
}

interface RuleState {
  severity: SeveritySetting;
  options: unknown;
}

/** One layer of settings: by rule id, a severity and (when given) already-parsed options. */
type Layer = Map<string, { severity: SeveritySetting; options?: unknown }>;

/**
 * Severity resolution, lowest to highest: the rule's default < config `rules`
 * < each matching `overrides` entry in order (the last match wins) < `--rule`.
 * A setting with options replaces the options; a bare severity keeps the
 * options set by a lower layer (as ESLint does), so `overrides` can turn a
 * configured rule down without repeating its options.
 *
 * Everything is checked up front, so a typo in the config fails the run
 * before any file is read: unknown rule ids and bad options are
 * ConfigErrors that name the key and its line.
 */
export async function resolveRuleSettings(rules: readonly Rule<any>[], config: LoadedConfig, cli: readonly CliRuleSetting[] = [], cwd?: string): Promise<RuleSettings> {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  // Errors name the config file as the user would type it: relative to the working directory.
  const shownPath = config.path && cwd ? displayPath(config.path, cwd) : (config.path ?? 'cjm.config.yaml');
  // Zod loads only to check options a config sets.
  const zod = setsRuleOptions(config.config) ? (await import('zod')).z : undefined;
  const checker = new SettingsChecker(byId, config, shownPath, zod);
  const base = checker.layer(config.config.rules ?? {}, ['rules']);
  const overrides = (config.config.overrides ?? []).map((override, index) => ({
    matches: config.patterns.overrides[index],
    layer: checker.layer(override.rules, ['overrides', index, 'rules']),
  }));
  const cliLayer: Layer = new Map();
  for (const setting of cli) {
    if (!byId.has(setting.id)) throw new ConfigError('--rule', undefined, unknownRuleMessage(setting.id, byId.keys()));
    cliLayer.set(setting.id, { severity: setting.severity });
  }

  const defaults = new Map<string, RuleState>(rules.map((rule) => [rule.id, { severity: rule.defaultSeverity, options: parseDefaultOptions(rule) }]));
  // Files matching the same overrides share one resolved list: a run usually has a handful of distinct lists.
  const cache = new Map<string, readonly ActiveRule[]>();
  const layersFor = (relativePath: string) => {
    const matched = overrides.filter((override) => override.matches(relativePath));
    return { key: matched.map((override) => overrides.indexOf(override)).join(','), layers: [base, ...matched.map((override) => override.layer), cliLayer] };
  };
  return {
    forFile(relativePath) {
      const { key, layers } = layersFor(relativePath);
      let active = cache.get(key);
      if (!active) {
        active = rules.map((rule) => ({ rule, ...resolve(defaults.get(rule.id)!, rule.id, layers) })).filter(isEnabled);
        cache.set(key, active);
      }
      return active;
    },
    optionsFor(ruleId, relativePath) {
      const defaultState = defaults.get(ruleId);
      return defaultState && resolve(defaultState, ruleId, layersFor(relativePath).layers).options;
    },
  };
}

/** A rule's severity and options after the layers, lowest first. */
function resolve(defaultState: RuleState, ruleId: string, layers: readonly Layer[]): RuleState {
  const state = { ...defaultState };
  for (const layer of layers) {
    const setting = layer.get(ruleId);
    if (!setting) continue;
    state.severity = setting.severity;
    if ('options' in setting) state.options = setting.options;
  }
  return state;
}

function isEnabled(state: { rule: Rule<any>; severity: SeveritySetting; options: unknown }): state is ActiveRule {
  return state.severity !== 'off';
}

class SettingsChecker {
  constructor(
    private readonly rules: Map<string, Rule<any>>,
    private readonly config: LoadedConfig,
    private readonly shownPath: string,
    private readonly zod: typeof z | undefined,
  ) {}

  layer(settings: Record<string, RuleSetting>, at: readonly (string | number)[]): Layer {
    const layer: Layer = new Map();
    for (const [id, setting] of Object.entries(settings)) {
      const rule = this.rules.get(id);
      if (!rule) throw this.error([...at, id], unknownRuleMessage(id, this.rules.keys(), formatDataPath(at)));
      if (typeof setting === 'string') layer.set(id, { severity: setting });
      else if (setting.length === 1) layer.set(id, { severity: setting[0] });
      else layer.set(id, { severity: setting[0], options: this.options(rule, setting[1], [...at, id, 1]) });
    }
    return layer;
  }

  private options(rule: Rule<any>, value: unknown, at: readonly (string | number)[]): unknown {
    const zod = this.zod!;
    const parsed = parseRuleOptions(rule, value, zod);
    if (parsed.success) return parsed.data;
    const schema = configOptionsSchema(rule, zod);
    const problem = describeZodIssue(parsed.error.issues[0], value, schema);
    const known = schema instanceof zod.ZodObject ? Object.keys(schema.shape) : [];
    if (known.length === 0) return this.fail([...at, ...problem.path], `rule ${rule.id} takes no options: write just its severity`);
    const allowed = problem.message.includes('allowed') ? '' : ` (options of ${rule.id}: ${known.join(', ')})`;
    return this.fail([...at, ...problem.path], `invalid options for rule ${rule.id}: ${problem.message}${allowed}`);
  }

  private fail(path: readonly (string | number)[], message: string): never {
    throw this.error(path, message);
  }

  private error(path: readonly (string | number)[], message: string): ConfigError {
    return new ConfigError(this.shownPath, this.config.locate(path), message);
  }
}

/** Why `id` names no rule, with a "did you mean"; shared by the config, `--rule` and cjm-disable comments. */
export function unknownRuleMessage(id: string, ruleIds: Iterable<string>, where?: string): string {
  const place = where ? ` in ${where}` : '';
  if (isValidationCode(id)) return `${id}${place} is a validation check, not a lint rule: validation problems cannot be turned off`;
  const suggestion = closestMatch(id, ruleIds);
  return `unknown rule ${JSON.stringify(id)}${place}${suggestion ? `: did you mean ${suggestion}?` : ''} (\`cjm rules\` lists the rules)`;
}

/** Whether any `[severity, { options }]` setting is in the config. */
function setsRuleOptions(config: CjmConfig): boolean {
  const layers = [config.rules ?? {}, ...(config.overrides ?? []).map((override) => override.rules)];
  return layers.some((layer) => Object.values(layer).some((setting) => Array.isArray(setting) && setting.length > 1));
}

function isDeferred<Options>(options: Rule<Options>['options']): options is DeferredOptions<Options> {
  return options !== undefined && !('_zod' in options);
}

/**
 * The schema a config's options for `rule` are read with, made strict when it
 * is an object: a misspelt option (`maxAgeDay: 90`) must be an error, not a
 * silently ignored key. Deferred options may leave any option out.
 */
function configOptionsSchema(rule: Rule<any>, zod: typeof z): z.ZodType {
  const options = rule.options;
  const schema = options === undefined ? zod.object({}) : isDeferred(options) ? options.schema(zod) : options;
  if (!(schema instanceof zod.ZodObject)) return schema;
  return isDeferred(options) ? schema.partial().strict() : schema.strict();
}

/** A config's options for `rule`, checked, with the defaults of the options it leaves out. */
export function parseRuleOptions(rule: Rule<any>, value: unknown, zod: typeof z) {
  const parsed = configOptionsSchema(rule, zod).safeParse(value);
  if (!parsed.success || !isDeferred(rule.options)) return parsed;
  return { ...parsed, data: { ...rule.options.defaults, ...(parsed.data as object) } };
}

function parseDefaultOptions(rule: Rule<any>): unknown {
  if (rule.options === undefined) return {};
  if (isDeferred(rule.options)) return rule.options.defaults;
  const parsed = rule.options.safeParse({});
  // A rule whose schema does not accept `{}` is a bug in the rule: the engine reports it when the rule runs.
  return parsed.success ? parsed.data : {};
}
