import { DOCS_BASE_URL } from './metadata.js';

/**
 * Finding codes that are not lint rules: validation (which lint runs first) and
 * the engine's own. Formats that describe their rules (SARIF) need a sentence
 * for each; a code missing here still gets a generic one (see describeCode).
 */
export const VALIDATION_CODES: Readonly<Record<string, string>> = {
  'yaml-syntax': 'The file is not valid YAML.',
  'yaml-warning': 'The YAML parser warns about something in the file.',
  'duplicate-key': 'A key appears twice in one YAML mapping.',
  'multi-document': 'The file holds more than one YAML document.',
  'too-deep': 'The YAML nests deeper than the configured limit.',
  'too-many-nodes': 'The file holds more YAML values than the configured limit.',
  'alias-limit': 'YAML aliases expand the file past the configured limits, or refer to the value they are in.',
  'empty-file': 'The file holds no journey.',
  'not-a-journey': 'The YAML is not a cjm journey.',
  'file-too-large': 'The file is larger than the configured limit.',
  'binary-file': 'The file holds binary data, not YAML text.',
  'not-utf8': 'The file is not UTF-8 text.',
  schema: 'The journey does not match the cjm journey format.',
  'duplicate-id': 'Two personas, channels, metrics, stages or steps share an id.',
  'unknown-persona': 'A reference to a persona that is not declared.',
  'persona-not-on-step': "An emotion score for a persona the step's `personas` list leaves out.",
  'unknown-channel': 'A reference to a channel that is not declared.',
  'unknown-metric': 'A reference to a metric that is not declared.',
  'unknown-step': 'A reference to a step that does not exist.',
  'unknown-journey': 'A reference to a journey that is not in the workspace.',
  'kpi-out-of-range': "A KPI value outside its metric's range.",
};

/** Codes about the run rather than the journey: the lint engine's own, and the findings cap of validate and lint. */
export const ENGINE_CODES: Readonly<Record<string, string>> = {
  'too-many-findings': 'More findings than the configured limit: the rest of the file\'s findings are counted, not listed.',
  'rule-error': 'A lint rule failed on this file (a bug in cjm): the file was not fully linted.',
  'unused-disable-directive': 'A cjm-disable comment that suppressed nothing (--report-unused-disable-directives).',
  'invalid-disable-directive': 'A cjm-disable comment that names something other than a lint rule.',
};

export function describeCode(code: string): string {
  if (Object.hasOwn(VALIDATION_CODES, code)) return VALIDATION_CODES[code];
  return Object.hasOwn(ENGINE_CODES, code) ? ENGINE_CODES[code] : `cjm check ${code}.`;
}

/** Whether `code` is a validation code: own keys only, so that `constructor` or `__proto__` is not one. */
export function isValidationCode(code: string): boolean {
  return Object.hasOwn(VALIDATION_CODES, code);
}

/** A code's section of docs/validation.md (GitHub anchors a `#### code` heading as #code); none for an unknown code. */
export function codeDocsUrl(code: string): string | undefined {
  return Object.hasOwn(VALIDATION_CODES, code) || Object.hasOwn(ENGINE_CODES, code) ? `${DOCS_BASE_URL}validation.md#${code}` : undefined;
}
