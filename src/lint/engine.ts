import { resolve } from 'node:path';
import type { Journey } from '../schema/journey.js';
import { compareFindings, countFindings, detachText, findingAtStart, limitFindings, TOO_MANY_FINDINGS, type FileResult, type Finding, type FindingCounts, type Severity } from '../findings.js';
import { catalogForJourney } from '../load/catalog.js';
import type { Workspace } from '../load/workspace.js';
import { patternPath } from '../load/paths.js';
import type { PositionIndex } from '../positions.js';
import { RULES } from '../rules/index.js';
import { prepareRun, runScope, type RunContext, type RunScope } from '../load/prepare.js';
import { withWorkerPool, type WorkerPool } from '../run/parallel.js';
import { analyzeFile, type AnalyzedFile } from '../validate/analyze.js';
import { analyzeFiles, type ValidateOptions } from '../validate/index.js';
import { mayHoldDirectives, parseDirectives, Suppressions, type Directive } from './directives.js';
import type { Rule, RuleReport } from './rule.js';
import { resolveRuleSettings, unknownRuleMessage, type ActiveRule, type CliRuleSetting, type RuleSettings } from './settings.js';
import { withDataFiles } from '../data/findings.js';
import { seriesOfUnknownJourneys } from '../data/match.js';
import { workspaceFiles } from '../load/workspace.js';
import type { CacheOptions } from '../cache/run.js';

export interface LintOptions extends ValidateOptions {
  /** The rules to know about. Default: every rule in src/rules (RULES). */
  rules?: readonly Rule<any>[];
  /** `--rule id:severity` settings: they win over the config. */
  ruleSeverities?: readonly CliRuleSetting[];
  /** "Today" for date rules. Default: the real date. */
  now?: Date;
  /** Report errors only (drop warn and info findings), as `--quiet`. */
  quiet?: boolean;
  /** Report cjm-disable comments that suppressed nothing, at this severity. */
  reportUnusedDisableDirectives?: Severity | false;
  /** Keep each valid file's parsed journey in the result. Default false: results stay small. */
  keepJourneys?: boolean;
}

/** Whether a run may use `options.cache`: custom rules and kept journeys are not part of the cache's key. */
function cacheFor(options: LintOptions): CacheOptions | undefined {
  return options.rules || options.keepJourneys ? undefined : options.cache;
}

export interface LintedFile extends FileResult {
  journey?: Journey;
}

export interface LintSummary extends FindingCounts {
  /** Files read and checked (not counting those that could not be read). */
  files: number;
  /** Findings silenced by cjm-disable comments. */
  suppressed: number;
  /** Files that could not be read (exit code 2). */
  ioErrors: number;
}

export interface LintRun {
  files: LintedFile[];
  summary: LintSummary;
  /** The rules known to this run (enabled or not), for formats that describe them. */
  rules: readonly Rule<any>[];
  /** A rule's options for a file of the run as the config sets them (overrides included), whatever its severity. */
  ruleOptions(file: string, ruleId: string): unknown;
  /** Entries of `files` that are KPI data files (or the config, for a missing one), not journeys. */
  dataFiles?: readonly string[];
  /** Why the cache could not be written, when it could not (the findings stand). */
  cacheError?: string;
}

/**
 * Lints journey files: validation first (its findings are lint findings and
 * cannot be suppressed), then every enabled rule on every file with no
 * validation error. The programmatic form of `cjm lint`.
 *
 * Throws ConfigError for a bad `rules`/`overrides` setting or `--rule`, and
 * DiscoveryError for a path that matches nothing.
 */
export async function lintFiles(patterns: readonly string[], options: LintOptions = {}): Promise<LintRun> {
  const rules = options.rules ?? RULES;
  // Custom rules and kept journeys cannot cross to a worker thread as plain data.
  // A cached run checks only the files that changed, in this thread: most runs have few.
  const shareable = !options.rules && !options.keepJourneys && !cacheFor(options);
  const request = { processor: PROCESSOR, enabled: shareable, workers: options.workers === undefined ? undefined : { count: options.workers, asked: true } };
  return withWorkerPool(request, (pool) => lintWith(pool, rules, patterns, options));
}

/** processor.ts as the bundle names it: dist/ is flat (scripts/build.mjs), so this URL holds from any chunk. */
const PROCESSOR = new URL('./lint-processor.js', import.meta.url);

/** What a worker thread needs to lint as this thread does (src/lint/processor.ts). */
export interface LintJob {
  scope: RunScope;
  ruleSeverities?: readonly CliRuleSetting[];
  now: number;
  quiet?: boolean;
  reportUnusedDisableDirectives?: Severity | false;
}

