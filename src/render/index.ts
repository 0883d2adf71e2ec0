/**
 * The public render API: Mermaid source for a journey, and the batch used by
 * `cjm render` (Mermaid files or stdout, or SVG through one shared browser).
 */
export { renderMermaid, DIAGRAM_KINDS, type DiagramKind, type MermaidOptions } from './diagrams.js';
export { renderFlowPerStage } from './mermaid/flow.js';
export { decodeMermaidEntities, escapeMermaidText, escapeJourneyText, foldLabel } from './mermaid/escape.js';
export { DROPOFF_HOTSPOT } from '../model/dropoff.js';
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
