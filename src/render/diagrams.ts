/**
 * The diagrams cjm draws, one record per kind: the CLI's --diagram and
 * --format choices, the report and the docs derive from this list. Adding a
 * diagram is one record here plus its module and test.
 */
import type { ResolvedCatalog } from '../load/catalog.js';
import type { Journey } from '../schema/journey.js';
import { renderBlueprintSvg, renderJourneyMapSvg, type ThemeName } from './map/index.js';
import { renderEmotionDiagram } from './mermaid/emotion.js';
import { renderFlowDiagram } from './mermaid/flow.js';
import { renderJourneyDiagram } from './mermaid/journey.js';

/** svg and png of map and blueprint are drawn by cjm itself; svg of a Mermaid kind needs the optional browser stack. */
export type DiagramFormat = 'svg' | 'png' | 'mermaid';

export interface DiagramOptions {
  /** The catalogue as seen from the journey, for persona, channel and metric names (ids are the fallback). */
  catalog?: ResolvedCatalog;
  /** Draw just these stages (map, blueprint, flow). */
  stageIds?: string[];
  /** map and blueprint: light, dark, or auto (follows the viewer's prefers-color-scheme). */
  theme?: ThemeName;
  /** map and blueprint: a line for the header, e.g. "Lint: 0 errors, 2 warnings". */
  lintSummary?: string;
  /** The dropoff-hotspot rule's threshold for the file, in %, so the pictures mark the steps lint names. */
  dropoffHotspot?: number;
}

interface DiagramBase<Kind extends string> {
  id: Kind;
  title: string;
  description: string;
  /** The formats it can be written in, the default first. */
  formats: readonly DiagramFormat[];
}

/** Drawn by cjm: SVG text, and PNG from that SVG without a browser. */
interface NativeDiagram extends DiagramBase<'map' | 'blueprint'> {
  engine: 'native';
  svg(journey: Journey, options: DiagramOptions): string;
}

/** Mermaid source, for Markdown; SVG from it through Mermaid in a headless browser. */
interface MermaidDiagram extends DiagramBase<'journey' | 'flow' | 'emotion'> {
  engine: 'mermaid';
  mermaid(journey: Journey, options: DiagramOptions): string;
}

export type Diagram = NativeDiagram | MermaidDiagram;
export type DiagramKind = Diagram['id'];
export type MermaidKind = MermaidDiagram['id'];

export const DIAGRAMS: readonly Diagram[] = [
  {
    id: 'map',
    engine: 'native',
    title: 'Journey map',
    description: 'stages and steps against lanes: actions, thinking, the emotion curve per persona, touchpoints, pains, opportunities, backstage and KPIs',
    formats: ['svg', 'png'],
    svg: (journey, options) => renderJourneyMapSvg(journey, options),
  },
  {
    id: 'blueprint',
    engine: 'native',
    title: 'Service blueprint',
    description: 'customer actions, frontstage, backstage and support processes, split by the lines of interaction, visibility and internal interaction',
    formats: ['svg', 'png'],
    svg: (journey, options) => renderBlueprintSvg(journey, options),
  },
  {
    id: 'journey',
    engine: 'mermaid',
    title: 'Journey (Mermaid)',
    description: "Mermaid's journey diagram: steps by stage with a score, for Markdown that draws Mermaid",
    formats: ['mermaid', 'svg'],
    mermaid: (journey, options) => renderJourneyDiagram(journey, options),
  },
  {
    id: 'flow',
    engine: 'mermaid',
    title: 'Flow (Mermaid)',
    description: 'the steps as a flowchart with branches, shares, drop-off and channels',
    formats: ['mermaid', 'svg'],
    mermaid: (journey, options) => renderFlowDiagram(journey, options),
  },
  {
    id: 'emotion',
    engine: 'mermaid',
    title: 'Emotional curve (Mermaid)',
    description: "the emotion per step as a Mermaid xychart (personas who take every step; the map shows the rest)",
    formats: ['mermaid', 'svg'],
    mermaid: (journey, options) => renderEmotionDiagram(journey, options),
  },
];

export const DIAGRAM_KINDS: readonly DiagramKind[] = DIAGRAMS.map((diagram) => diagram.id);
export const MERMAID_KINDS: readonly MermaidKind[] = DIAGRAMS.filter((diagram): diagram is MermaidDiagram => diagram.engine === 'mermaid').map((diagram) => diagram.id);

export function diagram(kind: DiagramKind): Diagram {
  return DIAGRAMS.find((candidate) => candidate.id === kind)!;
}

/** Whether writing `kind` as `format` needs Mermaid and a browser (the optional packages). */
export function needsBrowser(kind: DiagramKind, format: DiagramFormat): boolean {
  return diagram(kind).engine === 'mermaid' && format === 'svg';
}

export type MermaidOptions = DiagramOptions;

/** Mermaid source (ending in a newline) of one Mermaid diagram of a journey. */
export function renderMermaid(journey: Journey, kind: MermaidKind, options: DiagramOptions = {}): string {
  return (diagram(kind) as MermaidDiagram).mermaid(journey, options);
}
