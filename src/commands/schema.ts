import { Argument, type Command } from 'commander';
import { action, writeOut } from './io.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of journey files (or of cjm.config.yaml) for editors and other tools')
    .addArgument(new Argument('[kind]', 'which schema').choices(['journey', 'config']).default('journey'))
    .action(
      action(async (kind: 'journey' | 'config') => {
        const { jsonSchemaText } = await import('../schema/json-schema.js');
        writeOut(jsonSchemaText(kind));
      }),
    );
}
