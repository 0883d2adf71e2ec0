import { listWords, plural } from '../../util/words.js';
import { applyEdits, type Cause, type Diagnosis, type Edit } from './cause.js';
import { SourceLines } from './lines.js';

/** Tab-indented lines checked one by one against the structure around them; past these, the width is trusted. */
const CHECKED_LINES = 100;

/**
 * A tab in the indentation. YAML forbids tabs there, and `yaml` then misreads
 * the structure of every line after it (one tab gave 18 errors). An editor that
 * inserts tabs does so on every line it touches, with one tab width: the other
 * tab-indented lines that the same width lines up are the same cause, and are
 * repaired (and named) together.
 */
export const tabIndent: Diagnosis = ({ error, lines }) => {
  // `yaml` may report the line before first, at its end, where the tab makes it
  // read the key there as the start of something else.
  const line = [lines.lineOf(error.start), lines.lineOf(error.start) + 1].find((i) => i < lines.count && leadingWhitespace(lines.lineText(i)).includes('\t'));
  if (line === undefined) return [];
  const lead = leadingWhitespace(lines.lineText(line));
  const tabColumns = [...lead].flatMap((char, i) => (char === '\t' ? [i + 1] : []));
  const tab = lines.offset(line, tabColumns[0] - 1);
  const tabs = tabColumns.length === 1 ? `the tab at line ${line + 1}, column ${tabColumns[0]}` : `the tabs at line ${line + 1}, columns ${listWords(tabColumns.map(String))}`;
  const others = tabIndentedLines(lines).filter((other) => other !== line);
  return tabWidths(lines, line, lead).map((width): Cause => {
    const alike = sameWidthLines(lines, line, others, width);
    const replacement = plural(expandedWidth(lead, width) - (lead.length - tabColumns.length), 'space');
    return {
      start: tab,
      end: tab + 1,
      code: 'yaml-syntax',
      message: `YAML indents with spaces, not tabs: replace ${tabs} with ${replacement}${alsoTabbed(alike)}`,
      repair: [line, ...alike].map((i) => expandTabs(lines, i, width)),
    };
  });
};

function leadingWhitespace(text: string): string {
  return /^[ \t]*/.exec(text)![0];
}

function tabIndentedLines(lines: SourceLines): number[] {
  const found: number[] = [];
  for (let i = 0; i < lines.count; i++) {
    const text = lines.lineText(i);
    const lead = leadingWhitespace(text);
    if (lead.includes('\t') && lead.length < text.length) found.push(i);
  }
  return found;
}

/** Tab stops every `width` columns, as editors show them. */
function expandedWidth(indentation: string, width: number): number {
  let column = 0;
  for (const char of indentation) column = char === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return column;
}

function expandTabs(lines: SourceLines, line: number, width: number): Edit {
  const lead = leadingWhitespace(lines.lineText(line));
  return { start: lines.start(line), end: lines.start(line) + lead.length, insert: ' '.repeat(expandedWidth(lead, width)) };
}

/**
 * Widths to try: those that line the tab-indented line up with an open level
 * above it or with the line below it (the first item of a list sits deeper than
 * anything above), then the common ones.
 */
function tabWidths(lines: SourceLines, line: number, lead: string): number[] {
  const widthFor = (column: number) => [1, 2, 3, 4, 5, 6, 7, 8].find((width) => expandedWidth(lead, width) === column);
  const fitting = lines.openLevels(line).map((level) => widthFor(level.column));
  const next = lines.nextContentLine(line);
  if (next !== undefined && !leadingWhitespace(lines.lineText(next)).includes('\t')) {
    const contentOffset = /^(?:-[ ]+)*/.exec(lines.lineText(line).slice(lead.length))![0].length;
    fitting.push(widthFor(lines.layout(next).indent - contentOffset));
  }
  return [...new Set([...fitting.filter((width): width is number => width !== undefined), 2, 4, 8])].slice(0, 4);
}

/** The other tab-indented lines that `width` lines up with the structure around them. */
function sameWidthLines(lines: SourceLines, line: number, others: readonly number[], width: number): number[] {
  if (others.length === 0) return [];
  const expanded = new SourceLines(applyEdits(lines.text, [line, ...others].map((i) => expandTabs(lines, i, width)))!);
  return others.filter((other, i) => i >= CHECKED_LINES || fitsStructure(expanded, other));
}

/** Indented like an open level above it, or deeper than a `key:` that opens a block. */
function fitsStructure(lines: SourceLines, line: number): boolean {
  const { indent } = lines.layout(line);
  if (lines.openLevels(line).some((level) => level.column === indent)) return true;
  let above = line - 1;
  while (above > 0 && lines.layout(above).blank) above--;
  const parent = lines.layout(above);
  return parent.key !== undefined && parent.value === undefined && indent > parent.content;
}

function alsoTabbed(others: readonly number[]): string {
  if (others.length === 0) return '';
  const numbers = others.slice(0, 3).map((i) => String(i + 1));
  const list = others.length > 3 ? `${numbers.join(', ')} and ${others.length - 3} more` : listWords(numbers);
  return others.length === 1 ? `; line ${list} also indents with a tab` : `; lines ${list} also indent with tabs`;
}
