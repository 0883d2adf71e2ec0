import { applyEdits, offsetBeforeEdits, type Cause, type Diagnosis, type Edit, type YamlError } from './cause.js';
import { SourceLines } from './lines.js';
import { colonInValue } from './colon-in-value.js';
import { duplicateKey } from './duplicate-key.js';
import { flowAndBlock } from './flow-and-block.js';
import { indentation } from './indentation.js';
import { lookalikeSpace } from './lookalike-space.js';
import { missingColon } from './missing-colon.js';
import { missingSpace } from './missing-space.js';
import { parserMessage } from './parser-message.js';
import { quoteEndsEarly } from './quote-ends-early.js';
import { smartQuote } from './smart-quote.js';
import { tabIndent } from './tab-indent.js';
import { textContinuation } from './text-continuation.js';
import { unclosedBracket } from './unclosed-bracket.js';
import { unclosedQuote } from './unclosed-quote.js';

export type { YamlError } from './cause.js';

/**
 * Every diagnosis offers its candidates; the one whose repair leaves the first
 * remaining error furthest on wins, and this order breaks ties: characters
 * first (a tab or a look-alike can produce any parser error), then mistakes
 * told by the error and the line.
 */
const DIAGNOSES: readonly Diagnosis[] = [
  tabIndent,
  lookalikeSpace,
  smartQuote,
  unclosedQuote,
  quoteEndsEarly,
  unclosedBracket,
  missingSpace,
  colonInValue,
  flowAndBlock,
  duplicateKey,
  missingColon,
  textContinuation,
  indentation,
];

/** At most this many causes per file; past them, the writer is better served by fixing these first. */
const MAX_CAUSES = 10;
/**
 * Characters re-parsed per file at most (each candidate repair is one parse):
 * a 50 KB journey may take every re-parse it needs (about 30 for a file with
 * several mistakes), a big file about 4 parses more than a valid one (`yaml`
 * parses about 1.5 MB/s: a broken 1 MB file was reported in 3.1 s).
 */
export function reparseBudget(textLength: number): number {
  return Math.min(10_000_000, Math.max(2_000_000, 4 * textLength));
}

interface Trial {
  cause: Cause;
  text: string;
  errors: YamlError[];
  /** Where the first error left after the repair is (in the text before it); Infinity when none is. */
  reach: number;
  /** The repaired lines are indented in the file's usual steps (the writer's habit, not a guess). */
  inStep: boolean;
}

/**
 * Turns `yaml`'s errors into one finding per cause. A single slip (a tab, a
 * missing `- `) makes the parser report errors on every line after it; so the
 * first error is explained from the source, the explanation's repair is
 * applied, and the repaired text is parsed again: errors that vanish were only
 * consequences, errors that remain are the next cause.
 */
export function explainYamlErrors(text: string, errors: readonly YamlError[], parseErrors: (text: string) => YamlError[]): Cause[] {
  const causes: Cause[] = [];
  const rounds: Edit[][] = [];
  const step = indentStep(new SourceLines(text));
  // Line breaks never change, so line numbers hold across rounds. A line is
  // re-indented once: doing it again would undo a guess rather than explain.
  const reindented = new Set<number>();
  let budget = reparseBudget(text.length);
  let current = { text, errors: sortErrors(errors) };
  while (current.errors.length > 0 && causes.length < MAX_CAUSES) {
    const lines = new SourceLines(current.text);
    const error = onContent(current.errors[0], lines);
    const candidates = DIAGNOSES.flatMap((diagnosis) => diagnosis({ error, lines })).filter(
      (cause) => !cause.repair.some((edit) => isReindent(edit, lines) && reindented.has(lines.lineOf(edit.start))),
    );
    let best: Trial | undefined;
    for (const cause of candidates) {
      const repaired = applyEdits(current.text, cause.repair);
      if (repaired === undefined || budget < repaired.length) continue;
      budget -= repaired.length;
      const next = sortErrors(parseErrors(repaired));
      const trial = { cause, text: repaired, errors: next, reach: next.length === 0 ? Infinity : offsetBeforeEdits(next[0].start, cause.repair), inStep: isInStep(repaired, cause.repair, step) };
      if (!best || isBetter(trial, best)) best = trial;
      if (trial.reach === Infinity && trial.inStep) break;
    }
    // A repair that leaves an error on its own line, or the very error it explains, guessed wrong.
    const explained = best !== undefined && best.reach > lines.end(lines.lineOf(best.cause.start)) && !sameError(best.errors[0], error, best.cause.repair);
    causes.push(inOriginalText(explained ? best!.cause : (candidates[0] ?? parserMessage(error)), rounds));
    if (!explained) break;
    for (const edit of best!.cause.repair) if (isReindent(edit, lines)) reindented.add(lines.lineOf(edit.start));
    rounds.push([...best!.cause.repair]);
    current = best!;
  }
  return causes;
}

/** Further is better; then fewer errors left; then indentation in the file's steps. Earlier candidates win ties. */
function isBetter(trial: Trial, best: Trial): boolean {
  if (trial.reach !== best.reach) return trial.reach > best.reach;
  if (trial.errors.length !== best.errors.length) return trial.errors.length < best.errors.length;
  return trial.inStep && !best.inStep;
}

/** The indentation step most lines of the file follow: 4, 2, or 1 when there is none. */
function indentStep(lines: SourceLines): number {
  const indents: number[] = [];
  for (let i = 0; i < lines.count; i++) if (!lines.layout(i).blank && lines.layout(i).indent > 0) indents.push(lines.layout(i).indent);
  return [4, 2].find((step) => indents.filter((indent) => indent % step === 0).length >= indents.length * 0.9) ?? 1;
}

function isInStep(repaired: string, repair: readonly Edit[], step: number): boolean {
  let delta = 0;
  for (const edit of [...repair].sort((a, b) => a.start - b.start)) {
    const at = edit.start + delta;
    const lineStart = repaired.lastIndexOf('\n', at - 1) + 1;
    let indent = 0;
    while (repaired[lineStart + indent] === ' ') indent++;
    if (indent % step !== 0) return false;
    delta += edit.insert.length - (edit.end - edit.start);
  }
  return true;
}

function isReindent(edit: Edit, lines: SourceLines): boolean {
  return edit.start === lines.start(lines.lineOf(edit.start));
}

/**
 * `yaml` may place an error at the end of a line or on a blank line, where a
 * structure it was reading ends; what it could not read starts on the next line.
 */
function onContent(error: YamlError, lines: SourceLines): YamlError {
  const line = lines.lineOf(error.start);
  if (error.start < lines.end(line) && !lines.layout(line).blank) return error;
  const next = lines.nextContentLine(line);
  if (next === undefined) return error;
  const start = lines.offset(next, lines.layout(next).indent);
  return { ...error, start, end: Math.max(start, error.end) };
}

function sameError(next: YamlError | undefined, error: YamlError, repair: readonly Edit[]): boolean {
  return next !== undefined && next.code === error.code && offsetBeforeEdits(next.start, repair) === error.start;
}

function sortErrors(errors: readonly YamlError[]): YamlError[] {
  return [...errors].sort((a, b) => a.start - b.start);
}

function inOriginalText(cause: Cause, rounds: readonly Edit[][]): Cause {
  let { start, end } = cause;
  for (let i = rounds.length - 1; i >= 0; i--) {
    start = offsetBeforeEdits(start, rounds[i]);
    end = offsetBeforeEdits(end, rounds[i]);
  }
  return { ...cause, start, end };
}
