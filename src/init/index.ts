import { access } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { isId } from '../schema/journey.js';
import { writeFileAtomic } from '../io/write.js';
import { renderConfigTemplate } from './config.js';
import { schemaReference } from './modeline.js';
import { renderJourneyTemplate } from './template-file.js';
import { TEMPLATE_NAMES, TEMPLATES } from './templates.js';

export { TEMPLATES, TEMPLATE_NAMES } from './templates.js';

/** A problem with what was asked (bad id, unknown template, existing file): exit 2, one line. */
export class InitError extends Error {
  readonly userFacing = true;
}

export interface InitJourneyOptions {
  /** Where to write; '-' for none (the caller prints the text). Default: `<id or template>.journey.yaml`. */
  file?: string;
  template?: string;
  id?: string;
  title?: string;
  /** The modeline's target; default: see schemaReference. */
  schema?: string;
  force?: boolean;
  cwd?: string;
}

export interface InitResult {
  /** The path written, relative as given; '-' when nothing was written. */
  file: string;
  text: string;
}

const JOURNEY_SUFFIX = /\.journey\.ya?ml$|\.ya?ml$/;

export async function initJourney(options: InitJourneyOptions = {}): Promise<InitResult> {
  const templateName = options.template ?? 'lifecycle';
  const template = TEMPLATES[templateName];
  if (!template) throw new InitError(`unknown template ${JSON.stringify(templateName)}; allowed: ${TEMPLATE_NAMES.join(', ')}`);
  if (options.id !== undefined && !isId(options.id)) {
    throw new InitError(`--id ${JSON.stringify(options.id)}: an id is lowercase letters, digits and dashes, starting with a letter or digit, at most 64 characters (e.g. claim-report)`);
  }
  if (options.title !== undefined && (options.title.trim() === '' || /[\r\n]/.test(options.title))) throw new InitError('--title: one line of text, not empty');
  const fromName = options.file && options.file !== '-' ? basename(options.file).replace(JOURNEY_SUFFIX, '') : undefined;
  const id = options.id ?? (fromName && isId(fromName) ? fromName : templateName);
  const file = options.file ?? `${options.id ?? templateName}.journey.yaml`;
  const cwd = resolve(options.cwd ?? process.cwd());
  const path = resolve(cwd, file);
  const schema = options.schema ?? schemaReference('journey', file === '-' ? cwd : dirname(path));
  const text = renderJourneyTemplate(template, { id, title: options.title, schema });
  if (file !== '-') await writeNew(path, file, text, options.force);
  return { file, text };
}

export interface InitConfigOptions {
  file?: string;
  schema?: string;
  force?: boolean;
  cwd?: string;
}

export async function initConfig(options: InitConfigOptions = {}): Promise<InitResult> {
  const { RULES } = await import('../rules/index.js');
  const file = options.file ?? 'cjm.config.yaml';
  const cwd = resolve(options.cwd ?? process.cwd());
  const path = resolve(cwd, file);
  const schema = options.schema ?? schemaReference('config', file === '-' ? cwd : dirname(path));
  const text = renderConfigTemplate(RULES, schema);
  if (file !== '-') await writeNew(path, file, text, options.force);
  return { file, text };
}

/**
 * Never replaces a file without --force (nor, without it, a read-only or
 * hard-linked one: see writeFileAtomic). The check and the write are two
 * steps; for an interactive command the window between them does not matter,
 * and the write itself is atomic so a file is never left half-written.
 */
async function writeNew(path: string, shown: string, text: string, force = false): Promise<void> {
  if (!force && (await exists(path))) throw new InitError(`${shown} already exists; use --force to overwrite it`);
  await writeFileAtomic(path, text, { force, forceOption: '--force' });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
