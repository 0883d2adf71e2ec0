import { z } from 'zod';
import {
  channelSchema,
  journeySchema,
  kpiSchema,
  linkSchema,
  metricSchema,
  painSchema,
  touchpointSchema,
  transitionSchema,
} from '../schema/journey.js';

/**
 * The canonical layout of a journey file, derived from the Zod schema so that
 * key order and structure never drift from the format: a mapping's keys come
 * in the order of its schema's shape, and small "entry" mappings (touchpoints,
 * KPIs, links, channels, metrics, pain and transition objects) are written in
 * flow style when they fit on one line.
 */
export type Layout = MapLayout | SeqLayout | UnionLayout | ScalarLayout;

export interface MapLayout {
  kind: 'map';
  order: readonly string[];
  fields: ReadonlyMap<string, Layout>;
  /** A small record written `{ a: 1, b: 2 }` when it fits. */
  entry: boolean;
}

export interface SeqLayout {
  kind: 'seq';
  item: Layout;
}

export interface UnionLayout {
  kind: 'union';
  options: readonly Layout[];
}

export interface ScalarLayout {
  kind: 'scalar';
  /** A calendar date, written plain as YYYY-MM-DD. */
  date: boolean;
}

const objectOption = (schema: z.ZodUnion) => schema.options.find((option) => option instanceof z.ZodObject);

const ENTRY_SCHEMAS: ReadonlySet<unknown> = new Set([
  touchpointSchema,
  kpiSchema,
  linkSchema,
  channelSchema,
  metricSchema,
  objectOption(painSchema),
  objectOption(transitionSchema),
]);

function layoutOf(schema: z.ZodType): Layout {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) return layoutOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return {
      kind: 'map',
      order: Object.keys(shape),
      fields: new Map(Object.entries(shape).map(([key, value]) => [key, layoutOf(value)])),
      entry: ENTRY_SCHEMAS.has(schema),
    };
  }
  if (schema instanceof z.ZodArray) return { kind: 'seq', item: layoutOf(schema.element as z.ZodType) };
  if (schema instanceof z.ZodTuple) {
    const items = schema.def.items as z.ZodType[];
    return { kind: 'seq', item: items.length === 1 ? layoutOf(items[0]) : { kind: 'union', options: items.map(layoutOf) } };
  }
  if (schema instanceof z.ZodUnion) return { kind: 'union', options: (schema.options as z.ZodType[]).map(layoutOf) };
  return { kind: 'scalar', date: schema instanceof z.ZodISODate };
}

let journeyLayout: Layout | undefined;

export function journeyFileLayout(): Layout {
  return (journeyLayout ??= layoutOf(journeySchema));
}

/** The option of a union that fits a node of this kind, if any. */
export function pickLayout(layout: Layout | undefined, kind: Layout['kind']): Layout | undefined {
  if (!layout) return undefined;
  if (layout.kind === 'union') {
    for (const option of layout.options) {
      const picked = pickLayout(option, kind);
      if (picked) return picked;
    }
    return undefined;
  }
  return layout.kind === kind ? layout : undefined;
}
