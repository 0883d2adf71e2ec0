import type { RuleMetadata } from '../formatters/types.js';
import type { Rule } from './rule.js';

/** Where each rule's page lives (docs/rules/<id>.md), for SARIF's helpUri and `cjm rules`. */
const RULE_DOCS_BASE_URL = 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${id}.md`;
}

/** What formatters may know about the rules of a run. */
export function ruleMetadata(rules: readonly Rule<any>[]): RuleMetadata[] {
  return rules.map((rule) => ({ id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity, docsUrl: ruleDocsUrl(rule.id) }));
}
