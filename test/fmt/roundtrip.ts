import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { Lexer, parse } from 'yaml';
import { formatJourneyText } from '../../src/fmt/format.js';

/** Every comment's text in a YAML text, read from the lexer's tokens (independent of where `yaml` attaches them). */
export function commentTexts(text: string): string[] {
  const comments: string[] = [];
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) comments.push(token.slice(1).trim());
  }
  return comments.sort();
}

/**
 * The three promises of `cjm fmt` for one text: the data reads back the same,
 * every comment is still there, and formatting the output changes nothing.
 */
export function expectFaithfulFormat(text: string, label = 'input'): string {
  const first = formatJourneyText(text);
  if (!first.ok) throw new Error(`${label}: ${first.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ')}`);
  expect(parse(first.output, { logLevel: 'error' }), `${label}: data read back`).toEqual(parse(text, { logLevel: 'error' }));
  expect(commentTexts(first.output), `${label}: comments`).toEqual(commentTexts(text));
  const second = formatJourneyText(first.output);
  expect(second.ok && second.output, `${label}: idempotent`).toBe(first.output);
  return first.output;
}

/** The same three checks without vitest's diffs, which cost seconds per shrink step in property tests. */
export function faithfulFormatProblem(text: string): string | undefined {
  const first = formatJourneyText(text);
  if (!first.ok) return `not formatted: ${first.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ')}`;
  if (!isDeepStrictEqual(parse(first.output, { logLevel: 'error' }), parse(text, { logLevel: 'error' }))) return `data changed\n${first.output}`;
  if (!isDeepStrictEqual(commentTexts(first.output), commentTexts(text))) return `comments changed\n${first.output}`;
  const second = formatJourneyText(first.output);
  if (!second.ok || second.output !== first.output) return `not idempotent\n--- first\n${first.output}\n--- second\n${second.ok ? second.output : 'not ok'}`;
  return undefined;
}
