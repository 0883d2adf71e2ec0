import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../findings.js';
import { codeDocsUrl, describeCode } from '../lint/validation-codes.js';
import type { Formatter, RuleMetadata } from './types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/cjm-dev/cjm';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
/** The working directory: GitHub code scanning resolves it to the checkout. */
const SRCROOT = '%SRCROOT%';
/** automationDetails.id without --sarif-category: a category (the part before the last `/`) of its own. */
const DEFAULT_CATEGORY = 'cjm';

interface ReportingDescriptor {
  id: string;
  /** PascalCase, as code scanning shows rule names (see friendlyName). */
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' | 'none'; enabled?: boolean };
}

/**
 * SARIF 2.1.0 as GitHub code scanning (and the SARIF Multitool's GitHub and
 * Azure DevOps rule sets) read it: one run with its category, the driver with
 * every rule of the run (and every validation code that occurs) as a named
 * reporting descriptor with a help URI, and results with relative `/` URIs and
 * 1-based regions. Columns are UTF-16 code units, as JavaScript counts them.
 */
export const sarif: Formatter = (results, context) => {
  const descriptors = describeRules(context.rules ?? [], results.flatMap((result) => result.findings));
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const bases = new Map<string, string>();
  const locate = (file: string) => artifact(file, context.cwd, bases);
  const sarifResults = results.flatMap((result) =>
    result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: index.get(finding.ruleId)!,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: locate(finding.file), region: region(finding) } }],
    })),
  );
  const ioErrors = results.filter((result) => result.ioError);
  const notifications = ioErrors.map((result) => ({
    level: 'error',
    message: { text: `${result.file}: ${result.ioError}` },
    locations: [{ physicalLocation: { artifactLocation: locate(result.file) } }],
  }));
  const category = context.sarifCategory ?? DEFAULT_CATEGORY;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cjm',
            fullName: `cjm ${context.version}: customer journey maps as code`,
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        automationDetails: { id: category.endsWith('/') ? category : `${category}/` },
        ...(bases.size ? { originalUriBaseIds: Object.fromEntries([...bases].map(([id, uri]) => [id, { uri }])) } : {}),
        invocations: [
          {
            executionSuccessful: ioErrors.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
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
    name: friendlyName(rule.id),
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
  const docs = codeDocsUrl(code);
  return {
    id: code,
    name: friendlyName(code),
    shortDescription: { text: description },
    fullDescription: { text: `${description} (cjm validation check ${code}: it always runs and cannot be turned off.)` },
    help: {
      text: `${description} Run \`cjm validate\` for details.${docs ? ` See ${docs}` : ''}`,
      markdown: `**${code}**: ${description}${docs ? `\n\n[What it means and how to fix it](${docs})` : ''}`,
    },
    ...(docs ? { helpUri: docs } : {}),
    defaultConfiguration: { level: 'error' },
  };
}

/** stage-owner -> StageOwner. A one-word id gets `Check` (schema -> SchemaCheck): SARIF wants a name that differs from the id, case aside. */
function friendlyName(id: string): string {
  const name = id.replace(/(?:^|-)([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}

/**
 * A relative URI with `/` separators and a base: %SRCROOT% (the working
 * directory) for the files inside it; for a file outside, its file system
 * root, declared in `originalUriBaseIds` (`bases` collects those), so no
 * location is an absolute `file:` URI, which code scanning cannot place.
 */
function artifact(file: string, cwd: string, bases: Map<string, string>): { uri: string; uriBaseId: string } {
  const absolute = resolve(cwd, file);
  const inside = relative(cwd, absolute);
  if (inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside)) return { uri: toUri(inside), uriBaseId: SRCROOT };
  const root = parse(absolute).root;
  // ROOT for `/`; ROOT_C for `C:\` on Windows, where each drive is a root of its own.
  const id = root === sep ? 'ROOT' : `ROOT_${root.replace(/[^A-Za-z0-9]/g, '')}`;
  bases.set(id, pathToFileURL(root).href);
  return { uri: toUri(relative(root, absolute)), uriBaseId: id };
}

function toUri(relativePath: string): string {
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}

function region(finding: Finding) {
  const start = { startLine: finding.line, startColumn: finding.column };
  // An empty range (a missing key reported at its parent) is a point: give GitHub the start only.
  if (finding.endLine < finding.line || (finding.endLine === finding.line && finding.endColumn <= finding.column)) return start;
  return { ...start, endLine: finding.endLine, endColumn: finding.endColumn };
}
