import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/formatters/sarif.js';
import { CONTEXT, finding, RESULTS } from './sample.js';

/**
 * The SARIF 2.1.0 schema (rtm.5, the final 2.1.0 text) as shipped by
 * @microsoft/jest-sarif: there is no network in tests. It is a draft-04
 * schema; Ajv 8 reads it once `id` is spelt `$id` (it uses no draft-04-only
 * keyword such as boolean exclusiveMinimum).
 */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  expect(JSON.stringify(schema)).not.toContain('exclusiveM');
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only non-unicode regular expressions accept.
  const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('sarif formatter', () => {
  const log = JSON.parse(sarif(RESULTS, CONTEXT));
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema has teeth: a level SARIF does not know is refused.
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'warn';
    expect(validate(broken)).toBe(false);
    // A clean run too.
    expect(validate(JSON.parse(sarif([{ file: 'a.journey.yaml', findings: [] }], CONTEXT)))).toBe(true);
    // And a file outside the working directory, with its declared base.
    expect(validate(JSON.parse(sarif([{ file: '../x.journey.yaml', findings: [finding({ file: '../x.journey.yaml' })] }], CONTEXT)))).toBe(true);
  });

  it('names the tool and describes every rule, with help and a link to its page', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver).toMatchObject({ name: 'cjm', fullName: 'cjm 0.1.0: customer journey maps as code', version: '0.1.0', informationUri: 'https://github.com/cjm-dev/cjm' });
    const owner = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'stage-owner');
    expect(owner).toEqual({
      id: 'stage-owner',
      name: 'StageOwner',
      shortDescription: { text: 'A stage with no owner.' },
      fullDescription: { text: expect.stringContaining('A stage with no owner.') },
      help: { text: expect.stringContaining('docs/rules/stage-owner.md'), markdown: expect.stringContaining('(https://github.com/cjm-dev/cjm/blob/main/docs/rules/stage-owner.md)') },
      helpUri: 'https://github.com/cjm-dev/cjm/blob/main/docs/rules/stage-owner.md',
      defaultConfiguration: { level: 'error' },
    });
    const off = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'evidence-missing');
    expect(off.defaultConfiguration).toEqual({ level: 'warning', enabled: false });
  });

  it('describes validation codes that occur as rules too, with a name and a link to their section of docs/validation.md', () => {
    const schema = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'schema');
    expect(schema.shortDescription.text).toBe('The journey does not match the cjm journey format.');
    // SARIF wants a name that differs from the id, case aside.
    expect(schema.name).toBe('SchemaCheck');
    expect(schema.helpUri).toBe('https://github.com/cjm-dev/cjm/blob/main/docs/validation.md#schema');
    expect(schema.help.markdown).toContain('(https://github.com/cjm-dev/cjm/blob/main/docs/validation.md#schema)');
  });

  it('gives every rule a PascalCase name', () => {
    expect(run.tool.driver.rules.map((rule: { name: string }) => rule.name)).toEqual(['KpiOffTarget', 'StageKpi', 'StageOwner', 'EvidenceMissing', 'SchemaCheck']);
  });

  it('names the run\'s category: cjm/ by default, or the one asked for', () => {
    expect(run.automationDetails).toEqual({ id: 'cjm/' });
    const categorised = JSON.parse(sarif(RESULTS, { ...CONTEXT, sarifCategory: 'journeys' })).runs[0];
    expect(categorised.automationDetails).toEqual({ id: 'journeys/' });
    expect(JSON.parse(sarif(RESULTS, { ...CONTEXT, sarifCategory: 'journeys/nightly' })).runs[0].automationDetails).toEqual({ id: 'journeys/nightly/' });
  });

  it('locates a file outside the working directory relative to a declared root, never with an absolute URI', () => {
    expect(run.originalUriBaseIds).toBeUndefined();
    const outside = [{ file: '../shared/x.journey.yaml', findings: [finding({ file: '../shared/x.journey.yaml' })] }];
    const outsideRun = JSON.parse(sarif(outside, CONTEXT)).runs[0];
    expect(outsideRun.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'shared/x.journey.yaml', uriBaseId: 'ROOT' });
    expect(outsideRun.originalUriBaseIds).toEqual({ ROOT: { uri: 'file:///' } });
    // A name that starts with two dots is still inside.
    const dotted = JSON.parse(sarif([{ file: '..x.journey.yaml', findings: [finding({ file: '..x.journey.yaml' })] }], CONTEXT)).runs[0];
    expect(dotted.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: '..x.journey.yaml', uriBaseId: '%SRCROOT%' });
  });

  it('gives each result ruleId, a matching ruleIndex, level, message and a 1-based region on a repo-relative URI', () => {
    expect(run.results.map((result: { level: string }) => result.level)).toEqual(['error', 'warning', 'note', 'error']);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'journeys/a.journey.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 12 },
    });
    // An empty range is given as its start only; spaces in paths are URI-encoded.
    expect(run.results[1].locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 9 });
    expect(run.results[3].locations[0].physicalLocation.artifactLocation.uri).toBe('journeys/b%20c.journey.yaml');
    expect(run.results[1].message.text).toContain('\nsecond line');
  });

  it('reports unreadable files as tool notifications', () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('journeys/pipe.journey.yaml: not a regular file');
  });
});
