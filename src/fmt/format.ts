import { isDeepStrictEqual } from 'node:util';
import { stringifyNumber, stringifyString } from 'yaml/util';
import { Document, Lexer, isAlias, isCollection, isMap, isNode, isScalar, isSeq, parseDocument, visit, YAMLSeq, type Node, YAMLMap, type Pair, type Scalar, type ScalarTag, type ToStringOptions } from 'yaml';
import { parseYamlExact, YAML_OPTIONS, type ParseLimits, type SourceProblem } from '../load/parse.js';
import { duplicateKeyErrors } from '../load/duplicate-keys.js';
import { findExpansionExcess } from '../load/expansion.js';
import { prescanYaml } from '../load/prescan.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { journeyFileLayout, pickLayout, type Layout, type MapLayout } from './layout.js';

/**
 * Flow style is used for an entry or a list of plain values when its line fits
 * in this many columns. 120, not 80 or 100: the examples hold KPI and link
 * entries with URLs and sources whose flow lines measure 99 columns at the
 * median and 121 at the 90th percentile; at 100, half of them would turn into
 * five-line blocks that are harder to scan than one long line.
 */
export const FLOW_MAX_WIDTH = 120;

const INDENT = 2;

const STRINGIFY_OPTIONS: ToStringOptions = {
  indent: INDENT,
  indentSeq: true,
  // 0 turns folding off: long plain strings stay on one line as written.
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
};

/** The validating parser's options (src/load/parse.ts says why each). */
const PARSE_OPTIONS = YAML_OPTIONS;

/**
 * `yaml` prints a scalar from its value, not its source: "\u202E" would come
 * out as an invisible bidi character, "a\nb" as a folded two-line string, 1e3
 * as 1e+3. Single-line quoted strings and numbers are therefore printed from
 * their source text, through this tag: `yaml` picks a tag by the node's
 * `format`, and `default: true` keeps it from printing a tag name.
 */
const SOURCE_FORMAT = 'cjm-source';
// A symbol property, not a WeakMap: Node.clone() copies it, so measured flow lines match printed ones.
const SOURCE = Symbol('cjm source text');
type SourcedScalar = Scalar & { [SOURCE]?: string };
const sourceTag: ScalarTag = {
  tag: 'tag:cjm.dev,2026:source',
  format: SOURCE_FORMAT,
  default: true,
  // A test that never matches: `yaml` prefers tags with a test among several that identify a number,
  // and never uses this one to resolve plain scalars while parsing.
  test: /(?!)/,
  identify: (value) => typeof value === 'string' || typeof value === 'number',
  resolve: (text) => text,
  stringify: (item, context, onComment, onChompKeep) => {
    const source = (item as SourcedScalar)[SOURCE];
    if (source !== undefined) return source;
    return typeof item.value === 'number' ? stringifyNumber(item) : stringifyString(item, context, onComment, onChompKeep);
  },
};
// With a test, the tag above wins over `yaml`'s own string tag even for scalars it does not
// format; this twin without a format takes those and prints them the usual way.
const SOURCE_TAGS: ScalarTag[] = [sourceTag, { ...sourceTag, format: undefined }];
const DOCUMENT_OPTIONS = { ...PARSE_OPTIONS, customTags: SOURCE_TAGS };

function keepScalarSources(document: Document, text: string): void {
  visit(document, {
    Scalar(_key, node) {
      if (!node.range || node.tag) return;
      const quoted = typeof node.value === 'string' && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      const number = typeof node.value === 'number' && node.type === 'PLAIN';
      if (!quoted && !number) return;
      const source = text.slice(node.range[0], node.range[1]);
      if (/[\r\n]/.test(source)) return;
      (node as SourcedScalar)[SOURCE] = source;
      node.format = SOURCE_FORMAT;
    },
  });
}

export type FormatResult = { ok: true; output: string; changed: boolean } | { ok: false; problems: SourceProblem[] };

