import jsYaml from 'js-yaml';
import type { Document } from 'yaml';
import type { Position, Severity } from '../findings.js';
import { FastPositions, SourcePositions, type PositionIndex, type YamlEventListener } from '../positions.js';
import { duplicateKeyErrors } from './duplicate-keys.js';
import { findExpansionExcess, type ExpansionExcess } from './expansion.js';
import { YAML_CORE_SCHEMA } from './fast-schema.js';
import { formatBytes, lfForLoneCr } from './read.js';
import { prescanYaml, type PrescanExcess } from './prescan.js';
import { explainYamlErrors, type YamlError } from './syntax/index.js';
import { yamlLibrary } from './yaml-library.js';
import { maskSecrets } from '../util/secrets.js';
import type { Limits } from './limits.js';

export interface SourceProblem extends Position {
  code: string;
  severity: Severity;
  message: string;
}

/** A YAML text turned into data, with positions available on demand. */
export interface ParsedSource {
  /** The document as plain data; undefined when the text is not usable YAML. */
  data: unknown;
  problems: SourceProblem[];
  /** Positions of data paths. Lazy: a file that parsed on the fast path is re-read with positions only when asked. */
  positions(): PositionIndex;
}

/** The limits a parse works within (src/load/limits.ts). */
export type ParseLimits = Pick<Limits, 'maxDepth' | 'maxNodes' | 'maxFileSize'>;

/**
 * Parses YAML text with the safety limits applied. Two paths, same results:
 * - fast: js-yaml (about 15x faster than `yaml`'s parseDocument, measured on
 *   10 KB journeys) for plain documents, with no positions;
 * - exact: `yaml` with positions, duplicate-key and alias limits, for anything
 *   unusual or broken, and whenever a caller asks for positions.
 * Problems are always reported by the exact path, so messages never depend on
 * which path ran; a parity test checks both paths read the same data.
 */
export function parseYaml(source: string, limits: ParseLimits, positions: 'lazy' | 'eager' = 'lazy'): ParsedSource {
  // Text read from a file already is (decode); text handed to the API may not be.
  const text = lfForLoneCr(source);
  if (isPlainYaml(text)) {
    const load = (listener: YamlEventListener) => jsYaml.load(text, { schema: YAML_CORE_SCHEMA, maxDepth: limits.maxDepth, listener } as jsYaml.LoadOptions);
    // Lint reports on most files, so it records positions in the one parse
    // (about 1.1x a plain parse) rather than parsing again when a rule reports.
    const fast = tryFast(text, limits, (budget) => (positions === 'eager' ? FastPositions.parse(text, (record) => load(chain(budget, record))) : { data: load(budget), positions: undefined }));
    if (fast) {
      let recorded = fast.positions;
      return { data: fast.data, problems: [], positions: () => (recorded ??= FastPositions.parse(text, load).positions) };
    }
  }
  return parseYamlExact(text, limits);
}

