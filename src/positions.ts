import jsYaml from 'js-yaml';
import type { Document, Node } from 'yaml';
import { yamlLibrary } from './load/yaml-library.js';
import type { DataPath, Position } from './findings.js';

/**
 * The one place that knows YAML nodes: turns data paths into 1-based
 * line/column ranges. A path that does not exist resolves to its nearest
 * existing parent, so a missing required key points at the object that lacks it.
 *
 * Ranges are normalised the same way on both parse paths: a scalar spans its
 * text; a mapping or sequence spans only its first line (an annotation on a
 * whole 50-line stage helps nobody, and the two parsers disagree on where
 * collections end).
 */
export interface PositionIndex {
  locate(path: DataPath, target?: 'value' | 'key'): Position;
}

/** Node offsets: [start, end) of the text, and whether it is a collection. */
interface Span {
  start: number;
  end: number;
  collection: boolean;
}

interface Lookup {
  node: Span | undefined;
  key: Span | undefined;
  complete: boolean;
}

abstract class BasePositions implements PositionIndex {
  private lineStarts: number[] | undefined;

  constructor(protected readonly text: string) {}

  locate(path: DataPath, target: 'value' | 'key' = 'value'): Position {
    const { node, key, complete } = this.lookup(path);
    const chosen = (target === 'key' || !complete ? (key ?? node) : node) ?? this.root();
    return this.spanToPosition(chosen);
  }

  /**
   * Range of an offset span in the source, never past the last line: a parser
   * error at the end of the file sits after the final line break, on a line
   * that does not exist, which code scanning and editors cannot show.
   */
  rangeToPosition(start: number, end: number): Position {
    const last = endOfLastLine(this.text);
    const from = this.lineColumn(Math.min(start, last));
    const to = this.lineColumn(Math.min(Math.max(start, end), last));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  protected abstract lookup(path: DataPath): Lookup;
  protected abstract root(): Span | undefined;

  private spanToPosition(span: Span | undefined): Position {
    if (!span) return this.rangeToPosition(0, 0);
    const end = span.collection ? endOfLine(this.text, span.start) : trimEnd(this.text, span.start, span.end);
    return this.rangeToPosition(span.start, end);
  }

  private lineColumn(offset: number): { line: number; column: number } {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  }
}

/** Positions from a `yaml` Document (the exact parse path). */
export class SourcePositions extends BasePositions {
  constructor(
    private readonly document: Document.Parsed,
    text: string,
  ) {
    super(text);
  }

  protected root(): Span | undefined {
    return spanOfYamlNode(this.document.contents as Node | null);
  }

  protected lookup(path: DataPath): Lookup {
    let node = this.document.contents as Node | null;
    let key: Node | null = null;
    for (const segment of path) {
      const child = childOfYamlNode(node, segment);
      if (!child) return { node: spanOfYamlNode(node), key: spanOfYamlNode(key), complete: false };
      node = child.value;
      key = child.key;
    }
    return { node: spanOfYamlNode(node), key: spanOfYamlNode(key), complete: true };
  }
}

function spanOfYamlNode(node: Node | null): Span | undefined {
  if (!node?.range) return undefined;
  const { isMap, isSeq } = yamlLibrary();
  return { start: node.range[0], end: node.range[1], collection: isMap(node) || isSeq(node) };
}

function childOfYamlNode(node: Node | null, segment: string | number): { key: Node | null; value: Node | null } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const keyValue = isScalar(key) ? key.value : key;
      if (String(keyValue) === String(segment)) {
        // `key:` with no value has an empty null scalar after the colon; point at the key then.
        const value = pair.value as Node | null;
        const empty = !value || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);
        return { key, value: empty ? key : value };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { key: item, value: item } : undefined;
  }
  return undefined;
}

/** js-yaml's parse-event callback (its typings name no type for it). */
export type YamlEventListener = (event: jsYaml.EventType, state: jsYaml.State) => void;

interface EventNode extends Span {
  result: unknown;
  children: EventNode[];
  entries?: Map<string, { key: EventNode; value: EventNode | undefined }>;
}

