import { Argument, Option, type Command } from 'commander';
import type { SchemaDraft, SchemaKind } from '../schema/json-schema.js';
import { action, writeOut } from './io.js';

const DRAFTS = ['2020-12', '07'] as const satisfies readonly SchemaDraft[];

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of journey files (or of cjm.config.yaml) for editors and other tools')
    .addArgument(new Argument('[kind]', 'which schema').choices(['journey', 'config']).default('journey'))
    .addOption(
      new Option('--draft <draft>', 'JSON Schema draft: 2020-12, or 07 for editors that predate 2020-12 (what cjm init links)')
        .choices(DRAFTS)
        .default('2020-12'),
    )
    .action(
      action(async (kind: SchemaKind, options: { draft: SchemaDraft }) => {
        const { jsonSchemaText } = await import('../schema/json-schema.js');
        writeOut(jsonSchemaText(kind, options.draft));
      }),
    );
}
