import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { configSchema } from '../../src/schema/config.js';
import { renderConfigTemplate } from '../../src/init/config.js';
import { RULES } from '../../src/rules/index.js';

describe('cjm init --config', () => {
  const text = renderConfigTemplate(RULES, './node_modules/cjm/schemas/config.schema.json');

  it('parses with the config schema', () => {
    const document = parseDocument(text);
    expect(document.errors).toEqual([]);
    expect(configSchema.safeParse(document.toJS()).success).toBe(true);
  });

  it('lists every rule with its default severity', () => {
    const rules = configSchema.parse(parseDocument(text).toJS()).rules!;
    expect(Object.keys(rules).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    for (const rule of RULES) expect(rules[rule.id]).toBe(rule.defaultSeverity);
  });

  it('starts with the modeline and keeps include and catalog as commented examples', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/cjm/schemas/config.schema.json');
    expect(text).toMatch(/^# include: /m);
    expect(text).toMatch(/^# catalog: /m);
  });
});