/**
 * Positions from a node tree recorded from js-yaml's parse events: the fast
 * path's positions, about 10x cheaper than a `yaml` Document. js-yaml reports
 * where it started and finished composing each node; keys and values of a
 * mapping arrive as alternating children, told apart by comparing with the
 * composed data.
 */
export class FastPositions extends BasePositions {
  private constructor(
    text: string,
    private readonly tree: EventNode | undefined,
  ) {
    super(text);
  }

  /** Runs `load` (a js-yaml parse of `text`) with a listener, returning its data and the positions. */
  static parse(text: string, load: (listener: YamlEventListener) => unknown): { data: unknown; positions: FastPositions } {
    const { data, tree } = recordTree(text, load);
    return { data, positions: new FastPositions(text, tree) };
  }

  protected root(): Span | undefined {
    return this.tree;
  }

  protected lookup(path: DataPath): Lookup {
    let node = this.tree;
    let key: EventNode | undefined;
    for (const segment of path) {
      const child = node && childOfEventNode(node, segment);
      if (!child) return { node, key, complete: false };
      key = child.key;
      node = child.value ?? child.key;
    }
    return { node, key, complete: true };
  }
}

function recordTree(text: string, load: (listener: YamlEventListener) => unknown): { data: unknown; tree: EventNode | undefined } {
  const stack: EventNode[] = [{ start: 0, end: 0, collection: true, result: undefined, children: [] }];
  const data = load((event, state) => {
    if (event === 'open') {
      stack.push({ start: state.position, end: state.position, collection: false, result: undefined, children: [] });
      return;
    }
    const node = stack.pop()!;
    node.start = skipBlank(text, node.start);
    node.end = Math.min(text.length, Math.max(node.start, state.position));
    node.result = state.result;
    node.collection = state.kind === 'mapping' || state.kind === 'sequence';
    // js-yaml composes a flow collection inside a sequence item twice over: keep one.
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only && node.collection && only.result === node.result) node.children = only.children;
    stack[stack.length - 1].children.push(node);
  });
  return { data, tree: stack[0].children[0] };
}

function childOfEventNode(node: EventNode, segment: string | number): { key: EventNode; value: EventNode | undefined } | undefined {
  const result = node.result;
  if (Array.isArray(result)) {
    const item = typeof segment === 'number' ? node.children[segment] : undefined;
    return item ? { key: item, value: item } : undefined;
  }
  if (result === null || typeof result !== 'object') return undefined;
  node.entries ??= pairEntries(node);
  return node.entries.get(String(segment));
}

function pairEntries(node: EventNode): Map<string, { key: EventNode; value: EventNode | undefined }> {
  const data = node.result as Record<string, unknown>;
  const entries = new Map<string, { key: EventNode; value: EventNode | undefined }>();
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const key = children[i];
    const name = String(key.result);
    const next = children[i + 1];
    // A key with no value (`{ a, b }`) has no value node: the next child is the next key.
    const value = next && Object.is(next.result, data[name]) ? next : undefined;
    if (value) i++;
    // `key:` with nothing after it composes an empty null: point at the key then.
    const empty = value !== undefined && value.result === null && value.start >= value.end;
    entries.set(name, { key, value: empty ? undefined : value });
  }
  return entries;
}

/** Skips spaces, line breaks and comments: js-yaml opens a node before them. */
function skipBlank(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */ && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else break;
  }
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length);
  while (i > start && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

function endOfLine(text: string, start: number): number {
  let i = start;
  while (i < text.length && text.charCodeAt(i) !== 10) i++;
  // Drop a trailing comment and spaces from the collection's first line.
  const comment = text.slice(start, i).search(/\s#/);
  return trimEnd(text, start, comment === -1 ? i : start + comment);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The offset just past the last line's last character: before a final line break, if there is one. */
function endOfLastLine(text: string): number {
  if (text.endsWith('\r\n')) return text.length - 2;
  return text.endsWith('\n') ? text.length - 1 : text.length;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