/**
 * Rewrites journey YAML into the canonical layout. Values are never changed and
 * every comment is kept: the document is edited through `yaml`'s node tree,
 * where comments hang on the nodes they precede or follow and move with them.
 */
export function formatJourneyText(text: string, limits: ParseLimits = DEFAULT_LIMITS): FormatResult {
  // Too deep or too large a text would overflow `yaml`'s stack or the memory budget: checked before any parse.
  const parsed = prescanYaml(text, limits) ? undefined : parseDocument(text, DOCUMENT_OPTIONS);
  const usable = parsed && parsed.errors.length === 0 && duplicateKeyErrors(parsed).length === 0 && !findExpansionExcess(parsed, limits);
  const before = usable ? plainData(parsed) : undefined;
  if (!parsed || before === undefined) {
    // Only a broken file pays for the validating parser, which words problems exactly as `cjm validate` does.
    const problems = parseYamlExact(text, limits).problems.filter((problem) => problem.severity === 'error');
    return { ok: false, problems: problems.length > 0 ? problems : [unsafeProblem('the file holds no data')] };
  }
  const document = parsed;
  keepScalarSources(document, text);
  // The journey key order would scramble a config or catalogue file named by mistake.
  if (!looksLikeJourney(before)) {
    return { ok: false, problems: [{ ...unsafeProblem('not a journey file (no `cjm`, `title` or `stages` at the top level)'), code: 'not-a-journey' }] };
  }
  let output: string;
  try {
    arrangeDocument(document);
    output = document.toString(STRINGIFY_OPTIONS);
  } catch (error) {
    // Moving keys can put an alias (*name) above its anchor (&name), which `yaml` refuses to print.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const hint = /alias/i.test(reason) ? ' (write the aliased values out to format it)' : ' (please report it)';
    return { ok: false, problems: [unsafeProblem(`cjm fmt cannot rewrite this file safely: ${reason}${hint}`)] };
  }
  if (output === text) return { ok: true, output, changed: false };
  const unsafe = unfaithful(text, before, output);
  if (unsafe) return { ok: false, problems: [unsafeProblem(unsafe)] };
  return { ok: true, output, changed: true };
}

/**
 * The last line of defence before a user's file is replaced: the new text must
 * parse, read as the same data and hold as many comments. `yaml` can print
 * layouts it does not read back (a comment above an empty flow collection
 * without indented sequences, for one); such a file is left alone.
 */
function unfaithful(text: string, before: unknown, output: string): string | undefined {
  const reread = parseDocument(output, PARSE_OPTIONS);
  const what = 'cjm fmt cannot rewrite this file safely';
  if (reread.errors.length > 0) return `${what}: the new layout would not parse (${reread.errors[0].message.split('\n')[0]}) (please report it)`;
  if (!isDeepStrictEqual(reread.toJS({ maxAliasCount: -1 }), before)) return `${what}: the new layout would change a value (please report it)`;
  if (countComments(output) !== countComments(text)) return `${what}: the new layout would lose a comment (please report it)`;
  return undefined;
}

/** The document as data (its aliases counted already); undefined when empty. */
function plainData(document: Document): unknown {
  const data = document.toJS({ maxAliasCount: -1 }) as unknown;
  return data === null ? undefined : data;
}

function looksLikeJourney(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && ['cjm', 'stages', 'title'].some((key) => key in data);
}

function unsafeProblem(message: string): SourceProblem {
  return { line: 1, column: 1, endLine: 1, endColumn: 1, code: 'fmt-unsafe', severity: 'error', message };
}

function countComments(text: string): number {
  let count = 0;
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) count++;
  return count;
}

function arrangeDocument(document: Document): void {
  const root = document.contents;
  if (isMap(root)) liftHeaderComment(root);
  // Before arranging, so flow decisions do not see them; after, for the keys sorted first.
  dropBlankLinesAfterKeys(document);
  arrange(root, journeyFileLayout(), 0);
  dropBlankLinesAfterKeys(document);
  setFlowPadding(document);
}

