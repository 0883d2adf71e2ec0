/**
 * Word wrap on measured widths, for the cells of the journey map. Widths are
 * summed in integer font units (exact, and additive because kerning is off),
 * so a line that wrapText says fits also fits when measureText measures it.
 */
import type { AdvanceTable } from './advance-table.js';
import { breaksAfterInWord, ClusterScanner, clustersOf, mayBreakBetween, paragraphsOf } from './line-breaks.js';
import { advanceTable, type FontOptions, unitsToPx } from './measure.js';

export const ELLIPSIS = '…';

export interface WrapOptions extends FontOptions {
  /** The width every line must fit in, px. */
  width: number;
  /** At most this many lines; past it the last line ends in ELLIPSIS. Default: no limit. */
  maxLines?: number;
}

export interface WrappedText {
  lines: string[];
  /** True when text was left out; the last line then ends in ELLIPSIS. */
  truncated: boolean;
}

interface Line {
  text: string;
  /** Width in font units. */
  units: number;
}

/** A run of text no line may break inside, and whether a (collapsed) space separates it from the run before. */
interface Word extends Line {
  spaceBefore: boolean;
}

/**
 * Wraps text into lines no wider than `width` (only a single character wider
 * than the whole width overflows, alone on its line). A newline in the text
 * starts a new line; spaces collapse; words break at spaces, after hyphens and
 * slashes, and between CJK ideographs; a word longer than a line breaks between
 * characters. Bidi controls are removed.
 */
export function wrapText(text: string, options: WrapOptions): WrappedText {
  const { width, maxLines = Infinity } = options;
  if (!(width >= 0)) throw new RangeError(`wrapText: width must be a number >= 0, got ${width}`);
  if (!(maxLines >= 1) || (maxLines !== Infinity && !Number.isInteger(maxLines))) {
    throw new RangeError(`wrapText: maxLines must be a whole number >= 1, got ${maxLines}`);
  }
  if (!(options.size > 0 && Number.isFinite(options.size))) throw new RangeError(`wrapText: size must be > 0, got ${options.size}`);
  const table = advanceTable(options.weight);
  const maxUnits = maxUnitsWithin(width, options, table);
  const lines: Line[] = [];
  for (const paragraph of paragraphsOf(text)) {
    fillLines(wordsOf(paragraph, table), table, maxUnits, lines);
    // One line past the budget is enough to know the text is truncated.
    if (lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return { lines: lines.map((line) => line.text), truncated: false };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1], table, maxUnits);
  return { lines: kept.map((line) => line.text), truncated: true };
}

/** The largest whole number of font units whose width in px, computed as measureText does, is at most `width`. */
function maxUnitsWithin(width: number, font: FontOptions, table: AdvanceTable): number {
  if (width === Infinity) return Infinity;
  let units = Math.floor((width * table.unitsPerEm) / font.size);
  // Float rounding can put the estimate one unit off either way.
  while (unitsToPx(units + 1, font) <= width) units++;
  while (units > 0 && unitsToPx(units, font) > width) units--;
  return units;
}

/** Splits one paragraph (spaces already collapsed, trimmed) into words at its break opportunities. */
function wordsOf(paragraph: string, table: AdvanceTable): Word[] {
  const words: Word[] = [];
  const scanner = new ClusterScanner();
  let wordStart = 0;
  let clustersInWord = 0;
  let previousBase = 0;
  let spaceBefore = false;
  const endWord = (end: number): void => {
    if (end > wordStart) {
      const text = paragraph.slice(wordStart, end);
      words.push({ text, units: table.advanceSum(text), spaceBefore });
    }
  };
  for (let index = 0; index < paragraph.length; ) {
    const codePoint = paragraph.codePointAt(index)!;
    const next = index + (codePoint > 0xffff ? 2 : 1);
    const startsCluster = scanner.startsCluster(codePoint);
    if (codePoint === 0x20) {
      endWord(index);
      wordStart = next;
      clustersInWord = 0;
      spaceBefore = true;
    } else if (startsCluster) {
      const hyphenStartingWord = clustersInWord === 1 && breaksAfterInWord(previousBase);
      if (clustersInWord > 0 && !hyphenStartingWord && mayBreakBetween(previousBase, codePoint)) {
        endWord(index);
        wordStart = index;
        clustersInWord = 0;
        spaceBefore = false;
      }
      clustersInWord++;
      previousBase = codePoint;
    }
    index = next;
  }
  endWord(paragraph.length);
  return words;
}

/** Greedy line filling: each word goes on the current line if it fits, else starts the next. */
function fillLines(words: readonly Word[], table: AdvanceTable, maxUnits: number, lines: Line[]): void {
  const spaceUnits = table.advanceOf(0x20);
  let line: Line | undefined;
  for (const word of words) {
    const joined = line === undefined ? Infinity : line.units + (word.spaceBefore ? spaceUnits : 0) + word.units;
    if (line !== undefined && joined <= maxUnits) {
      line.text += (word.spaceBefore ? ' ' : '') + word.text;
      line.units = joined;
      continue;
    }
    if (line !== undefined) lines.push(line);
    line = word.units <= maxUnits ? { text: word.text, units: word.units } : breakLongWord(word, table, maxUnits, lines);
  }
  if (line !== undefined) lines.push(line);
}

/** Breaks a word wider than a line between characters; pushes the full lines and returns the rest. */
function breakLongWord(word: Word, table: AdvanceTable, maxUnits: number, lines: Line[]): Line {
  let line: Line = { text: '', units: 0 };
  for (const cluster of clustersOf(word.text)) {
    const units = table.advanceSum(cluster);
    if (line.text !== '' && line.units + units > maxUnits) {
      lines.push(line);
      line = { text: '', units: 0 };
    }
    line.text += cluster;
    line.units += units;
  }
  return line;
}

/** The line with ELLIPSIS at its end, characters dropped from its end until both fit. */
function withEllipsis(line: Line, table: AdvanceTable, maxUnits: number): Line {
  const ellipsisUnits = table.advanceSum(ELLIPSIS);
  const clusters = clustersOf(line.text);
  let units = line.units;
  while (clusters.length > 0 && (units + ellipsisUnits > maxUnits || clusters[clusters.length - 1] === ' ')) {
    units -= table.advanceSum(clusters.pop()!);
  }
  return { text: clusters.join('') + ELLIPSIS, units: units + ellipsisUnits };
}
