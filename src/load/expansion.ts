import type { Document, Node } from 'yaml';
import type { Limits } from './limits.js';
import { yamlLibrary } from './yaml-library.js';

/** Why a document is over its budget once aliases are expanded, and the node where it went over. */
export interface ExpansionExcess {
  /** nodes: more than limits.maxNodes; text: more characters than limits.maxFileSize; cycle: an alias inside the value it names. */
  reason: 'nodes' | 'text' | 'cycle';
  /** The alias that took it there (the file as written is within the limit), or undefined. */
  alias?: string;
  /** The alias or node where the count went over, as a 0-based [start, end) range in the text. */
  range: [number, number];
}

interface Size {
  nodes: number;
  chars: number;
}

/**
 * Counts what a document expands to, aliases included: nodes, and characters
 * of text. `yaml`'s own maxAliasCount counts alias uses, not what they expand
 * to: one anchored list of 50,000 items reused by 998 aliases passed it, and
 * Zod then checked every copy (5.7 s, 517 MB; with a million items, Node ran
 * out of memory). Every count here is a sum over nodes already parsed, so it
 * costs one walk of the document, however far the aliases would expand.
 */
export function findExpansionExcess(document: Document.Parsed, limits: Pick<Limits, 'maxNodes' | 'maxFileSize'>): ExpansionExcess | undefined {
  const { isAlias, isCollection, isPair, isScalar } = yamlLibrary();
  // Anchor name -> the size of its node; 'open' while the node is being counted (an alias there is a cycle).
  const anchors = new Map<string, Size | 'open'>();
  const total: Size = { nodes: 0, chars: 0 };
  let lastAlias: string | undefined;

  const over = (node: Node | undefined): ExpansionExcess | undefined => {
    const reason = total.nodes > limits.maxNodes ? 'nodes' : total.chars > limits.maxFileSize ? 'text' : undefined;
    return reason ? { reason, alias: lastAlias, range: rangeOf(node) } : undefined;
  };

  const count = (node: unknown): ExpansionExcess | undefined => {
    if (isPair(node)) return count(node.key) ?? count(node.value);
    if (!node || typeof node !== 'object') return undefined;
    if (isAlias(node)) {
      const size = anchors.get(node.source);
      if (size === 'open') return { reason: 'cycle', alias: node.source, range: rangeOf(node) };
      lastAlias = node.source;
      total.nodes += size?.nodes ?? 1;
      total.chars += size?.chars ?? 0;
      return over(node);
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchors.set(anchor, 'open');
    const before = { ...total };
    total.nodes += 1;
    if (isScalar(node) && typeof node.value === 'string') total.chars += node.value.length;
    const excess = over(node as Node) ?? (isCollection(node) ? firstExcess(node.items, count) : undefined);
    if (anchor) anchors.set(anchor, { nodes: total.nodes - before.nodes, chars: total.chars - before.chars });
    return excess;
  };

  return count(document.contents);
}

function firstExcess<T>(items: readonly T[], count: (item: T) => ExpansionExcess | undefined): ExpansionExcess | undefined {
  for (const item of items) {
    const excess = count(item);
    if (excess) return excess;
  }
  return undefined;
}

function rangeOf(node: Node | undefined): [number, number] {
  return node?.range ? [node.range[0], node.range[1]] : [0, 0];
}
