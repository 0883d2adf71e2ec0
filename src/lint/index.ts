export { lintFiles, type LintOptions, type LintRun, type LintedFile, type LintSummary } from './engine.js';
export { resolveRuleSettings, type ActiveRule, type CliRuleSetting, type RuleSettings } from './settings.js';
export { parseDirectives, Suppressions, type Directive, type DirectiveKind } from './directives.js';
export { ruleMetadata, ruleDocsUrl, RULE_DOCS_BASE_URL } from './metadata.js';
export { resolveNow, parseDay } from './now.js';
