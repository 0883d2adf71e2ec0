import type { RuleMetadata } from '../formatters/types.js';
import type { Rule } from './rule.js';

/** Where the docs live on the web, for SARIF's helpUri, `cjm rules` and report pages. */
export const DOCS_BASE_URL = 'https://github.com/cjm-dev/cjm/blob/main/docs/';

/** Each rule's page: docs/rules/<id>.md. */
export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}rules/${id}.md`;
}

/** What formatters may know about the rules of a run. */
export function ruleMetadata(rules: readonly Rule<any>[]): RuleMetadata[] {
  return rules.map((rule) => ({ id: rule.id, description: rule.description, defaultSeverity: rule.defaultSeverity, docsUrl: ruleDocsUrl(rule.id) }));
}
