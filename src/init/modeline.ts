import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaFileName, type SchemaKind } from '../schema/json-schema.js';

/**
 * Where a new file's `# yaml-language-server: $schema=...` modeline points,
 * as a path relative to the file (what the YAML language server resolves).
 * The draft-07 schema: every yaml-language-server version reads it, while
 * versions before 1.20 flag every valid `range` under the 2020-12 one.
 * 1. cjm installed in the project: node_modules/cjm/schemas/<kind>.draft-07.schema.json
 *    in the file's directory or a parent (what a team shares through git);
 * 2. inside a checkout of cjm itself: its schemas/ directory;
 * 3. otherwise the schemas of the cjm that is running (a global install): right
 *    on this machine only, so `--schema` takes a path or URL of your choice.
 */
export function schemaReference(kind: SchemaKind, fileDirectory: string, packageRoot = runningPackageRoot()): string {
  const name = schemaFileName(kind, '07');
  for (let dir = fileDirectory; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', 'cjm', 'schemas', name);
    if (existsSync(installed)) return relativeReference(fileDirectory, installed);
    if (isCjmCheckout(dir) && existsSync(join(dir, 'schemas', name))) return relativeReference(fileDirectory, join(dir, 'schemas', name));
    if (dirname(dir) === dir) break;
  }
  return relativeReference(fileDirectory, join(packageRoot, 'schemas', name));
}

/** The package root: the first folder above this code with a package.json (src/init/ under vitest, the bundle's dist/ otherwise). */
function runningPackageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) return dir;
  }
}

function isCjmCheckout(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'cjm';
  } catch {
    return false;
  }
}

function relativeReference(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path.startsWith('../') || path.startsWith('/') ? path : `./${path}`;
}
