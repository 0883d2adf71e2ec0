import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeDocsUrl, ENGINE_CODES, VALIDATION_CODES } from '../../src/lint/validation-codes.js';

const page = readFileSync(new URL('../../docs/validation.md', import.meta.url), 'utf8');
const headings = [...page.matchAll(/^#### (.+)$/gm)].map((match) => match[1]);

describe('docs/validation.md, where SARIF help URIs of validation codes point', () => {
  it('has one section per validation and engine code, and none for anything else', () => {
    expect([...headings].sort()).toEqual([...Object.keys(VALIDATION_CODES), ...Object.keys(ENGINE_CODES)].sort());
  });

  it('is linked by the heading anchor GitHub gives each section (the code itself)', () => {
    expect(codeDocsUrl('yaml-syntax')).toBe('https://github.com/cjm-dev/cjm/blob/main/docs/validation.md#yaml-syntax');
    expect(codeDocsUrl('rule-error')).toMatch(/#rule-error$/);
    // Not a code cjm reports: no link rather than a link to nowhere.
    expect(codeDocsUrl('no-such-code')).toBeUndefined();
    expect(codeDocsUrl('constructor')).toBeUndefined();
  });
});
