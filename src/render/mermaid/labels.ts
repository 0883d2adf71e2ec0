import type { Journey, Step } from '../../schema/journey.js';
import type { ResolvedCatalog } from '../../load/catalog.js';
import { foldLabel } from './escape.js';

export interface GeneratorOptions {
  /** The catalogue as seen from the journey (shared personas and channels); the journey's own declarations win. */
  catalog?: ResolvedCatalog;
  /** The dropoff-hotspot rule's threshold for this file, in % (default DROPOFF_HOTSPOT), so pictures mark the steps lint names. */
  dropoffHotspot?: number;
}

/** Display names by id: the journey's own declarations, then the catalogue; ids as the fallback. */
export interface Names {
  persona(id: string): string;
  channel(id: string): string;
}

export function namesFor(journey: Journey, catalog?: ResolvedCatalog): Names {
  const personas = new Map((journey.personas ?? []).map((persona) => [persona.id, persona.name]));
  const channels = new Map((journey.channels ?? []).map((channel) => [channel.id, channel.name]));
  return {
    persona: (id) => personas.get(id) ?? catalog?.personas.get(id)?.name ?? id,
    channel: (id) => channels.get(id) ?? catalog?.channels.get(id)?.name ?? id,
  };
}

/**
 * The text a step is shown with: its folded name, or its id when the name is
 * only whitespace (an empty task or node label is a parse error).
 */
export function stepLabel(step: Pick<Step, 'id' | 'name'>): string {
  return foldLabel(step.name) || step.id;
}

/** A stage or journey title, folded, with the id as the fallback. */
export function titleLabel(item: { id: string; name?: string; title?: string }): string {
  return foldLabel(item.name ?? item.title ?? '') || item.id;
}

/** Distinct channels of a step's touchpoints, in order of first mention. */
export function stepChannels(step: Step): string[] {
  const ids: string[] = [];
  for (const touchpoint of step.touchpoints ?? []) if (touchpoint.channel && !ids.includes(touchpoint.channel)) ids.push(touchpoint.channel);
  return ids;
}

/** Marks a step with no emotion in the journey and emotion diagrams. */
export const NO_EMOTION_MARK = ' (no emotion)';
