import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaDraft } from '../../src/schema/json-schema.js';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';
import { type EditorDiagnostic, type ServerVersion, YamlLanguageServer } from './yaml-language-server.js';

/**
 * What an analyst sees in an editor: the real yaml-language-server, with the
 * schemas cjm ships, over the same files as `cjm validate`. Every schema
 * problem the CLI reports must be flagged on the same line, the editor must
 * flag nothing on a line where the CLI finds nothing, and valid files must be
 * clean. Reference checks (unknown persona, channel, step...) are the CLI's
 * alone: JSON Schema cannot express them.
 */

const EDITOR_FIXTURES = join(FIXTURES, 'editor');
const journeyFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.journey\.ya?ml$/.test(name))
    .map((name) => join(dir, name))
    .sort();

const VALID = [...journeyFiles(join(ROOT, 'examples')), ...journeyFiles(join(FIXTURES, 'validate/good'))];
const INVALID = [
  join(FIXTURES, 'validate/bad/schema.journey.yaml'),
  join(FIXTURES, 'validate/bad/references.journey.yaml'),
  ...journeyFiles(EDITOR_FIXTURES),
  ...journeyFiles(join(FIXTURES, 'lint')),
];

const MODELINE = /^# yaml-language-server: \$schema=.*$/m;

/** The file's text with its modeline emptied (lines keep their numbers), so `yaml.schemas` picks the schema under test. */
const withoutModeline = (file: string) => readFileSync(file, 'utf8').replace(MODELINE, '#');
const uriOf = (file: string) => pathToFileURL(file).href;
const schemaUri = (draft: SchemaDraft) => uriOf(join(ROOT, 'schemas', draft === '07' ? 'journey.draft-07.schema.json' : 'journey.schema.json'));

/** `cjm validate` over the files: every finding's line, and the lines of `schema` findings, by file. */
async function cliFindings(files: readonly string[]): Promise<Map<string, { all: Set<number>; schema: Set<number> }>> {
  const result = await runCli(['validate', '--format', 'json', ...files.map((file) => relative(ROOT, file))]);
  const byFile = new Map(files.map((file) => [file, { all: new Set<number>(), schema: new Set<number>() }]));
  for (const finding of JSON.parse(result.stdout).findings as { file: string; ruleId: string; line: number }[]) {
    const lines = byFile.get(join(ROOT, finding.file))!;
    lines.all.add(finding.line);
    if (finding.ruleId === 'schema') lines.schema.add(finding.line);
  }
  return byFile;
}

const show = (diagnostics: readonly EditorDiagnostic[]) =>
  diagnostics
    .map((d) => `${d.line}:${d.column} ${d.message}`)
    .sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b))
    .join('\n');

/** The server and schema draft pairs analysts use: 2.0.0 reads both drafts; 1.19.2 (before 2020-12 support) gets draft-07, as `cjm init` links it. */
const CLIENTS: { server: ServerVersion; draft: SchemaDraft }[] = [
  { server: '2.0.0', draft: '2020-12' },
  { server: '2.0.0', draft: '07' },
  { server: '1.19.2', draft: '07' },
];

let cli: Awaited<ReturnType<typeof cliFindings>>;
beforeAll(async () => {
  cli = await cliFindings([...VALID, ...INVALID]);
});

