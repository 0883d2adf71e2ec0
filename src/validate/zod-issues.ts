import type { z } from 'zod';
import type { DataPath } from '../findings.js';
import { formatDataPath } from '../findings.js';
import { maskSecrets } from '../util/secrets.js';
import { closestMatch } from '../util/suggest.js';
import { keyHint, valueHint } from './value-hints.js';

/** A problem located by data path; `target: 'key'` points at the key rather than its value. */
interface PathProblem {
  path: DataPath;
  target: 'key' | 'value';
  message: string;
}

type Issue = z.core.$ZodIssue;

/**
 * Turns Zod issues into messages a CX analyst understands: the field, the bad
 * value and what is allowed. Never a raw Zod dump.
 */
export function describeZodIssues(issues: readonly Issue[], data: unknown, schema: z.ZodType): PathProblem[] {
  const expanded = issues.flatMap((issue) => expandUnion(issue, data));
  const misspelt = misspeltKeys(expanded, schema);
  return expanded.filter((issue) => !isMisspeltRequiredKey(issue, data, misspelt)).flatMap((issue) => describeIssue(issue, data, schema));
}

/**
 * `txt: ...` where `text` is required gives two issues, an unknown key and a
 * missing one, for one typo: the unknown key's "did you mean `text`?" says it all.
 */
function misspeltKeys(issues: readonly Issue[], schema: z.ZodType): Set<string> {
  const misspelt = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = allowedKeys(schemaAt(schema, issue.path as (string | number)[]));
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, allowed);
      if (suggestion) misspelt.add(formatDataPath([...(issue.path as (string | number)[]), suggestion]));
    }
  }
  return misspelt;
}

function isMisspeltRequiredKey(issue: Issue, data: unknown, misspelt: ReadonlySet<string>): boolean {
  return issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined && misspelt.has(formatDataPath(issue.path as (string | number)[]));
}

export function describeZodIssue(issue: Issue, data: unknown, schema: z.ZodType): PathProblem {
  return describeIssue(expandUnion(issue, data)[0], data, schema)[0];
}

/** For a union (e.g. a pain is text or { text, severity }), the issues of the branch that matches a mapping's shape. */
function expandUnion(issue: Issue, data: unknown): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const path = issue.path as (string | number)[];
  const value = valueAt(data, path);
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const branch = isObject
    ? (issue.errors ?? []).find((errors) => errors.length > 0 && errors.every((e) => e.code !== 'invalid_type' || e.path.length > 0))
    : numberBranch(issue, value);
  if (!branch) return [issue];
  return branch.flatMap((inner) => expandUnion({ ...inner, path: [...path, ...inner.path] } as Issue, data));
}

/**
 * A number (or text that looks like one) where a union takes a number or a
 * mapping, as `emotion` does: the number branch says what is wrong with it
 * ("must be a whole number", a typographic minus), not "number or { key: value }".
 */
function numberBranch(issue: z.core.$ZodIssueInvalidUnion, value: unknown): z.core.$ZodIssue[] | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const numeric = (issue.errors ?? []).filter((errors) => errors.some((e) => e.path.length === 0 && e.code === 'invalid_type' && (e.expected === 'number' || e.expected === 'int')));
  return numeric.length === 1 ? numeric[0] : undefined;
}

function describeIssue(issue: Issue, data: unknown, schema: z.ZodType): PathProblem[] {
  const path = issue.path as (string | number)[];
  const field = fieldName(path);
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        const parent = path.length > 1 ? ` in \`${formatDataPath(path.slice(0, -1))}\`` : '';
        return [{ path, target: 'value', message: `missing required key \`${field}\`${parent}${hintFor(schemaAt(schema, path))}` }];
      }
      return [{ path, target: 'value', message: withHint(`\`${formatDataPath(path)}\` is ${show(value, path)}; ${expectedType(issue.expected)}`, value, [issue.expected]) }];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schemaAt(schema, path));
      return issue.keys.map((key) => {
        const where = path.length ? ` in \`${formatDataPath(path)}\`` : '';
        const garbled = keyHint(key);
        if (garbled) return { path: [...path, key], target: 'key' as const, message: `unknown key \`${key}\`${where}; ${garbled}` };
        const suggestion = closestMatch(key, allowed);
        const hint = suggestion ? `did you mean \`${suggestion}\`? ` : '';
        return {
          path: [...path, key],
          target: 'key' as const,
          message: `unknown key \`${key}\`${where}; ${hint}allowed here: ${allowed.join(', ')}`,
        };
      });
    }
    case 'invalid_value':
      return [
        {
          path,
          target: 'value',
          message: withHint(`\`${formatDataPath(path)}\` is ${show(value, path)}; allowed: ${issue.values.map((v) => String(v)).join(', ')}`, value, []),
        },
      ];
    case 'too_small':
    case 'too_big':
      return [{ path, target: 'value', message: `\`${formatDataPath(path)}\` ${describeBound(issue, value, path)}` }];
    case 'invalid_format':
      return [{ path, target: 'value', message: withHint(`\`${formatDataPath(path)}\` is ${show(value, path)}; must be ${describeFormat(issue)}`, value, []) }];
    case 'invalid_union':
      return describeUnion(issue, schema, path, value);
    default:
      return [{ path, target: 'value', message: `\`${formatDataPath(path)}\`: ${issue.message}` }];
  }
}

