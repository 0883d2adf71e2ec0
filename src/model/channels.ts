import type { ChannelType } from '../schema/builtins.js';
import type { Journey, Step } from '../schema/journey.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { forEachStep } from './walk.js';

/** The channels a step happens on: its touchpoints' channels, each once, in order. */
export function stepChannels(step: Step): string[] {
  const channels = new Set<string>();
  for (const touchpoint of step.touchpoints ?? []) if (touchpoint.channel) channels.add(touchpoint.channel);
  return [...channels];
}

/** The channel types (digital, physical, human) a journey uses; channels missing from the catalogue are skipped. */
export function journeyChannelTypes(journey: Journey, catalog: ResolvedCatalog): Set<ChannelType> {
  const types = new Set<ChannelType>();
  forEachStep(journey, (step) => {
    for (const channel of stepChannels(step)) {
      const type = catalog.channels.get(channel)?.type;
      if (type) types.add(type);
    }
  });
  return types;
}
