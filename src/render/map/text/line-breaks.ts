/**
 * Where a line may break: a small, fast subset of Unicode's line-breaking
 * rules (UAX #14) for the short texts of a journey map. Full UAX #14 would
 * need a library and its data; Intl.Segmenter costs about 1 µs a character,
 * a hundred times the cost of measuring one.
 */
import { isWideCodePoint } from './missing-glyphs.js';

/** Bidi embedding, override and isolate controls: an SVG line is laid out on its own, so they could only reorder or hide text. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Hard line breaks (UAX #14 classes BK, CR, LF, NL): each starts a new line. */
const LINE_SEPARATORS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
/** Breaking spaces, collapsed into one U+0020 as a browser does. No-break spaces (U+00A0, U+2007, U+202F) stay. */
const COLLAPSIBLE_SPACES = /[\t \u1680\u2000-\u2006\u2008-\u200A\u205F\u3000]+/g;
/** Other control characters: invisible, and most are not even allowed in XML. */
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

/**
 * The paragraphs of a text as they will be drawn: bidi and other controls
 * removed, runs of spaces collapsed to one, trimmed, empty lines dropped (a
 * map cell is too small for blank lines).
 */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(OTHER_CONTROLS, '')
    .split(LINE_SEPARATORS)
    .map((line) => line.replace(COLLAPSIBLE_SPACES, ' ').trim())
    .filter((line) => line !== '');
}

const ZERO_WIDTH_JOINER = 0x200d;
const EXTENDS_CLUSTER = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}]$/u;
const extendsCache = new Map<number, boolean>();

/** Marks, joiners, variation selectors and skin tones belong to the character before them: never break before one. */
function extendsCluster(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  let extendsPrevious = extendsCache.get(codePoint);
  if (extendsPrevious === undefined) {
    extendsPrevious = EXTENDS_CLUSTER.test(String.fromCodePoint(codePoint));
    extendsCache.set(codePoint, extendsPrevious);
  }
  return extendsPrevious;
}

function isRegionalIndicator(codePoint: number): boolean {
  return codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}

/**
 * Splits a text into user-perceived characters, near enough: a base with its
 * marks and joiners, an emoji ZWJ sequence, a flag. Hangul syllables spelled
 * out in conjoining jamo may split; texts use precomposed syllables.
 */
export function clustersOf(text: string): string[] {
  const clusters: string[] = [];
  const scanner = new ClusterScanner();
  for (const character of text) {
    if (scanner.startsCluster(character.codePointAt(0)!) || clusters.length === 0) clusters.push(character);
    else clusters[clusters.length - 1] += character;
  }
  return clusters;
}

/** Follows a text one code point at a time and says where a new cluster starts. */
export class ClusterScanner {
  private joinNext = false;
  private regionalIndicatorOpen = false;

  startsCluster(codePoint: number): boolean {
    const regionalIndicator = isRegionalIndicator(codePoint);
    // Two regional indicators make one flag; a third starts the next flag.
    const secondHalfOfFlag = regionalIndicator && this.regionalIndicatorOpen;
    const starts = !this.joinNext && !secondHalfOfFlag && !extendsCluster(codePoint);
    this.joinNext = codePoint === ZERO_WIDTH_JOINER;
    this.regionalIndicatorOpen = regionalIndicator && !secondHalfOfFlag;
    return starts;
  }
}

/** No break before these: closing brackets and punctuation, CJK small kana and iteration marks (kinsoku). */
const NO_BREAK_BEFORE = new Set(
  Array.from(')]}>,.:;!?%' + '、。，．・：；？！）］｝〕〉》」』】〙〗〟ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ' + '’”…‥', (character) =>
    character.codePointAt(0)!,
  ),
);
/** No break after these: opening brackets and quotes. */
const NO_BREAK_AFTER = new Set(
  Array.from('([{<' + '（［｛〔〈《「『【〘〖〝' + '‘“', (character) => character.codePointAt(0)!),
);
/** A break may follow these inside a word (well-known, self-service); the character stays at the end of the line. */
const BREAK_AFTER = new Set(Array.from('-/\u2010\u2013\u2014', (character) => character.codePointAt(0)!));

/** A hyphen or slash after which a word may break; one that starts a word (-5, /path) stays with it. */
export function breaksAfterInWord(codePoint: number): boolean {
  return BREAK_AFTER.has(codePoint);
}

function isAsciiDigit(codePoint: number): boolean {
  return codePoint >= 0x30 && codePoint <= 0x39;
}

/**
 * May a line break between two clusters that touch (no space between them),
 * given the last code point of the cluster before and the first of the one after?
 * Spaces are break opportunities of their own and never reach here.
 */
export function mayBreakBetween(before: number, after: number): boolean {
  const afterHyphen = BREAK_AFTER.has(before);
  // Most pairs are two letters of a word: settle them before the punctuation sets.
  if (!afterHyphen && !isWideCodePoint(before) && !isWideCodePoint(after)) return false;
  if (NO_BREAK_BEFORE.has(after) || NO_BREAK_AFTER.has(before)) return false;
  // Not inside a number (10-20) or a run of them (--, //).
  if (afterHyphen) return !isAsciiDigit(after) && !BREAK_AFTER.has(after);
  return true;
}