/**
 * A blank line right after `- ` or `key:` (before a collection's first item,
 * or between a key and its value) reads back as no blank line at all, so
 * keeping it would make a second run change the file.
 */
function dropBlankLinesAfterKeys(document: Document): void {
  visit(document, {
    Map(_key, node) {
      const first = node.items[0];
      if (first && isNode(first.key)) first.key.spaceBefore = false;
    },
    Seq(_key, node) {
      const first = node.items[0];
      if (isNode(first)) first.spaceBefore = false;
    },
    Pair(_key, pair) {
      if (isNode(pair.value)) pair.value.spaceBefore = false;
    },
  });
}

/**
 * Comments above the first key (the schema modeline, a file header) belong to
 * the file, not to that key: `yaml` hangs them on the first key, which would
 * carry the modeline down when `cjm` moves above it.
 */
function liftHeaderComment(root: YAMLMap): void {
  const first = root.items[0];
  if (!first || !isNode(first.key) || !first.key.commentBefore) return;
  root.commentBefore = [root.commentBefore, first.key.commentBefore].filter(Boolean).join('\n');
  first.key.commentBefore = undefined;
}

/**
 * After sorting, a comment above the first key of a list item would print as
 * `- # comment` and parse back elsewhere: it goes above the dash instead.
 */
function liftFirstKeyComment(map: YAMLMap): void {
  const first = map.items[0];
  if (!first || !isNode(first.key) || !first.key.commentBefore) return;
  map.commentBefore = [map.commentBefore, first.key.commentBefore].filter(Boolean).join('\n');
  first.key.commentBefore = undefined;
}

/** `column` is where the node's block content starts: a mapping's keys, or a sequence's dashes. */
function arrange(node: unknown, layout: Layout | undefined, column: number): void {
  if (isMap(node)) {
    const mapLayout = pickLayout(layout, 'map') as MapLayout | undefined;
    if (!mapLayout) return;
    for (const pair of node.items) arrange(pair.value, mapLayout.fields.get(keyName(pair) ?? ''), column + INDENT);
    sortPairs(node, mapLayout.order);
    // Blank lines inside a small entry are noise, and would keep it from fitting on one line.
    if (mapLayout.entry) for (const pair of node.items) if (isNode(pair.key)) pair.key.spaceBefore = false;
    const first = node.items[0];
    if (first && isNode(first.key)) first.key.spaceBefore = false;
    node.flow = false;
    for (const pair of node.items) {
      if (isSeq(pair.value) && pickLayout(mapLayout.fields.get(keyName(pair) ?? ''), 'seq')) {
        for (const item of pair.value.items) if (isScalar(item)) item.spaceBefore = false;
        pair.value.flow = inlineListFits(pair, column);
      }
    }
    return;
  }
  if (isSeq(node)) {
    const seqLayout = pickLayout(layout, 'seq');
    if (!seqLayout || seqLayout.kind !== 'seq') return;
    for (const item of node.items) {
      arrange(item, seqLayout.item, column + INDENT);
      if (isMap(item)) liftFirstKeyComment(item);
      if (isMap(item) && (pickLayout(seqLayout.item, 'map') as MapLayout | undefined)?.entry) {
        item.flow = entryFits(item, column);
      }
    }
    return;
  }
  if (isScalar(node) && pickLayout(layout, 'scalar')?.kind === 'scalar') {
    const scalarLayout = pickLayout(layout, 'scalar') as Extract<Layout, { kind: 'scalar' }>;
    if (scalarLayout.date && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) {
      node.type = 'PLAIN';
      node.format = undefined;
      delete (node as SourcedScalar)[SOURCE];
    }
  }
}

function keyName(pair: Pair): string | undefined {
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  return typeof key === 'string' ? key : undefined;
}

