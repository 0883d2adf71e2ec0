/**
 * The source text by lines, as a person reads YAML: indentation, `- ` list
 * markers and `key:`. Diagnoses look at the line a parser error is on (and its
 * neighbours) to tell what the writer meant.
 */

interface LineLayout {
  /** Leading spaces. */
  indent: number;
  /** Columns (0-based) of the `- ` markers that open the line. */
  dashes: number[];
  /** Column where the content after the indent and the dashes starts. */
  content: number;
  /** The key the content starts with, when it reads `key:` followed by a space or the end of the line. */
  key?: string;
  /** Column of the value after `key: `, when the line has one. */
  value?: number;
  /** Nothing but spaces and perhaps a comment. */
  blank: boolean;
}

/** A level of block structure open at some line: a mapping's keys or a list's `- ` markers. */
export interface OpenLevel {
  kind: 'map' | 'seq';
  column: number;
  /** The nearest line above that is at this level. */
  line: number;
}

// Journey keys are words; quoted keys are rare but legal.
const KEY = /^([\p{L}\p{N}_$][\p{L}\p{N}_.$-]*(?: +[\p{L}\p{N}_.$-]+)*|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|$)/u;

export class SourceLines {
  private readonly starts: number[] = [0];
  private readonly layouts = new Map<number, LineLayout>();

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** 0-based line index of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's text (before `\r\n` or `\n`). */
  end(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
    return next > this.starts[line] && this.text[next - 1] === '\r' ? next - 1 : next;
  }

  lineText(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }

  offset(line: number, column: number): number {
    return this.start(line) + column;
  }

  layout(line: number): LineLayout {
    let layout = this.layouts.get(line);
    if (!layout) this.layouts.set(line, (layout = layoutOf(this.lineText(line))));
    return layout;
  }

  /** The nearest non-blank line after `line`, if any. */
  nextContentLine(line: number): number | undefined {
    for (let i = line + 1; i < this.count; i++) if (!this.layout(i).blank) return i;
    return undefined;
  }

  /**
   * The keys before `line` in the mapping whose keys start at `column`, nearest
   * first, ending with the `- key:` line that opens it when it is a list item.
   */
  earlierKeys(line: number, column: number): { line: number; key: string; opensItem: boolean }[] {
    const keys: { line: number; key: string; opensItem: boolean }[] = [];
    for (let i = line - 1; i >= 0; i--) {
      const layout = this.layout(i);
      if (layout.blank) continue;
      const atColumn = layout.content === column && layout.key !== undefined;
      if (atColumn && layout.dashes.length > 0) return [...keys, { line: i, key: layout.key!, opensItem: true }];
      if (layout.indent < column) break;
      if (atColumn) keys.push({ line: i, key: layout.key!, opensItem: false });
    }
    return keys;
  }

  /**
   * The block levels open just before `line`, innermost first: walking up, each
   * line less indented than everything seen so far opens the levels it starts.
   */
  openLevels(line: number): OpenLevel[] {
    const levels: OpenLevel[] = [];
    let limit = Infinity;
    for (let i = line - 1; i >= 0 && limit > 0; i--) {
      const layout = this.layout(i);
      if (layout.blank || (layout.key === undefined && layout.dashes.length === 0)) continue;
      if (layout.key !== undefined && layout.content < limit) levels.push({ kind: 'map', column: layout.content, line: i });
      for (const dash of [...layout.dashes].reverse()) if (dash < limit) levels.push({ kind: 'seq', column: dash, line: i });
      limit = Math.min(limit, layout.indent);
    }
    return levels;
  }
}

function layoutOf(text: string): LineLayout {
  let column = 0;
  while (text[column] === ' ') column++;
  const indent = column;
  const dashes: number[] = [];
  while (text[column] === '-' && (column + 1 === text.length || text[column + 1] === ' ')) {
    dashes.push(column);
    column++;
    while (text[column] === ' ') column++;
  }
  const rest = text.slice(column);
  const blank = dashes.length === 0 && (rest.trim() === '' || rest.startsWith('#'));
  const match = KEY.exec(rest);
  if (!match) return { indent, dashes, content: column, blank };
  let value = column + match[0].length;
  while (text[value] === ' ' || text[value] === '\t') value++;
  const hasValue = value < text.length && text[value] !== '#';
  return { indent, dashes, content: column, key: unquote(match[1]), ...(hasValue ? { value } : {}), blank };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/**
 * Where a plain value ends on its line: before a ` #` comment and trailing
 * spaces. (A `#` right after a letter is part of the value.)
 */
export function valueEnd(text: string, start: number): number {
  const comment = text.slice(start).search(/[ \t]#/);
  let end = comment === -1 ? text.length : start + comment;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}