async function lintWith(pool: WorkerPool | undefined, rules: readonly Rule<any>[], patterns: readonly string[], options: LintOptions): Promise<LintRun> {
  const { workspace, files, context } = await prepareRun(patterns, options);
  context.positions = 'eager';
  const settings = await resolveRuleSettings(rules, workspace.config, options.ruleSeverities, workspace.cwd);
  const linter = new FileLinter(workspace, context, settings, rules, options);
  const kept = files.filter((file) => !linter.isIgnored(file));
  const cache = cacheFor(options);
  if (cache) return lintWithCache(linter, kept, context, rules, options, { cache, wholeWorkspace: patterns.length === 0 });
  if (pool?.shares(kept)) {
    const job: LintJob = {
      scope: runScope(context),
      ruleSeverities: options.ruleSeverities,
      now: linter.now.getTime(),
      quiet: options.quiet,
      reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    };
    const { results, totals } = await pool.run(kept, { options: job, runHere: async (file) => linter.lint(await analyzeFile(file, context)) });
    linter.addSuppressed(totals.suppressed ?? 0);
    return linter.run(results, await linter.dataFindings(kept), rules);
  }
  const results: LintedFile[] = [];
  for await (const analyzed of analyzeFiles(kept, context)) results.push(linter.lint(analyzed));
  return linter.run(results, await linter.dataFindings(kept), rules);
}

async function lintWithCache(linter: FileLinter, files: string[], context: RunContext, rules: readonly Rule<any>[], options: LintOptions, scope: { cache: CacheOptions; wholeWorkspace: boolean }): Promise<LintRun> {
  // The cache's code loads only for a run that uses it.
  const { checkWithCache, dayOf } = await import('../cache/run.js');
  const settings = {
    command: 'lint' as const,
    options: { rules: options.ruleSeverities ?? [], quiet: options.quiet ?? false, unused: options.reportUnusedDisableDirectives ?? false },
    data: options.data !== false,
    today: dayOf(linter.now),
    ...scope,
  };
  const { results, cacheError } = await checkWithCache(files, context, settings, {
    check: (analyzed) => {
      const before = linter.suppressedCount;
      const result = linter.lint(analyzed);
      return { result, readsToday: linter.readsToday(analyzed.file), suppressed: linter.suppressedCount - before };
    },
    reuse: (entry, file) => {
      linter.addSuppressed(entry.suppressed ?? 0);
      return { file, findings: entry.findings };
    },
  });
  const run = linter.run(results, await linter.dataFindings(files), rules);
  return cacheError ? { ...run, cacheError } : run;
}

