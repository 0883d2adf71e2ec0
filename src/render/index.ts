/**
 * The public render API: Mermaid source for a journey, and the batch used by
 * `cjm render` (Mermaid files or stdout, or SVG through one shared browser).
 */
export { renderMermaid, DIAGRAMS, DIAGRAM_KINDS, MERMAID_KINDS, type Diagram, type DiagramKind, type DiagramFormat, type MermaidKind, type MermaidOptions } from './diagrams.js';
export { renderFlowPerStage } from './mermaid/flow.js';
export { decodeMermaidEntities, escapeMermaidText } from './mermaid/escape.js';
export {
  renderJourneysToFiles,
  type JourneyToRender,
  type RenderFormat,
  type RenderFilesOptions,
  type RenderedFile,
  type RenderFilesResult,
} from './files.js';
export type { DiagramFailure, SkippedJourney } from './batch.js';
