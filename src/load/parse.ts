import jsYaml from 'js-yaml';
import type { Document } from 'yaml';
import type { Position, Severity } from '../findings.js';
import { FastPositions, SourcePositions, type PositionIndex, type YamlEventListener } from '../positions.js';
import { findExcessiveNesting } from './depth.js';
import { YAML_CORE_SCHEMA } from './fast-schema.js';
import { explainYamlErrors, type YamlError } from './syntax/index.js';
import { yamlLibrary } from './yaml-library.js';
import { MAX_ALIAS_COUNT, type Limits } from './limits.js';

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

/**
 * Parses YAML text with the safety limits applied. Two paths, same results:
 * - fast: js-yaml (about 15x faster than `yaml`'s parseDocument, measured on
 *   10 KB journeys) for plain documents, with no positions;
 * - exact: `yaml` with positions, duplicate-key and alias limits, for anything
 *   unusual or broken, and whenever a caller asks for positions.
 * Problems are always reported by the exact path, so messages never depend on
 * which path ran; a parity test checks both paths read the same data.
 */
export function parseYaml(text: string, limits: Pick<Limits, 'maxDepth'>, positions: 'lazy' | 'eager' = 'lazy'): ParsedSource {
  if (isPlainYaml(text)) {
    const load = (listener?: YamlEventListener) => jsYaml.load(text, { schema: YAML_CORE_SCHEMA, maxDepth: limits.maxDepth, listener } as jsYaml.LoadOptions);
    // Lint reports on most files, so it records positions in the one parse
    // (about 1.1x a plain parse) rather than parsing again when a rule reports.
    const fast = positions === 'eager' ? tryFast(() => FastPositions.parse(text, load)) : tryFast(() => ({ data: load(), positions: undefined }));
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

function tryFast<T extends { data: unknown }>(parse: () => T): T | undefined {
  try {
    const parsed = parse();
    const data = parsed.data;
    // Empty documents and bare scalars go the exact way, which words the problem;
    // so do aliased collections, which only the exact path expands with a limit.
    return data !== null && typeof data === 'object' && !hasSharedCollections(data) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * js-yaml turns an alias into a second reference to the same object; walking
 * such a document would repeat the aliased subtree (exponentially, in a
 * "billion laughs" file). Seeing one object twice sends the file the exact way.
 */
function hasSharedCollections(root: object): boolean {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** The exact path: `yaml` with positions. */
export function parseYamlExact(text: string, limits: Pick<Limits, 'maxDepth'>): ParsedSource {
  const unparsedPositions = () => new SourcePositions(emptyDocument(), text);
  const unparsed = (problem: SourceProblem): ParsedSource => ({ data: undefined, problems: [problem], positions: unparsedPositions });

  const excess = findExcessiveNesting(text, limits.maxDepth);
  if (excess) {
    return unparsed({
      ...unparsedPositions().rangeToPosition(excess.offset, excess.offset),
      code: 'too-deep',
      severity: 'error',
      message: `nesting is deeper than ${limits.maxDepth} levels; a journey needs about 10 (raise limits.maxDepth in cjm.config.yaml if this is intended)`,
    });
  }

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
    problems.push({ ...positions.rangeToPosition(cause.start, cause.end), code: cause.code, severity: 'error', message: cause.message });
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

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    problems.push({
      ...positions.locate([]),
      code: 'alias-limit',
      severity: 'error',
      message: `YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} nodes, as in a "billion laughs" attack; write the values out instead`,
    });
    return { data: undefined, problems, positions: () => positions };
  }
  if (data === null || data === undefined) {
    problems.push({ ...positions.locate([]), code: 'empty-file', severity: 'error', message: 'file holds no data; a journey needs at least cjm, id, title and stages' });
    return { data: undefined, problems, positions: () => positions };
  }
  return { data, problems, positions: () => positions };
}

function parseDocuments(text: string): Document.Parsed[] {
  const documents = yamlLibrary().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  return Array.isArray(documents) ? documents : [];
}

function yamlErrors(document: Document.Parsed | undefined): YamlError[] {
  return (document?.errors ?? []).map((error) => ({ code: error.code, start: error.pos[0], end: error.pos[1], message: error.message }));
}

function emptyDocument(): Document.Parsed {
  return yamlLibrary().parseAllDocuments('{}')[0] as Document.Parsed;
}

/** `yaml` messages end with " at line X, column Y" and a code frame; the finding carries the position already. */
function yamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