/** Lints one analysed file at a time; shared by the main thread and worker threads (src/run/). */
export class FileLinter {
  private readonly ruleIds: ReadonlySet<string>;
  readonly now: Date;
  private suppressed = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly context: RunContext,
    private readonly settings: RuleSettings,
    rules: readonly Rule<any>[],
    private readonly options: LintOptions,
  ) {
    this.ruleIds = new Set(rules.map((rule) => rule.id));
    this.now = options.now ?? new Date();
  }

  isIgnored(file: string): boolean {
    return this.workspace.config.patterns.ignore(this.relativeToRoot(file));
  }

  /** The path config globs are matched against: relative to the config's directory, with `/`. */
  private relativeToRoot(file: string): string {
    const shown = file === '-' ? (this.context.stdinFilename ?? '<stdin>') : file;
    return patternPath(this.workspace.root, resolve(this.workspace.cwd, shown));
  }

  /** Whether a rule that runs on `file` reads "today" (stale-review, kpi-stale). */
  readsToday(file: string): boolean {
    return this.settings.forFile(this.relativeToRoot(file)).some(({ rule }) => rule.readsToday);
  }

  lint(analyzed: AnalyzedFile): LintedFile {
    if (analyzed.ioError) return { file: analyzed.file, findings: [], ioError: analyzed.ioError };
    const { file, journey } = analyzed;
    const findings: Finding[] = [...analyzed.findings];
    // A file with more validation findings than are listed gets no rule findings: they would not be listed either.
    const valid = journey !== undefined && !findings.some((finding) => finding.severity === 'error' || finding.ruleId === TOO_MANY_FINDINGS);
    const directives = analyzed.text !== undefined && mayHoldDirectives(analyzed.text) ? parseDirectives(analyzed.text) : [];

    if (valid) {
      const all = this.runRules(analyzed, journey, this.settings.forFile(this.relativeToRoot(file)));
      // Findings in data files cannot be silenced by comments in the journey: their lines are another file's.
      const ruleFindings = all.filter((finding) => finding.file === file);
      findings.push(...all.filter((finding) => finding.file !== file), ...(analyzed.data?.findings ?? []));
      if (directives.length > 0) {
        const suppressions = new Suppressions(directives, analyzed.text!);
        const kept = ruleFindings.filter((finding) => !suppressions.suppresses(finding.ruleId, finding.line));
        this.suppressed += ruleFindings.length - kept.length;
        append(findings, kept);
        if (this.options.reportUnusedDisableDirectives) append(findings, this.unusedDirectiveFindings(file, suppressions, this.options.reportUnusedDisableDirectives));
      } else {
        append(findings, ruleFindings);
      }
    }
    append(findings, this.invalidDirectiveFindings(file, directives));

    const reported = this.options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings;
    const limited = limitFindings(reported.sort(compareFindings), this.workspace.limits.maxFindings);
    return { file, findings: limited, ...(this.options.keepJourneys && journey ? { journey } : {}) };
  }

  private runRules(analyzed: AnalyzedFile, journey: Journey, active: readonly ActiveRule[]): Finding[] {
    const findings: Finding[] = [];
    const catalog = catalogForJourney(this.workspace.catalog, journey);
    // Positions are lazy: a file that took the fast parse path pays for them only when a rule reports.
    let positions: PositionIndex | undefined;
    for (const { rule, severity, options } of active) {
      const reports: RuleReport[] = [];
      try {
        rule.check(journey, { options, catalog, journeyIds: this.context.journeyIds, now: this.now, data: analyzed.data, report: (report) => reports.push(report) });
        if (reports.length === 0) continue;
        for (const report of reports) {
          const message = detachText(report.message);
          if (report.at) {
            const { file, line, column } = report.at;
            findings.push({ file, line, column, endLine: line, endColumn: column, ruleId: rule.id, severity, message });
            continue;
          }
          positions ??= analyzed.source!.positions();
          findings.push({ file: analyzed.file, ...positions.locate(report.path, report.target), ruleId: rule.id, severity, message });
        }
      } catch (error) {
        // One broken rule must not hide every other finding of the run.
        const reason = error instanceof Error ? error.message : String(error);
        findings.push(findingAtStart(analyzed.file, 'rule-error', `rule ${rule.id} failed on this file (${reason}); this is a bug in cjm, please report it`));
      }
    }
    return findings;
  }

  /** Rule ids that name no rule are left to invalidDirectiveFindings: one finding per cause. */
  private unusedDirectiveFindings(file: string, suppressions: Suppressions, severity: Severity): Finding[] {
    const unused = suppressions.unused().filter(({ ruleId }) => ruleId === undefined || this.ruleIds.has(ruleId));
    return unused.map(({ directive, ruleId }) => ({
      ...directivePosition(file, directive),
      ruleId: 'unused-disable-directive',
      severity,
      message: ruleId
        ? `unused cjm-${directive.kind} directive: no ${ruleId} finding to suppress; remove ${ruleId} from the comment`
        : `unused cjm-${directive.kind} directive: no finding to suppress; remove the comment`,
    }));
  }

  /** Directives that name something other than a lint rule would silently suppress nothing: say so. */
  private invalidDirectiveFindings(file: string, directives: readonly Directive[]): Finding[] {
    const findings: Finding[] = [];
    for (const directive of directives) {
      for (const id of directive.ruleIds) {
        if (this.ruleIds.has(id)) continue;
        findings.push({
          ...directivePosition(file, directive),
          ruleId: 'invalid-disable-directive',
          severity: 'warn',
          message: unknownRuleMessage(id, this.ruleIds, `cjm-${directive.kind}`),
        });
      }
    }
    return findings;
  }

  /**
   * Findings of the run's KPI data as a whole: problems reading it, and, when
   * the run covers every journey of the workspace, rows naming a journey that
   * does not exist (a run on some files checks only the rows of its journeys).
   */
  async dataFindings(files: readonly string[]): Promise<Finding[]> {
    const data = this.context.kpiData;
    if (!data) return [];
    const findings = data.findings.filter((finding) => !this.options.quiet || finding.severity === 'error');
    const all = await workspaceFiles(this.workspace);
    const linted = new Set(files);
    if (!all.every((file) => linted.has(file))) return findings;
    for (const { series, reason, at } of seriesOfUnknownJourneys(data, this.context.journeyIds)) {
      const active = this.settings.forFile(patternPath(this.workspace.root, resolve(this.workspace.cwd, at.file))).find(({ rule }) => rule.id === 'kpi-data-unmatched');
      if (!active || (this.options.quiet && active.severity !== 'error')) continue;
      findings.push({ file: at.file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column, ruleId: 'kpi-data-unmatched', severity: active.severity, message: `${series.metric} data matches no KPI: ${reason}` });
    }
    return findings;
  }

  get suppressedCount(): number {
    return this.suppressed;
  }

  /** Adds findings suppressed in worker threads to this run's count. */
  addSuppressed(count: number): void {
    this.suppressed += count;
  }

  /** The run's result: the linted files, then the KPI data files that have findings. */
  run(results: LintedFile[], dataFindings: Finding[], rules: readonly Rule<any>[]): LintRun {
    const files = withDataFiles(results, dataFindings);
    const dataFiles = files.slice(results.length).map((file) => file.file);
    return {
      files,
      summary: this.summary(files),
      rules,
      ruleOptions: (file, ruleId) => this.settings.optionsFor(ruleId, this.relativeToRoot(file)),
      ...(dataFiles.length > 0 ? { dataFiles } : {}),
    };
  }

  summary(files: readonly LintedFile[]): LintSummary {
    const counts = countFindings(files.flatMap((file) => file.findings));
    const ioErrors = files.filter((file) => file.ioError).length;
    return { files: files.length - ioErrors, ...counts, suppressed: this.suppressed, ioErrors };
  }
}

/** push(...items) passes every item as an argument, which overflows the stack past about 120,000. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function directivePosition(file: string, directive: Directive) {
  return { file, line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn };
}
