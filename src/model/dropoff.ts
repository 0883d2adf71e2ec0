import type { Step } from '../schema/journey.js';

/**
 * Share of customers, in %, at or above which a step's dropoff is a hotspot:
 * the default `threshold` of the dropoff-hotspot rule, the hotspot list of the
 * report and the flow diagram's dashed border.
 */
export const DROPOFF_HOTSPOT = 20;

export function isDropoffHotspot(step: Pick<Step, 'dropoff'>, threshold = DROPOFF_HOTSPOT): boolean {
  return step.dropoff !== undefined && step.dropoff >= threshold;
}

/** The threshold in the dropoff-hotspot rule's options as configured for a file (the default when they name none). */
export function hotspotThreshold(ruleOptions: unknown): number {
  const threshold = (ruleOptions as { threshold?: unknown } | undefined)?.threshold;
  return typeof threshold === 'number' ? threshold : DROPOFF_HOTSPOT;
}
