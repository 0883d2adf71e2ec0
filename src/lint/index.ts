export { lintFiles, type LintOptions, type LintRun, type LintedFile, type LintSummary } from './engine.js';
export type { CliRuleSetting } from './settings.js';
export { resolveNow } from './now.js';
