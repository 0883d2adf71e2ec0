import { Document, isAlias, isCollection, isMap, isNode, isScalar, isSeq, parseDocument, visit, YAMLSeq, type Node, YAMLMap, type Pair, type ToStringOptions } from 'yaml';
import { parseYamlExact, type SourceProblem } from '../load/parse.js';
import { DEFAULT_LIMITS, type Limits } from '../load/limits.js';
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

export const STRINGIFY_OPTIONS: ToStringOptions = {
  indent: INDENT,
  indentSeq: true,
  // 0 turns folding off: long plain strings stay on one line as written.
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: true,
};

const PARSE_OPTIONS = { uniqueKeys: true, strict: true, prettyErrors: false } as const;

export type FormatResult = { ok: true; output: string; changed: boolean } | { ok: false; problems: SourceProblem[] };

/**
 * Rewrites journey YAML into the canonical layout. Values are never changed and
 * every comment is kept: the document is edited through `yaml`'s node tree,
 * where comments hang on the nodes they precede or follow and move with them.
 */
export function formatJourneyText(text: string, limits: Pick<Limits, 'maxDepth'> = DEFAULT_LIMITS): FormatResult {
  // The validating parser words problems exactly as `cjm validate` does (position, depth and alias limits).
  const problems = parseYamlExact(text, limits).problems.filter((problem) => problem.severity === 'error');
  if (problems.length > 0) return { ok: false, problems };
  const document = parseDocument(text, PARSE_OPTIONS);
  arrangeDocument(document);
  const output = document.toString(STRINGIFY_OPTIONS);
  return { ok: true, output, changed: output !== text };
}

export function arrangeDocument(document: Document): void {
  const root = document.contents;
  if (isMap(root)) liftHeaderComment(root);
  arrange(root, journeyFileLayout(), 0);
  setFlowPadding(document);
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
    node.flow = false;
    for (const pair of node.items) {
      if (isSeq(pair.value) && pickLayout(mapLayout.fields.get(keyName(pair) ?? ''), 'seq')) {
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
    if (scalarLayout.date && typeof node.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) node.type = 'PLAIN';
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
  const moved = ranked.some((entry, index) => entry.index !== index);
  map.items = ranked.map((entry) => entry.pair);
  if (moved) {
    // A blank line that separated a key from the one above it must not open a block after `- ` or `key:`.
    const first = map.items[0];
    if (first && isNode(first.key)) first.key.spaceBefore = false;
  }
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
  if (isScalar(node)) {
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return false;
    return !(typeof node.value === 'string' && /[\n\r]/.test(node.value));
  }
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
  const scratch = new Document();
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
