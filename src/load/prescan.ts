import type { Limits } from './limits.js';
import { yamlLibrary } from './yaml-library.js';

/** What the pre-scan found over a limit, and where (0-based offset). */
export interface PrescanExcess {
  limit: 'maxDepth' | 'maxNodes';
  offset: number;
}

/**
 * Estimates nesting depth and node count from lexer tokens, without building a
 * tree, so that a text over either limit is refused before `yaml` composes it:
 * - depth: `yaml`'s recursive composer overflows the stack near 800 levels,
 *   and a second such file in one process aborts Node with an out-of-memory
 *   error nothing can catch. The estimate counts indentation levels, block
 *   indicators on a line and open flow brackets; it over-counts, never
 *   under-counts, real depth, which is fine at a limit far above what journeys
 *   need;
 * - nodes: a `yaml` Document costs about 300 bytes a node (a 2 MB list of a
 *   million items took over 1 GB), so the count stops the lexer as soon as it
 *   passes the limit. It counts scalars, aliases, flow collections and list
 *   items: close to the real count, never far under it. The exact count (with
 *   aliases expanded) is src/load/expansion.ts, on the Document this allows.
 */
export function prescanYaml(source: string, limits: Pick<Limits, 'maxDepth' | 'maxNodes'>): PrescanExcess | undefined {
  const { CST, Lexer } = yamlLibrary();
  const indents: number[] = [];
  let flowDepth = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let offset = 0;
  let nodes = 0;
  for (const token of new Lexer().lex(source)) {
    // The lexer interleaves one-character control tokens that are not in the source; SCALAR starts a plain or block scalar.
    if (token === CST.SCALAR && ++nodes > limits.maxNodes) return { limit: 'maxNodes', offset };
    if (token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR) continue;
    const type = CST.tokenType(token);
    if (atLineStart) {
      const indent = type === 'space' ? token.length : 0;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      atLineStart = false;
      lineIndicators = 0;
    }
    switch (type) {
      case 'newline':
        atLineStart = true;
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flowDepth++;
        nodes++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'alias':
        nodes++;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Inside brackets, nesting is what the brackets count: `{ a: 1, b: 2 }` is one level, not three.
        if (flowDepth === 0) lineIndicators++;
        if (type === 'seq-item-ind') nodes++;
        break;
    }
    if (indents.length + lineIndicators + flowDepth > limits.maxDepth) return { limit: 'maxDepth', offset };
    if (nodes > limits.maxNodes) return { limit: 'maxNodes', offset };
    offset += token.length;
  }
  return undefined;
}
