/**
 * The native journey map and service blueprint: pure SVG drawn from the
 * journey, with text measured from the bundled font, and PNG through resvg.
 * No browser, no network, the same bytes on every machine.
 */
import type { ResolvedCatalog } from '../../load/catalog.js';
import { builtinCatalog, catalogForJourney } from '../../load/catalog.js';
import type { Journey } from '../../schema/journey.js';
import { backstageLane, opportunitiesLane, painsLane, supportLane } from './lanes/items.js';
import { kpisLane } from './lanes/kpis.js';
import { actionsLane, customerActionsLane, thinkingLane } from './lanes/text.js';
import { touchpointsLane } from './lanes/touchpoints.js';
import { layoutJourney, type View } from './layout.js';
import { overviewScene } from './overview.js';
import type { Scene } from './scene.js';
import { writeSvg } from './svg-writer.js';
import type { ThemeName } from './theme.js';

export type { Scene } from './scene.js';
export type { ThemeName } from './theme.js';

/** NN/g's journey map: what the customer does, thinks and feels, where, what hurts, and how it measures. */
const JOURNEY_MAP_VIEW: View = {
  name: 'Journey map',
  dropEmptyLanes: true,
  rows: [actionsLane, thinkingLane, { kind: 'emotion' }, touchpointsLane({ descriptions: false }), painsLane, opportunitiesLane, backstageLane, kpisLane],
};

/** NN/g's and Shostack's service blueprint: customer actions, frontstage, backstage and support, split by the three lines. */
const BLUEPRINT_VIEW: View = {
  name: 'Service blueprint',
  dropEmptyLanes: false,
  rows: [
    customerActionsLane,
    { kind: 'line', id: 'interaction', title: 'Line of interaction', style: 'line-interaction' },
    touchpointsLane({ descriptions: true, id: 'frontstage', title: 'Frontstage' }),
    { kind: 'line', id: 'visibility', title: 'Line of visibility', style: 'line-visibility', dash: '8 4' },
    backstageLane,
    { kind: 'line', id: 'internal', title: 'Line of internal interaction', style: 'line-internal', dash: '2 3' },
    supportLane,
  ],
};

export interface MapOptions {
  /** The catalogue as seen from the journey (persona, channel and metric names). Default: built-ins and the journey's own. */
  catalog?: ResolvedCatalog;
  /** Draw only these stages. */
  stageIds?: readonly string[];
  theme?: ThemeName;
  /** A line for the header, e.g. "Lint: 0 errors, 2 warnings". */
  lintSummary?: string;
  /** The dropoff-hotspot rule's threshold for this file, in % (default DROPOFF_HOTSPOT): the badges mark the steps lint names. */
  dropoffHotspot?: number;
}

export function journeyMapScene(journey: Journey, options: MapOptions = {}): Scene {
  return layoutJourney(journey, JOURNEY_MAP_VIEW, layoutOptions(journey, options));
}

export function blueprintScene(journey: Journey, options: MapOptions = {}): Scene {
  return layoutJourney(journey, BLUEPRINT_VIEW, layoutOptions(journey, options));
}

export function renderJourneyMapSvg(journey: Journey, options: MapOptions = {}): string {
  return writeSvg(journeyMapScene(journey, options), options.theme ?? 'light');
}

export function renderBlueprintSvg(journey: Journey, options: MapOptions = {}): string {
  return writeSvg(blueprintScene(journey, options), options.theme ?? 'light');
}

/** A small picture of stages and the emotion curve, for the report's index page. */
export function renderOverviewSvg(journey: Journey, options: Pick<MapOptions, 'catalog' | 'theme'> = {}): string {
  return writeSvg(overviewScene(journey, options.catalog ?? catalogForJourney(builtinCatalog(), journey)), options.theme ?? 'light');
}

/** Whether a blueprint adds to the map: the journey says what happens backstage or in support. */
export function hasBlueprintContent(journey: Journey): boolean {
  return journey.stages.some((stage) => (stage.steps ?? []).some((step) => (step.backstage?.length ?? 0) > 0 || (step.support?.length ?? 0) > 0));
}

function layoutOptions(journey: Journey, options: MapOptions) {
  return { catalog: options.catalog ?? catalogForJourney(builtinCatalog(), journey), stageIds: options.stageIds, lintSummary: options.lintSummary, dropoffHotspot: options.dropoffHotspot };
}

export { svgToPng, type PngOptions } from './text/png.js';
