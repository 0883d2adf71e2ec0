import type { FileResult } from '../findings.js';

/** What a formatter may know besides the findings. Formatters are pure functions of these two. */
export interface FormatContext {
  /** Colour level: 0 none, 1 basic, 2 256, 3 truecolor. */
  colorLevel: 0 | 1 | 2 | 3;
  /** cjm's version, for tool metadata. */
  version: string;
  /** Directory that repo-relative paths (SARIF) are made against. */
  cwd: string;
  /** List info findings in human output too (stylish); machine formats always carry them. */
  verbose?: boolean;
  /** Metadata of the lint rules that ran, for formats that describe them (SARIF). */
  rules?: readonly RuleMetadata[];
  /** SARIF: the run's category (automationDetails.id), so that several uploads to one repository do not replace each other. */
  sarifCategory?: string;
}

export interface RuleMetadata {
  id: string;
  description: string;
  defaultSeverity: string;
  docsUrl?: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