/** A union whose value matches none of its branches' shapes (see expandUnion for a mapping that matches one). */
function describeUnion(issue: z.core.$ZodIssueInvalidUnion, schema: z.ZodType, path: (string | number)[], value: unknown): PathProblem[] {
  const branches = issue.errors ?? [];
  const union = schemaAt(schema, path);
  const allowed = union?.description?.replace(/\.$/, '') ?? unionOptions(union);
  const expected = branches.flatMap((errors) => errors.flatMap((e) => (e.code === 'invalid_type' && e.path.length === 0 ? [e.expected] : [])));
  return [{ path, target: 'value', message: withHint(`\`${formatDataPath(path)}\` is ${show(value, path)}; must be ${allowed || 'another shape'}`, value, expected) }];
}

function withHint(message: string, value: unknown, expected: readonly string[]): string {
  const hint = valueHint(value, expected);
  return hint ? `${message}; ${hint}` : message;
}

function describeBound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown, path: DataPath): string {
  const small = issue.code === 'too_small';
  const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
  switch (issue.origin) {
    case 'array':
      return small ? `must have at least ${limit} item${Number(limit) === 1 ? '' : 's'}` : `must have at most ${limit} items`;
    case 'string':
      return small ? (Number(limit) === 1 ? 'must not be empty' : `must be at least ${limit} characters`) : `must be at most ${limit} characters`;
    default: {
      // positive() is a minimum of 0 that 0 itself does not meet: "at least 0" would contradict the value.
      const bound = issue.inclusive === false ? (small ? 'more than' : 'less than') : small ? 'at least' : 'at most';
      return `is ${show(value, path)}; must be ${bound} ${limit}`;
    }
  }
}

function describeFormat(issue: z.core.$ZodIssueInvalidStringFormat): string {
  switch (issue.format) {
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'url':
      return 'a URL such as https://example.com/report.pdf';
    case 'regex':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : `text matching ${issue.pattern}`;
    default:
      return `a valid ${issue.format}`;
  }
}

function expectedType(expected: string): string {
  switch (expected) {
    case 'int':
      return 'must be a whole number';
    case 'number':
      return 'must be a number';
    case 'string':
      return 'must be text';
    case 'boolean':
      return 'must be true or false';
    case 'array':
      return 'must be a list';
    case 'object':
      return 'must be a mapping of keys to values';
    default:
      return `must be ${expected}`;
  }
}

function hintFor(schema: z.ZodType | undefined): string {
  const description = schema?.description;
  return description ? ` (${description.replace(/\.$/, '')})` : '';
}

function fieldName(path: readonly (string | number)[]): string {
  const last = path[path.length - 1];
  return last === undefined ? '(document)' : String(last);
}

/**
 * The value at fault, quoted at most 40 characters long, credentials masked: a
 * message never quotes more of a file. A whole document that is one text (a
 * file that is not YAML at all: `catalog: [/etc/passwd]`) is not quoted.
 */
function show(value: unknown, path: readonly PropertyKey[]): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string' && path.length === 0) return 'text';
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const masked = maskSecrets(value);
    return JSON.stringify(masked.length > 40 ? `${masked.slice(0, 37)}...` : masked);
  }
  return String(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

// Walking Zod schemas by data path, to name the keys a mapping allows.
type AnySchema = z.ZodType & { _zod: { def: Record<string, any> } };

function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (!current) return undefined;
    const def: Record<string, any> = (current as AnySchema)._zod.def;
    if (def.type === 'object') current = def.shape[segment];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'tuple') current = def.items[segment as number];
    else if (def.type === 'record') current = def.valueType;
    else if (def.type === 'union') current = def.options.map((option: z.ZodType) => schemaAt(option, [segment])).find(Boolean);
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    const def: Record<string, any> = (current as AnySchema)._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') current = def.innerType;
    else if (def.type === 'union') {
      const object = def.options.find((option: AnySchema) => unwrap(option) && (unwrap(option) as AnySchema)._zod.def.type === 'object');
      return object ? unwrap(object) : current;
    } else return current;
  }
  return current;
}

function allowedKeys(schema: z.ZodType | undefined): string[] {
  const object = unwrap(schema);
  const def: Record<string, any> | undefined = object && (object as AnySchema)._zod.def;
  return def?.type === 'object' ? Object.keys(def.shape) : [];
}

function unionOptions(schema: z.ZodType | undefined): string {
  let current = schema;
  while (current) {
    const def: Record<string, any> = (current as AnySchema)._zod.def;
    if (def.type === 'optional' || def.type === 'default') current = def.innerType;
    else if (def.type === 'union') return def.options.map(describeOption).join(' or ');
    else return '';
  }
  return '';
}

function describeOption(option: AnySchema): string {
  const def = option._zod.def;
  if (def.type === 'string') return 'text';
  if (def.type === 'object') return `{ ${Object.keys(def.shape).join(', ')} }`;
  if (def.type === 'enum') return `one of ${Object.values(def.entries as Record<string, string>).join(', ')}`;
  if (def.type === 'tuple') return `[${(def.items as AnySchema[]).map(describeOption).join(', ')}${def.rest ? ', ...' : ''}]`;
  if (def.type === 'record') return '{ key: value }';
  return def.type;
}