describe.each(CLIENTS)('yaml-language-server $server with the draft $draft journey schema', ({ server: version, draft }) => {
  let server: YamlLanguageServer;
  let diagnostics: Map<string, EditorDiagnostic[]>;
  const diagnosticsOf = (file: string) => diagnostics.get(uriOf(file))!;

  beforeAll(async () => {
    server = await YamlLanguageServer.start(version, { schemas: { [schemaUri(draft)]: '*.journey.{yaml,yml}' } });
    diagnostics = await server.diagnose(new Map([...VALID, ...INVALID].map((file) => [uriOf(file), withoutModeline(file)])));
  });
  afterAll(() => server?.close());

  it('shows no diagnostic on the examples and the valid fixtures', () => {
    for (const file of VALID) expect({ file: relative(ROOT, file), diagnostics: show(diagnosticsOf(file)) }).toEqual({ file: relative(ROOT, file), diagnostics: '' });
  });

  it('flags every schema problem of cjm validate on its line, and nothing on a line where cjm finds nothing', () => {
    let schemaProblems = 0;
    for (const file of INVALID) {
      const editorLines = new Set(diagnosticsOf(file).map((d) => d.line));
      const { all, schema } = cli.get(file)!;
      schemaProblems += schema.size;
      const name = relative(ROOT, file);
      expect({ name, missedByEditor: [...schema].filter((line) => !editorLines.has(line)) }).toEqual({ name, missedByEditor: [] });
      expect({ name, onlyInEditor: [...editorLines].filter((line) => !all.has(line)) }).toEqual({ name, onlyInEditor: [] });
    }
    expect(schemaProblems).toBeGreaterThanOrEqual(40);
  });

  // The same messages for every server and draft: one golden file per fixture.
  it.each(journeyFiles(EDITOR_FIXTURES).map((file) => [relative(EDITOR_FIXTURES, file), file]))('%s: the exact diagnostics', async (name, file) => {
    await expect(`${show(diagnosticsOf(file))}\n`).toMatchFileSnapshot(join(EDITOR_FIXTURES, 'goldens', name.replace(/\.journey\.yaml$/, '.txt')));
  });

  it('shows the field descriptions on hover and in completion', async () => {
    const file = join(EDITOR_FIXTURES, 'shapes.journey.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const painsLine = lines.findIndex((line) => line.trim() === 'pains:') + 1;
    expect(await server.hover(uriOf(file), painsLine, 10)).toContain('What frustrates the customer here');
    // Completion on a key of the first step: the keys a step may have, each with its description.
    const items = await server.completion(uriOf(file), painsLine, 9);
    const byLabel = new Map(items.map((item) => [item.label, item.documentation]));
    expect(byLabel.get('opportunities')).toContain('Ideas to improve this step');
    expect(byLabel.get('links')).toContain('Evidence and media for this step');
    expect(byLabel.get('description')).toContain('Free text about the step');
  });
});

describe('the schema a file names in its modeline', () => {
  it.each(['2.0.0', '1.19.2'] as const)('is found and read by yaml-language-server %s: the examples, the config and catalogue, new cjm init files', async (version) => {
    const journey = await runCli(['init', '-', '--id', 'claim'], { cwd: ROOT });
    const config = await runCli(['init', '--config', '-'], { cwd: ROOT });
    expect(journey.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/journey.draft-07.schema.json');
    expect(config.stdout.split('\n')[0]).toBe('# yaml-language-server: $schema=./schemas/config.draft-07.schema.json');
    const texts = new Map([
      ...[...VALID.filter((file) => file.includes('/examples/')), join(ROOT, 'cjm.config.yaml'), join(ROOT, 'examples/shared/catalog.yaml')].map(
        (file) => [file, readFileSync(file, 'utf8')] as const,
      ),
      [join(ROOT, 'new.journey.yaml'), journey.stdout],
      [join(ROOT, 'new-cjm.config.yaml'), config.stdout],
    ]);
    // A key the schema does not allow, appended: a diagnostic on the last line, and no other, proves the schema was applied.
    const documents = new Map([...texts].map(([file, text]) => [uriOf(file), `${text}ownr: cx-team\n`]));
    const server = await YamlLanguageServer.start(version);
    try {
      for (const [uri, found] of await server.diagnose(documents)) {
        const lastLine = documents.get(uri)!.split('\n').length - 1;
        expect({ uri, found: show(found) }).toEqual({ uri, found: `${lastLine}:1 Property ownr is not allowed.` });
      }
    } finally {
      await server.close();
    }
  });
});

describe('why cjm init links the draft-07 schema', () => {
  it('yaml-language-server 1.19.2 flags every valid range under the 2020-12 schema', async () => {
    const file = join(ROOT, 'examples/motor-claim.journey.yaml');
    const server = await YamlLanguageServer.start('1.19.2', { schemas: { [schemaUri('2020-12')]: '*.journey.yaml' } });
    try {
      const found = (await server.diagnose(new Map([[uriOf(file), withoutModeline(file)]]))).get(uriOf(file))!;
      const rangeLines = readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\brange: \[/.test(line) ? [i + 1] : []));
      expect(rangeLines.length).toBeGreaterThan(0);
      expect(found.map((d) => [d.line, d.message])).toEqual(rangeLines.map((line) => [line, 'Matches a schema that is not allowed.']));
    } finally {
      await server.close();
    }
  });
});
