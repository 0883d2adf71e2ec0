import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.js';
import { VALIDATION_CODES } from '../../src/lint/validation-codes.js';
import { validateFiles } from '../../src/validate/index.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';

const VALIDATE = join(FIXTURES, 'validate');

/**
 * Mistakes a CX analyst makes editing journey YAML by hand, one fixture each
 * (test/fixtures/validate/mistakes/<name>.journey.yaml, a valid journey with the
 * mistake put in), and exactly what `cjm validate` must say: one finding per
 * cause, at the line and column of what it is about, as `line:col code message`.
 */
const MISTAKES: Record<string, string[]> = {
  'apostrophe-in-single-quotes': [
    "21:24 yaml-syntax the apostrophe after `Riceve l` ends the quoted text early: write name: \"Riceve l'appuntamento\" (inside single quotes, an apostrophe is written twice: '')",
  ],
  'colon-at-end': [
    "14:15 yaml-syntax the value of `name` ends with \":\", which YAML reads as a key: remove the colon or put the value in quotes: name: \"Calls the booking centre:\"",
  ],
  'colon-in-value': [
    "3:8 yaml-syntax the value of `title` contains \": \", which YAML reads as the start of another key: put the value in quotes: title: \"Ricovero: il percorso\"",
  ],
  'dash-on-key-line': [
    "15:19 yaml-syntax a list cannot start on the same line as its key: put `- patient` on the next line, indented under `personas`, or write personas: [patient]",
  ],
  'dash-under-bracket-list': [
    "9:7 yaml-syntax `channels` is already a list in brackets, so `- email` below it is not part of it: put the items in the brackets: channels: [phone, web, email]",
  ],
  'decimal-emotion': [
    "18:18 schema `stages[0].steps[0].emotion` is -2.5; must be a whole number",
  ],
  'duplicate-key': [
    "24:9 duplicate-key `name` is already set on line 21 of this mapping; a key may appear only once: remove one of the two",
  ],
  'en-dash-minus': [
    "18:18 schema `stages[0].steps[0].emotion` is \"–1\"; must be a number; it has an en dash (U+2013), which YAML does not read as a minus sign: write -1",
  ],
  'emotion-persona-not-on-step': [
    "22:11 persona-not-on-step `carer` has an emotion at step `call-cup` but is not among its personas (patient); add it to `personas` or remove its score",
  ],
  'forgotten-dash-first-item': [
    "13:9 yaml-syntax `id: call-cup` starts the first item of `steps` but has no `- `: write `- id: call-cup`, with the `-` in column 7 like line 20",
  ],
  'forgotten-dash': [
    "20:9 yaml-syntax `id: get-date` starts a new list item but has no `- `: write `- id: get-date`, with the `-` in column 7 like line 13",
  ],
  'key-at-stage-indent': [
    "14:5 yaml-syntax `name` starts in column 5, out of line with `id` on line 13: start it in column 9, under `id`",
  ],
  'key-indented-less': [
    "18:8 yaml-syntax `emotion` starts in column 8, out of line with `touchpoints` on line 16: start it in column 9, under `touchpoints`",
  ],
  'key-indented-more': [
    "25:6 yaml-syntax `name` starts in column 6, right of `id` on line 24, so YAML reads it as more of the value of `id`: start it in column 5, under `id`",
  ],
  'list-item-indented-less': [
    "20:5 yaml-syntax this list item starts in column 5, out of line with the item on line 13: start its `-` in column 7, under the `-` of line 13",
  ],
  'no-colon': [
    "18:9 yaml-syntax `emotion` needs a colon after it: emotion: -1",
  ],
  'no-space-after-colon': [
    "7:9 yaml-syntax put a space after the colon: name: Giulia, patient (without it, YAML reads `name:Giulia, patient` as one piece of text, not a key and its value)",
  ],
  'non-breaking-space-after-colon': [
    "18:17 yaml-syntax a non-breaking space (U+00A0) after `emotion:` is not a space to YAML: type a normal space instead",
  ],
  'non-breaking-space-in-number': [
    "18:18 schema `stages[0].steps[0].emotion` is \"-1 \"; must be a number; it has a non-breaking space (U+00A0), which YAML does not read as a space: write -1",
  ],
  'quoted-number': [
    "23:18 schema `stages[0].steps[1].emotion` is \"2\"; must be a number; the quotes make it text: write 2 without quotes",
  ],
  'refused-id-referenced': [
    "20:13 schema `stages[0].steps[1].id` is \"Get-date\"; must be an id: lowercase letters, digits and dashes, starting with a letter or digit",
  ],
  'schema-and-references': [
    "5:8 schema `state` is \"later\"; allowed: current, future",
    "16:20 unknown-persona unknown persona `patinet` (did you mean `patient`?); declare it under `personas` in this journey or in the shared catalogue",
    "20:16 unknown-step `next` of step `call-cup` goes to `get-dates`, which is no step of this journey (did you mean `get-date`?)",
    "23:34 unknown-channel unknown channel `emial` (did you mean `email`?); use a built-in channel or declare it under `channels`",
    "28:13 duplicate-id step id `call-cup` is used twice; step ids must be unique in a journey",
  ],
  'smart-quotes-around-value': [
    "3:8 yaml-syntax the value of `title` is in typographic quotes (U+201C, U+201D), which YAML does not read as quotes: use straight quotes: title: \"Ricovero: il percorso\"",
  ],
  'smart-quotes-in-id': [
    "19:16 schema `stages[0].steps[0].next[0]` is \"‘get-date’\"; must be an id: lowercase letters, digits and dashes, starting with a letter or digit; it has typographic quotes (U+2018, U+2019), which YAML does not read as quotes: write get-date",
  ],
  'smart-quotes-in-text': [],
  'tab': [
    "18:1 yaml-syntax YAML indents with spaces, not tabs: replace the tab at line 18, column 1 with 8 spaces",
  ],
  'text-indented-less': [
    "10:5 yaml-syntax this line is part of the text of `description` (line 8) but starts in column 5, so YAML ends the text before it: start it in column 7, like the rest of the text",
  ],
  'three-mistakes': [
    "3:8 yaml-syntax the value of `title` contains \": \", which YAML reads as the start of another key: put the value in quotes: title: \"Ricovero: il percorso\"",
    "18:1 yaml-syntax YAML indents with spaces, not tabs: replace the tab at line 18, column 1 with 8 spaces",
    "21:13 yaml-syntax put a space after the colon: name: Gets an admission date (without it, YAML reads `name:Gets an admission date` as one piece of text, not a key and its value)",
  ],
  'typographic-minus': [
    "18:18 schema `stages[0].steps[0].emotion` is \"−1\"; must be a number; it has a typographic minus (U+2212), which YAML does not read as a minus sign: write -1",
  ],
  'unclosed-bracket': [
    "15:19 yaml-syntax the list opened with `[` is never closed: add `]`: personas: [patient]",
  ],
  'unclosed-quote': [
    "14:15 yaml-syntax the quote \" that starts the value of `name` is not closed on its line, so the text runs on to the end of the file: close it: name: \"Calls the booking centre\"",
  ],
  'yes-for-true': [
    "29:24 schema `stages[1].steps[0].momentOfTruth` is \"yes\"; must be true or false; YAML reads yes as text: write true",
  ],
};

