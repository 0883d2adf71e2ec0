/**
 * The public render API: Mermaid source for a journey, and the batch used by
 * `cjm render` (Mermaid files or stdout, or SVG through one shared browser).
 */
import type { Journey } from '../format/journey.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { renderEmotionDiagram } from './mermaid/emotion.js';
import { renderFlowDiagram, renderFlowPerStage } from './mermaid/flow.js';
import { renderJourneyDiagram } from './mermaid/journey.js';

export type DiagramKind = 'journey' | 'flow' | 'emotion';

export const DIAGRAM_KINDS: readonly DiagramKind[] = ['journey', 'flow', 'emotion'];

export interface MermaidOptions {
  /** The catalogue as seen from the journey, for persona and channel names (ids are the fallback). */
  catalog?: ResolvedCatalog;
  /** flow only: draw just these stages (neighbouring steps they link to appear as external nodes). */
  stageIds?: string[];
}

/** Mermaid source (ending in a newline) of one diagram of a journey. */
export function renderMermaid(journey: Journey, kind: DiagramKind, options: MermaidOptions = {}): string {
  switch (kind) {
    case 'journey':
      return renderJourneyDiagram(journey, options);
    case 'flow':
      return renderFlowDiagram(journey, options);
    case 'emotion':
      return renderEmotionDiagram(journey, options);
  }
}

export { renderFlowPerStage };
export { decodeMermaidEntities, escapeMermaidText, escapeJourneyText, foldLabel } from './escape.js';
export { DROPOFF_HOTSPOT } from './mermaid/flow.js';
export { NO_EMOTION_MARK } from './mermaid/labels.js';
export {
  renderJourneysToFiles,
  diagramFileName,
  type JourneyToRender,
  type RenderFormat,
  type RenderFilesOptions,
  type RenderedFile,
  type RenderFailure,
  type RenderFilesResult,
} from './files.js';
