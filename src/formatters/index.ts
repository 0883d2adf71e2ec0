import type { Formatter } from './types.js';

/** An output format of validate and lint. */
interface OutputFormat {
  id: string;
  /** One line for `--help`. */
  description: string;
  /** Loaded only when chosen: each formatter lives in its own module. */
  load(): Promise<Formatter>;
}

/**
 * The output formats, in the order `--help` and the README list them: the
 * `--format` choices of validate and lint, and the tests of every format,
 * come from here.
 */
export const OUTPUT_FORMATS = [
  { id: 'stylish', description: 'grouped by file, coloured by severity, with a summary (the default)', load: async () => (await import('./stylish.js')).stylish },
  { id: 'json', description: 'a summary and every finding, 1-based positions', load: async () => (await import('./json.js')).json },
  { id: 'sarif', description: 'SARIF 2.1.0, for GitHub code scanning', load: async () => (await import('./sarif.js')).sarif },
  { id: 'github', description: 'GitHub Actions annotations (workflow commands)', load: async () => (await import('./github.js')).github },
  { id: 'junit', description: 'JUnit XML, for GitLab, Jenkins and other test reports', load: async () => (await import('./junit.js')).junit },
] as const satisfies readonly OutputFormat[];

export type OutputFormatId = (typeof OUTPUT_FORMATS)[number]['id'];

export const OUTPUT_FORMAT_IDS: readonly OutputFormatId[] = OUTPUT_FORMATS.map((format) => format.id);

export function loadFormatter(id: OutputFormatId): Promise<Formatter> {
  return OUTPUT_FORMATS.find((format) => format.id === id)!.load();
}

/** The formats as `--help` lists them after a command's options. */
export function outputFormatsHelp(): string {
  const width = Math.max(...OUTPUT_FORMAT_IDS.map((id) => id.length));
  return ['', 'Output formats (-f):', ...OUTPUT_FORMATS.map((format) => `  ${format.id.padEnd(width)}  ${format.description}`)].join('\n');
}
