import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { DataPath, Position } from './findings.js';

/**
 * The one place that knows YAML nodes: turns data paths into 1-based
 * line/column ranges. A path that does not exist resolves to its nearest
 * existing parent, so a missing required key points at the object that lacks it.
 */
export class SourcePositions {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Range of the value at `path`, or of the nearest existing ancestor. */
  locate(path: DataPath, target: 'value' | 'key' = 'value'): Position {
    const { node, keyNode, complete } = this.walk(path);
    const chosen = target === 'key' || !complete ? (keyNode ?? node) : node;
    const range = chosen?.range ?? this.document.contents?.range ?? [0, 0, 0];
    return this.rangeToPosition(range[0], Math.max(range[1], range[0]));
  }

  /** Range of an offset span in the source. */
  rangeToPosition(start: number, end: number): Position {
    const from = this.lineCounter.linePos(start);
    const to = this.lineCounter.linePos(end);
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }

  private walk(path: DataPath): { node: Node | null; keyNode: Node | null; complete: boolean } {
    let node = this.document.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) return { node, keyNode, complete: false };
      node = child.value;
      keyNode = child.key;
    }
    return { node, keyNode, complete: true };
  }
}

function childOf(node: Node | null, segment: string | number): { key: Node | null; value: Node | null } | undefined {
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

export { LineCounter };
