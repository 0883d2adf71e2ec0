import type { z } from 'zod';
import type { Journey } from '../schema/journey.js';
import type { DataPath, Severity } from '../findings.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import type { JourneyData } from '../data/match.js';
import type { DataPosition } from '../data/load.js';

/**
 * A lint rule: one self-contained module in src/rules/<id>.ts that
 * default-exports `defineRule({...})`. It reports by data path; the engine turns
 * paths into file:line:col, applies severities, overrides and suppressions.
 */
export interface Rule<Options = Record<string, never>> {
  /** Kebab-case id, the file name, fixed once published. */
  id: string;
  /** One line, shown by `cjm rules` and in SARIF. */
  description: string;
  defaultSeverity: Severity | 'off';
  /**
   * The options a config may set: a Zod schema with defaults (parsing `{}`
   * gives the default options), or the defaults and a schema built only when
   * a config sets this rule's options, which keeps Zod out of a run's
   * start-up (the built-in rules). A rule that takes no options leaves it out.
   */
  options?: z.ZodType<Options> | DeferredOptions<Options>;
  /** Set when findings depend on `now`: a cached result of the rule holds for the day it was computed (`--cache`). */
  readsToday?: true;
  check(journey: Journey, context: RuleContext<Options>): void;
}

export interface DeferredOptions<Options> {
  /** What `check` gets when the config sets no options. */
  defaults: Options;
  /** The options as a config writes them, any of them left out (they keep their defaults); `zod` is the engine's Zod. */
  schema(zod: typeof z): z.ZodType<Partial<Options>>;
}

export interface RuleContext<Options> {
  options: Options;
  /** Catalogue as seen from this journey: built-ins, shared catalogue and its own declarations. */
  catalog: ResolvedCatalog;
  /** Ids of every journey in the workspace (the config's include set, or the run's files). */
  journeyIds: ReadonlySet<string>;
  /** "Today", injectable so tests and golden files do not age (`--now` / CJM_NOW). */
  now: Date;
  /** What the run's KPI data says about this journey (undefined without `data:` or with --no-data). */
  data?: JourneyData;
  /** Reports a finding at a data path; `target: 'key'` points at the key, not its value. */
  report(finding: RuleReport): void;
}

export interface RuleReport {
  path: DataPath;
  target?: 'key' | 'value';
  message: string;
  /** A row of a KPI data file the finding is about: it is reported there, not in the journey file. */
  at?: DataPosition;
}

/** Identity helper that gives rule modules their types. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}
