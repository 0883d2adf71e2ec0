/**
 * cjm's programmatic API. The CLI is one client of these functions; another
 * Node program can call them the same way.
 */
export { validateFiles, analyzeFiles, type ValidateOptions, type RunResult } from './validate/index.js';
export { analyzeFile, type AnalyzedFile } from './validate/analyze.js';
export { analyzeText } from './validate/analyze-text.js';
export { prepareRun, type PrepareOptions, type PreparedRun, type RunContext } from './load/prepare.js';
export { openWorkspace, workspaceFiles, resolveTargets, type Workspace, type WorkspaceOptions } from './load/workspace.js';
export { loadJourney, type LoadedJourney } from './load/journey.js';
export { parseYaml, parseYamlExact, type ParsedSource, type SourceProblem } from './load/parse.js';
export { SourcePositions } from './positions.js';
export { ConfigError } from './load/config.js';
export { DiscoveryError } from './load/discover.js';
export { writeFileAtomic, WriteError, type WriteOptions } from './io/write.js';
export { toJsonSchema, jsonSchemaText } from './schema/json-schema.js';
export {
  journeySchema,
  type Journey,
  type Stage,
  type Step,
  type Persona,
  type Kpi,
  type Pain,
  type Emotion,
  type Transition,
  type Touchpoint,
  type Link,
  type Channel,
  type Metric,
} from './schema/journey.js';
export { configSchema, type CjmConfig } from './schema/config.js';
export { BUILTIN_CHANNELS, BUILTIN_METRICS, type ChannelDefinition, type MetricDefinition } from './schema/builtins.js';
export type { Finding, FileResult, Severity, Position, DataPath } from './findings.js';
export { defineRule, type Rule, type RuleContext, type RuleReport } from './lint/rule.js';
export {
  renderMermaid,
  DIAGRAMS,
  type Diagram,
  type DiagramFormat,
  renderFlowPerStage,
  renderJourneysToFiles,
  decodeMermaidEntities,
  escapeMermaidText,
  DIAGRAM_KINDS,
  type DiagramKind,
  type MermaidOptions,
  type JourneyToRender,
  type RenderFormat,
  type RenderFilesOptions,
  type RenderedFile,
  type RenderFilesResult,
  type DiagramFailure,
  type SkippedJourney,
} from './render/index.js';
export {
  renderJourneyMapSvg,
  renderBlueprintSvg,
  renderOverviewSvg,
  journeyMapScene,
  blueprintScene,
  svgToPng,
  type MapOptions,
  type ThemeName,
  type Scene,
  type PngOptions,
} from './render/map/index.js';
export { lintFiles, type LintOptions, type LintRun, type LintedFile, type LintSummary, type CliRuleSetting } from './lint/index.js';
export { RULES } from './rules/index.js';
export { diffFiles, diffRevision, compareJourneys, formatText as formatDiffText, formatMarkdown as formatDiffMarkdown, formatJson as formatDiffJson, hasDifferences, type DiffOptions, type DiffRun, type CompareOptions } from './diff/index.js';
export type { JourneyDiff, DiffReport, StageDiff, StepDiff, Change as DiffChange, PlannedImprovement, Trend } from './diff/types.js';
export {
  writeReport,
  renderJourneyPage,
  renderIndexPage,
  pageDiagramSources,
  escapeInline as escapeMarkdownInline,
  escapeBlock as escapeMarkdownBlock,
  type ReportOptions,
  type ReportResult,
  type ReportImages,
  type ReportJourney,
  type PageDiagram,
  type JourneyPageOptions,
  type IndexPageOptions,
  type SkippedFile,
} from './report/index.js';
export { loadKpiData, type KpiData, type KpiSeries, type KpiPoint, type DataPosition, type DataFileAccess } from './data/index.js';
export { kpiFeed, type KpiFeed } from './data/match.js';
export { syncFiles, type SyncOptions, type SyncedFile } from './data/sync.js';
export { dataSourceSchema, type DataSource } from './schema/data-source.js';
export { formatFiles, formatJourneyText, FLOW_MAX_WIDTH, type FormatOptions, type FormattedFile, type FormatResult } from './fmt/index.js';
export { initJourney, initConfig, InitError, TEMPLATES, TEMPLATE_NAMES, type InitJourneyOptions, type InitConfigOptions, type InitResult } from './init/index.js';
export { main, type MainOptions } from './main.js';
