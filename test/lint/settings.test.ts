import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRule, type Rule } from '../../src/lint/rule.js';
import { resolveRuleSettings, type CliRuleSetting } from '../../src/lint/settings.js';
import { ConfigError, loadConfig } from '../../src/load/config.js';

const rule = (id: string, defaultSeverity: Rule['defaultSeverity'], options: z.ZodType = z.object({})) =>
  defineRule<any>({ id, description: `${id} rule`, defaultSeverity, options, check() {} });

// delta's options are deferred, as the built-in rules' are: defaults, and a schema built only to read a config's options.
const delta = defineRule<{ maxAgeDays: number; strict: boolean }>({
  id: 'delta',
  description: 'delta rule',
  defaultSeverity: 'off',
  options: { defaults: { maxAgeDays: 30, strict: false }, schema: (zod) => zod.object({ maxAgeDays: zod.int().positive(), strict: zod.boolean() }) },
  check() {},
});

const RULES = [
  rule('alpha', 'error'),
  rule('beta', 'warn', z.object({ maxAgeDays: z.number().int().positive().default(180) })),
  rule('gamma', 'off'),
  delta,
];

async function settingsFor(configYaml: string | undefined, cli: CliRuleSetting[] = []) {
  if (configYaml === undefined) return resolveRuleSettings(RULES, await loadConfig(undefined), cli);
  const dir = mkdtempSync(join(tmpdir(), 'cjm-settings-'));
  const path = join(dir, 'cjm.config.yaml');
  writeFileSync(path, configYaml);
  return resolveRuleSettings(RULES, await loadConfig(path), cli);
}

function summary(active: ReturnType<Awaited<ReturnType<typeof settingsFor>>['forFile']>) {
  return Object.fromEntries(active.map(({ rule, severity, options }) => [rule.id, Object.keys(options as object).length ? [severity, options] : severity]));
}

