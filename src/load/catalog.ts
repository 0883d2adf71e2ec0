import { BUILTIN_CHANNELS, BUILTIN_METRICS, type ChannelDefinition, type MetricDefinition } from '../schema/builtins.js';
import type { Catalog } from '../schema/config.js';
import type { Journey, Persona } from '../schema/journey.js';

/**
 * Every persona, channel and metric a journey may refer to: built-ins, then the
 * shared catalogue (config and catalog files), then the journey's own
 * declarations; a later layer wins on the same id.
 */
export interface ResolvedCatalog {
  personas: ReadonlyMap<string, Persona>;
  channels: ReadonlyMap<string, ChannelDefinition>;
  metrics: ReadonlyMap<string, MetricDefinition>;
}

export function builtinCatalog(): ResolvedCatalog {
  return {
    personas: new Map(),
    channels: new Map(BUILTIN_CHANNELS.map((channel) => [channel.id, channel])),
    metrics: new Map(BUILTIN_METRICS.map((metric) => [metric.id, metric])),
  };
}

export function extendCatalog(base: ResolvedCatalog, layer: Catalog): ResolvedCatalog {
  if (!layer.personas?.length && !layer.channels?.length && !layer.metrics?.length) return base;
  return {
    personas: withEntries(base.personas, layer.personas),
    channels: withEntries(base.channels, layer.channels),
    metrics: withEntries(base.metrics, layer.metrics as MetricDefinition[] | undefined),
  };
}

/** The catalogue as seen from one journey: shared entries plus its own declarations. */
export function catalogForJourney(shared: ResolvedCatalog, journey: Pick<Journey, 'personas' | 'channels' | 'metrics'>): ResolvedCatalog {
  return extendCatalog(shared, journey);
}

function withEntries<T extends { id: string }>(base: ReadonlyMap<string, T>, entries: readonly T[] | undefined): ReadonlyMap<string, T> {
  if (!entries?.length) return base;
  const merged = new Map(base);
  for (const entry of entries) merged.set(entry.id, entry);
  return merged;
}
