import { yamlLibrary } from './yaml-library.js';

interface DepthExcess {
  /** 0-based offset where the nesting first went past the limit. */
  offset: number;
}

/**
 * Estimates nesting depth from lexer tokens, without building a tree: `yaml`'s
 * recursive composer overflows the stack near 800 levels, and a second such file
 * in one process aborts Node with an out-of-memory error nothing can catch, so
 * deep documents must be refused before parsing. The estimate counts indentation
 * levels, block indicators on a line and open flow brackets; it over-counts
 * (never under-counts) real depth, which is fine at a limit far above what
 * journeys need.
 */
export function findExcessiveNesting(source: string, maxDepth: number): DepthExcess | undefined {
  const { CST, Lexer } = yamlLibrary();
  const indents: number[] = [];
  let flowDepth = 0;
  let lineIndicators = 0;
  let atLineStart = true;
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    // The lexer interleaves one-character control tokens that are not in the source.
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
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        // Inside brackets, nesting is what the brackets count: `{ a: 1, b: 2 }` is one level, not three.
        if (flowDepth === 0) lineIndicators++;
        break;
    }
    if (indents.length + lineIndicators + flowDepth > maxDepth) return { offset };
    offset += token.length;
  }
  return undefined;
}