// Directives (%YAML 1.1 switches `yaml` to another schema) and explicit `? ` keys
// (the two libraries stringify complex keys differently) take the exact path.
// Tags need no screen: js-yaml throws on the ones it does not know.
const EXPLICIT_KEY = /(?:^|[\s[{,])\?(?:\s|$)/;

function isPlainYaml(text: string): boolean {
  if (text.startsWith('%') || text.includes('\n%')) return false;
  // indexOf first: the regular expression costs more than it should on long texts.
  return !text.includes('?') || !EXPLICIT_KEY.test(text);
}

/**
 * Runs a js-yaml parse with a listener that keeps it within the node budget,
 * and returns undefined (the exact path decides) when it went over, failed, or
 * used anchors: js-yaml turns an alias into a second reference to the same
 * value, so only the exact path counts what aliases expand to. Empty
 * documents and bare scalars go the exact way too, which words the problem.
 */
function tryFast<T extends { data: unknown }>(text: string, limits: ParseLimits, parse: (budget: YamlEventListener) => T): T | undefined {
  let nodes = 0;
  let anchors: Record<string, unknown> | undefined;
  const opened: { position: number; line: number }[] = [];
  const budget: YamlEventListener = (event, state) => {
    // Thrown out of js-yaml, which stops at once; the exact path then words the problem.
    if (event === 'open') {
      if (++nodes > limits.maxNodes) throw new Error('over the node budget');
      opened.push({ position: state.position, line: state.line });
    } else {
      const open = opened.pop();
      if (open && state.kind === 'scalar' && state.line > open.line && isQuotedAt(text, open.position)) throw new Error('a quoted scalar over several lines');
    }
    anchors = (state as unknown as { anchorMap?: Record<string, unknown> }).anchorMap;
  };
  try {
    const parsed = parse(budget);
    const data = parsed.data;
    const usesAnchors = anchors !== undefined && Object.keys(anchors).length > 0;
    return data !== null && typeof data === 'object' && !usesAnchors ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the node that opens at `position` is a quoted scalar. One that runs
 * over several lines goes the exact way: js-yaml accepts continuation lines
 * that `yaml` (and the YAML spec) refuse when they are not indented, so the
 * two paths would disagree on whether the file is valid.
 */
function isQuotedAt(text: string, position: number): boolean {
  let i = position;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '"' || text[i] === "'";
}

function chain(first: YamlEventListener, second: YamlEventListener): YamlEventListener {
  return (event, state) => {
    first(event, state);
    second(event, state);
  };
}

/** The exact path: `yaml` with positions. */
export function parseYamlExact(source: string, limits: ParseLimits): ParsedSource {
  const text = lfForLoneCr(source);
  const unparsedPositions = () => new SourcePositions(emptyDocument(), text);
  const unparsed = (problem: SourceProblem): ParsedSource => ({ data: undefined, problems: [problem], positions: unparsedPositions });

  const excess = prescanYaml(text, limits);
  if (excess) return unparsed({ ...unparsedPositions().rangeToPosition(excess.offset, excess.offset), ...prescanProblem(excess, limits) });

  const documents = parseDocuments(text);
  if (documents.length === 0) {
    return unparsed({ ...unparsedPositions().rangeToPosition(0, 0), code: 'empty-file', severity: 'error', message: 'file is empty; a journey needs at least cjm, id, title and stages' });
  }
  const document = documents[0];
  const positions = new SourcePositions(document, text);
  const problems: SourceProblem[] = [];
  if (documents.length > 1) {
    const start = documents[1].range[0];
    problems.push({
      ...positions.rangeToPosition(start, start),
      code: 'multi-document',
      severity: 'error',
      message: `file holds ${documents.length} YAML documents; put one journey per file`,
    });
  }
  for (const cause of explainYamlErrors(text, yamlErrors(document), (repaired) => yamlErrors(parseDocuments(repaired)[0]))) {
    // Causes quote the lines they are about; a path can name any file, so credentials in them are masked.
    problems.push({ ...positions.rangeToPosition(cause.start, cause.end), code: cause.code, severity: 'error', message: maskSecrets(cause.message) });
  }
  for (const warning of document.warnings) {
    problems.push({
      ...positions.rangeToPosition(warning.pos[0], warning.pos[1]),
      code: 'yaml-warning',
      severity: 'warn',
      message: yamlMessage(warning.message),
    });
  }
  if (problems.some((problem) => problem.severity === 'error')) return { data: undefined, problems, positions: () => positions };

  const expansion = findExpansionExcess(document, limits);
  if (expansion) {
    problems.push({ ...positions.rangeToPosition(...expansion.range), ...expansionProblem(expansion, limits) });
    return { data: undefined, problems, positions: () => positions };
  }
  // Aliases were counted above, with what they expand to: no second count here.
  const data: unknown = document.toJS({ maxAliasCount: -1 });
  if (data === null || data === undefined) {
    problems.push({ ...positions.locate([]), code: 'empty-file', severity: 'error', message: 'file holds no data; a journey needs at least cjm, id, title and stages' });
    return { data: undefined, problems, positions: () => positions };
  }
  return { data, problems, positions: () => positions };
}

type ProblemText = Pick<SourceProblem, 'code' | 'severity' | 'message'>;

function prescanProblem(excess: PrescanExcess, limits: ParseLimits): ProblemText {
  if (excess.limit === 'maxNodes') return tooManyNodes(limits);
  return {
    code: 'too-deep',
    severity: 'error',
    message: `nesting is deeper than ${limits.maxDepth} levels; a journey needs about 10 (raise limits.maxDepth in cjm.config.yaml if this is intended)`,
  };
}

function tooManyNodes(limits: ParseLimits): ProblemText {
  return {
    code: 'too-many-nodes',
    severity: 'error',
    message: `file holds more than ${limits.maxNodes.toLocaleString('en')} YAML values (keys, items, lists and mappings); a journey needs about 1,000 (raise limits.maxNodes in cjm.config.yaml if this is intended)`,
  };
}

function expansionProblem(excess: ExpansionExcess, limits: ParseLimits): ProblemText {
  if (excess.alias === undefined) return tooManyNodes(limits);
  const expandsTo = excess.reason === 'text' ? `more than ${formatBytes(limits.maxFileSize)} of text (limits.maxFileSize)` : `more than ${limits.maxNodes.toLocaleString('en')} values (limits.maxNodes)`;
  const message =
    excess.reason === 'cycle'
      ? `the alias *${excess.alias} is inside the value it refers to (&${excess.alias}), so that value would repeat without end; write the values out instead`
      : `YAML aliases (here *${excess.alias}) expand this file to ${expandsTo}, as in a "billion laughs" attack; write the values out instead`;
  return { code: 'alias-limit', severity: 'error', message };
}

/**
 * uniqueKeys off: duplicateKeyErrors finds them in linear time. logLevel
 * error: `yaml` would print a Node warning to stderr for a key that is a list.
 * resolveKnownTags off: `!!binary` and `!!timestamp` stay inert text with a
 * warning, like every other tag, instead of bytes and dates no field takes.
 */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error', resolveKnownTags: false } as const;

function parseDocuments(text: string): Document.Parsed[] {
  const documents = yamlLibrary().parseAllDocuments(text, YAML_OPTIONS);
  return Array.isArray(documents) ? documents : [];
}

function yamlErrors(document: Document.Parsed | undefined): YamlError[] {
  if (!document) return [];
  const errors: YamlError[] = document.errors.map((error) => ({ code: error.code, start: error.pos[0], end: error.pos[1], message: error.message }));
  return [...errors, ...duplicateKeyErrors(document)].sort((a, b) => a.start - b.start);
}

function emptyDocument(): Document.Parsed {
  return yamlLibrary().parseAllDocuments('{}')[0] as Document.Parsed;
}

/** `yaml` messages end with " at line X, column Y" and a code frame; the finding carries the position already. */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