async function configError(configYaml: string, cli: CliRuleSetting[] = []): Promise<ConfigError> {
  const error = await settingsFor(configYaml, cli).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('severity resolution', () => {
  it('defaults: a rule that is off does not run; options are the schema defaults', async () => {
    expect(summary((await settingsFor(undefined)).forFile('a.journey.yaml'))).toEqual({ alpha: 'error', beta: ['warn', { maxAgeDays: 180 }] });
    expect(summary((await settingsFor('rules:\n  delta: info\n')).forFile('a.journey.yaml')).delta).toEqual(['info', { maxAgeDays: 30, strict: false }]);
  });

  it('deferred options: the ones a config leaves out keep their defaults; a misspelt or bad one is an error', async () => {
    const settings = await settingsFor('rules:\n  delta: [warn, { strict: true }]\n');
    expect(summary(settings.forFile('a.journey.yaml')).delta).toEqual(['warn', { maxAgeDays: 30, strict: true }]);
    expect((await configError('rules:\n  delta: [warn, { maxAgeDay: 9 }]\n')).message).toMatch(/invalid options for rule delta: .*maxAgeDay\b/);
    expect((await configError('rules:\n  delta: [warn, { maxAgeDays: -1 }]\n')).message).toMatch(/invalid options for rule delta/);
  });

  it('config rules over defaults: severity alone, [severity], [severity, options]', async () => {
    const settings = await settingsFor('rules:\n  alpha: off\n  gamma: [info]\n  beta: [error, { maxAgeDays: 90 }]\n');
    expect(summary(settings.forFile('a.journey.yaml'))).toEqual({ beta: ['error', { maxAgeDays: 90 }], gamma: 'info' });
  });

  it("optionsFor: a rule's options for a file, the overrides applied, even where the rule is off", async () => {
    const settings = await settingsFor(
      'rules:\n  beta: [warn, { maxAgeDays: 90 }]\noverrides:\n  - files: ["drafts/**"]\n    rules: { beta: off }\n  - files: ["old/**"]\n    rules: { beta: [warn, { maxAgeDays: 400 }] }\n',
    );
    expect(['a.journey.yaml', 'drafts/a.journey.yaml', 'old/a.journey.yaml'].map((file) => settings.optionsFor('beta', file))).toEqual([
      { maxAgeDays: 90 },
      { maxAgeDays: 90 },
      { maxAgeDays: 400 },
    ]);
    expect(settings.optionsFor('nope', 'a.journey.yaml')).toBeUndefined();
  });

  it('overrides apply to matching files only, in order, the last match winning; a bare severity keeps the options', async () => {
    const settings = await settingsFor(
      [
        'rules:',
        '  beta: [warn, { maxAgeDays: 90 }]',
        'overrides:',
        '  - files: ["drafts/**"]',
        '    rules: { alpha: warn, beta: off }',
        '  - files: ["drafts/final/**", "*.final.journey.yaml"]',
        '    rules: { alpha: info, beta: error }',
      ].join('\n'),
    );
    expect(summary(settings.forFile('main.journey.yaml'))).toEqual({ alpha: 'error', beta: ['warn', { maxAgeDays: 90 }] });
    expect(summary(settings.forFile('drafts/a.journey.yaml'))).toEqual({ alpha: 'warn' });
    expect(summary(settings.forFile('drafts/final/a.journey.yaml'))).toEqual({ alpha: 'info', beta: ['error', { maxAgeDays: 90 }] });
    expect(summary(settings.forFile('x/y.final.journey.yaml'))).toEqual({ alpha: 'info', beta: ['error', { maxAgeDays: 90 }] });
  });

  it('--rule wins over config and overrides', async () => {
    const settings = await settingsFor('overrides:\n  - files: ["**"]\n    rules: { alpha: off, gamma: off }\n', [
      { id: 'alpha', severity: 'info' },
      { id: 'gamma', severity: 'error' },
      { id: 'beta', severity: 'off' },
    ]);
    expect(summary(settings.forFile('any/file.journey.yaml'))).toEqual({ alpha: 'info', gamma: 'error' });
  });
});

describe('configuration errors name the key and its line', () => {
  it('an unknown rule id in rules, with a suggestion', async () => {
    const error = await configError('include: ["**"]\nrules:\n  alpha: warn\n  betta: off\n');
    expect(error.describe()).toMatch(/cjm\.config\.yaml:4:\d+: unknown rule "betta" in rules: did you mean beta\?/);
  });

  it('an unknown rule id in an override', async () => {
    const error = await configError('overrides:\n  - files: [a]\n    rules:\n      nope: off\n');
    expect(error.position?.line).toBe(4);
    expect(error.message).toContain('in overrides[0].rules');
  });

  it('a validation check is not a rule', async () => {
    expect((await configError('rules:\n  schema: off\n')).message).toContain('validation check');
  });

  it('bad options: wrong type, unknown key, options for a rule that takes none', async () => {
    const wrongType = await configError('rules:\n  beta:\n    - warn\n    - maxAgeDays: soon\n');
    expect(wrongType.position?.line).toBe(4);
    expect(wrongType.message).toMatch(/invalid options for rule beta: .*maxAgeDays/);
    const misspelt = await configError('rules:\n  beta: [warn, { maxAgeDay: 90 }]\n');
    expect(misspelt.position?.line).toBe(2);
    expect(misspelt.message).toMatch(/maxAgeDay.*maxAgeDays/);
    expect((await configError('rules:\n\n  alpha: [error, { x: 1 }]\n')).describe()).toMatch(/:3:\d+: rule alpha takes no options/);
  });

  it('an unknown id in --rule', async () => {
    const error = await settingsFor(undefined, [{ id: 'alpah', severity: 'off' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).describe()).toBe('--rule: unknown rule "alpah": did you mean alpha? (`cjm rules` lists the rules)');
  });

  it('a bad severity is refused by the config schema, with its line', async () => {
    const error = await configError('rules:\n  alpha: warning\n');
    expect(error.position?.line).toBe(2);
  });
});