const shown = (finding: { line: number; column: number; ruleId: string; message: string }) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;

describe('analyst mistakes: one finding per cause, with its position and fix', async () => {
  const run = await validateFiles(['mistakes'], { cwd: VALIDATE, config: false });
  const byName = new Map(run.files.map((file) => [file.file.replace(/^mistakes\/(.*)\.journey\.yaml$/, '$1'), file.findings]));

  it('covers every fixture, and every fixture has an entry', () => {
    expect([...byName.keys()].sort()).toEqual(Object.keys(MISTAKES).sort());
  });

  it.each(Object.entries(MISTAKES))('%s', (name, expected) => {
    expect(byName.get(name)?.map(shown)).toEqual(expected);
  });

  it('cjm lint reports the same validation findings', async () => {
    const lint = await lintFiles(['mistakes'], { cwd: VALIDATE, config: false, now: new Date('2026-11-22') });
    const validation = new Set(run.files.flatMap((file) => file.findings.map((finding) => `${file.file} ${shown(finding)}`)));
    const linted = lint.files.flatMap((file) => file.findings.filter((finding) => finding.ruleId in VALIDATION_CODES).map((finding) => `${file.file} ${shown(finding)}`));
    expect(new Set(linted)).toEqual(validation);
  });
});

describe('docs/validation.md', () => {
  it('lists every validation code', () => {
    const page = readFileSync(join(ROOT, 'docs', 'validation.md'), 'utf8');
    expect(Object.keys(VALIDATION_CODES).filter((code) => !page.includes(`\n#### ${code}\n`))).toEqual([]);
  });
});
