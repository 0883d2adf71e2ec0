import { Option, type Command } from 'commander';
import { action, writeOut } from './io.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules: id, default severity and what each finds')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(
      action(async (options: { format: 'text' | 'json' }) => {
        const { RULES } = await import('../rules/index.js');
        const { ruleMetadata } = await import('../lint/metadata.js');
        const rules = ruleMetadata(RULES);
        if (options.format === 'json') {
          writeOut(`${JSON.stringify(rules, null, 2)}\n`);
          return;
        }
        const idWidth = Math.max(...rules.map((rule) => rule.id.length), 'RULE'.length);
        const lines = [`${'RULE'.padEnd(idWidth)}  DEFAULT  DESCRIPTION`];
        for (const rule of rules) lines.push(`${rule.id.padEnd(idWidth)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.description}`);
        lines.push('', `${rules.length} rules. Each has a page in docs/rules/<id>.md; set severities and options under \`rules:\` in cjm.config.yaml.`);
        writeOut(`${lines.join('\n')}\n`);
      }),
    );
}
