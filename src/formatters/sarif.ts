import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../findings.js';
import { describeCode } from '../lint/validation-codes.js';
import type { Formatter, RuleMetadata } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cjm-dev/cjm';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };

interface ReportingDescriptor {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' | 'none'; enabled?: boolean };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the driver with every
 * rule of the run (and every validation code that occurs) as a reporting
 * descriptor, and results with repo-relative `/` URIs under %SRCROOT% and
 * 1-based regions. Columns are UTF-16 code units, as JavaScript counts them.
 */
export const sarif: Formatter = (results, context) => {
  const descriptors = describeRules(context.rules ?? [], results.flatMap((result) => result.findings));
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId)!,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: artifact(finding.file, context.cwd), region: region(finding) } }],
    })),
  );
  const ioErrors = results.filter((result) => result.ioError);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cjm', version: context.version, semanticVersion: context.version, informationUri: INFORMATION_URI, rules: descriptors } },
        invocations: [
          {
            executionSuccessful: ioErrors.length === 0,
            ...(ioErrors.length
              ? {
                  toolExecutionNotifications: ioErrors.map((result) => ({
                    level: 'error',
                    message: { text: `${result.file}: ${result.ioError}` },
                    locations: [{ physicalLocation: { artifactLocation: artifact(result.file, context.cwd) } }],
                  })),
                }
              : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function describeRules(rules: readonly RuleMetadata[], findings: readonly Finding[]): ReportingDescriptor[] {
  const descriptors = rules.map(ruleDescriptor);
  const known = new Set(rules.map((rule) => rule.id));
  const others = [...new Set(findings.map((finding) => finding.ruleId))].filter((id) => !known.has(id)).sort();
  return [...descriptors, ...others.map(codeDescriptor)];
}

function ruleDescriptor(rule: RuleMetadata): ReportingDescriptor {
  const docs = rule.docsUrl ? ` See ${rule.docsUrl}` : '';
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} (cjm lint rule ${rule.id}, default severity ${rule.defaultSeverity}.)` },
    help: {
      text: `${rule.description}${docs}`,
      markdown: `**${rule.id}**: ${rule.description}${rule.docsUrl ? `\n\n[What it checks, why it matters, and how to fix it](${rule.docsUrl})` : ''}`,
    },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration:
      rule.defaultSeverity === 'off' ? { level: 'warning', enabled: false } : { level: LEVEL[rule.defaultSeverity as Severity] ?? 'warning' },
  };
}

/** Validation and engine codes are not rules one can configure, but code scanning needs a descriptor for each result. */
function codeDescriptor(code: string): ReportingDescriptor {
  const description = describeCode(code);
  return {
    id: code,
    shortDescription: { text: description },
    fullDescription: { text: `${description} (cjm validation check ${code}: it always runs and cannot be turned off.)` },
    help: { text: `${description} Run \`cjm validate\` for details.`, markdown: `**${code}**: ${description}` },
    defaultConfiguration: { level: 'error' },
  };
}

/** A URI relative to the repository root (%SRCROOT%, the working directory) with `/` separators. */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(finding: Finding) {
  const start = { startLine: finding.line, startColumn: finding.column };
  // An empty range (a missing key reported at its parent) is a point: give GitHub the start only.
  if (finding.endLine < finding.line || (finding.endLine === finding.line && finding.endColumn <= finding.column)) return start;
  return { ...start, endLine: finding.endLine, endColumn: finding.endColumn };
}
