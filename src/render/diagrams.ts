/**
 * The diagrams cjm draws, one record per kind: the CLI's choices, the report
 * and the docs derive from this list.
 */
import type { Journey } from '../schema/journey.js';
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

