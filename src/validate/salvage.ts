import type { z } from 'zod';

/**
 * What remains of `T` when every part that fails its schema is left out:
 * fields may be missing and list items may be holes (kept as `undefined`, so
 * that indexes, and so positions, still match the file).
 */
export type Salvaged<T> = T extends readonly (infer Item)[]
  ? (Salvaged<Item> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Salvaged<T[K]> }
    : T;

type Def = { type: string } & Record<string, any>;

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/**
 * The parts of `value` that have the shape `schema` gives them, for checks
 * that must see every well-formed part of a journey even when other parts are
 * broken (a schema error in one step must not hide an unknown channel in
 * another). A value that passes is returned as parsed (defaults applied); an
 * object or a list that fails keeps its fields and items that pass; anything
 * else that fails is left out (`undefined`).
 */
export function salvage<T extends z.ZodType>(schema: T, value: unknown): Salvaged<z.output<T>> | undefined {
  return salvageValue(schema, value) as Salvaged<z.output<T>> | undefined;
}

function salvageValue(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return value === undefined || value === null ? undefined : salvageValue(def.innerType, value);
    case 'object':
      return isMapping(value) ? salvageFields(def.shape as Record<string, z.ZodType>, value) : undefined;
    case 'array':
      return Array.isArray(value) ? value.map((item) => salvageValue(def.element, item)) : undefined;
    case 'record':
      return isMapping(value) ? salvageEntries(def.keyType, def.valueType, value) : undefined;
    case 'union':
      return salvageUnion(def.options as z.ZodType[], value);
    default:
      return undefined;
  }
}

function salvageFields(shape: Record<string, z.ZodType>, value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const part = salvageValue(field, value[key]);
    if (part !== undefined) kept[key] = part;
  }
  return kept;
}

function salvageEntries(keyType: z.ZodType, valueType: z.ZodType, value: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    const part = keyType.safeParse(key).success ? salvageValue(valueType, entry) : undefined;
    if (part !== undefined) kept[key] = part;
  }
  return kept;
}

/** A union's value is salvaged by the branch of its kind: a mapping by the object or record branch. */
function salvageUnion(options: readonly z.ZodType[], value: unknown): unknown {
  if (!isMapping(value)) return undefined;
  const branch = options.find((option) => ['object', 'record'].includes(defOf(option).type));
  return branch ? salvageValue(branch, value) : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