/** Known keys in schema order; unknown keys after them, in their original order. */
function sortPairs(map: YAMLMap, order: readonly string[]): void {
  const rank = (pair: Pair) => {
    const index = order.indexOf(keyName(pair) ?? '');
    return index < 0 ? order.length : index;
  };
  const ranked = map.items.map((pair, index) => ({ pair, index, rank: rank(pair as Pair) }));
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  map.items = ranked.map((entry) => entry.pair);
}

/** An entry (`- { metric: nps, target: 40 }`) is flow when it fits and holds no comment inside. */
function entryFits(map: YAMLMap, dashColumn: number): boolean {
  if (!map.items.every((pair) => inlineable(pair.key) && inlineable(pair.value))) return false;
  if (map.comment?.includes('\n')) return false;
  if (map.items.some((pair) => isNode(pair.key) && (pair.key.commentBefore || pair.key.comment || pair.key.spaceBefore))) return false;
  return dashColumn + 2 + flowText(map).length <= FLOW_MAX_WIDTH;
}

/** A list of plain values (`tags: [a, b]`) is flow when it fits and no comment sits in or around it. */
function inlineListFits(pair: Pair, column: number): boolean {
  const seq = pair.value as YAMLSeq;
  const key = pair.key;
  if (seq.items.length === 0) return true;
  if (!seq.items.every((item) => isScalar(item) && inlineable(item))) return false;
  // A one-line comment after the list can follow the flow form on the same line.
  if (seq.commentBefore || seq.comment?.includes('\n') || (isNode(key) && key.comment)) return false;
  const keyText = String(keyName(pair) ?? '');
  return column + keyText.length + 2 + flowText(seq).length <= FLOW_MAX_WIDTH;
}

/** Can this node be written inside a one-line flow collection without losing anything? */
function inlineable(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isAlias(node)) return false;
  if (!isNode(node)) return false;
  if (node.anchor || node.commentBefore || node.comment || node.spaceBefore) return false;
  // A one-line value written as a block scalar (`|-`) has a flow form; yaml picks it inside `{ }`.
  if (isScalar(node)) return !(typeof node.value === 'string' && /[\n\r]/.test(node.value));
  if (isMap(node)) return node.items.every((pair: Pair) => inlineable(pair.key) && inlineable(pair.value));
  if (isSeq(node)) return node.items.every(inlineable);
  return false;
}

function flowText(node: Node): string {
  const copy = node.clone();
  if (isCollection(copy)) copy.flow = true;
  copy.comment = undefined;
  copy.commentBefore = undefined;
  copy.spaceBefore = false;
  const scratch = new Document(null, { customTags: SOURCE_TAGS });
  scratch.contents = copy as Node;
  setFlowPadding(scratch);
  return scratch.toString(STRINGIFY_OPTIONS).trimEnd();
}

/**
 * The README's style pads flow mappings but not flow sequences:
 * `{ metric: nps, target: 40 }` and `tags: [a, b]`. `yaml` has one padding
 * option for both, and a collection passes its context down to its items, so
 * each flow collection sets the padding for itself.
 */
class TightSeq extends YAMLSeq {
  override toString(...args: Parameters<YAMLSeq['toString']>): string {
    const [context, ...rest] = args;
    return super.toString(context && this.flow ? { ...context, flowCollectionPadding: '' } : context, ...rest);
  }
}

class PaddedMap extends YAMLMap {
  override toString(...args: Parameters<YAMLMap['toString']>): string {
    const [context, ...rest] = args;
    return super.toString(context && this.flow ? { ...context, flowCollectionPadding: ' ' } : context, ...rest);
  }
}

function setFlowPadding(document: Document): void {
  visit(document, {
    Map(_key, node) {
      if (!(node instanceof PaddedMap)) Object.setPrototypeOf(node, PaddedMap.prototype);
    },
    Seq(_key, node) {
      if (!(node instanceof TightSeq)) Object.setPrototypeOf(node, TightSeq.prototype);
    },
  });
}
