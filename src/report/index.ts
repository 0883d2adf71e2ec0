/**
 * The public report API: markdown pages for journeys (`cjm report`), with
 * their diagrams as fenced Mermaid, SVG files beside the pages, or none.
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { renderFlowPerStage, renderMermaid, type DiagramKind } from '../render/index.js';
import type { SvgRenderer } from '../render/browser/svg.js';
import { renderIndexPage, pageFileName, type SkippedFile } from './index-page.js';
import { renderJourneyPage, type PageDiagram, type ReportJourney } from './journey-page.js';
import { escapeInline } from '../markdown/escape.js';

export type ReportImages = 'mermaid' | 'svg' | 'none';

export interface ReportOptions {
  /** The output folder as the user gave it: written paths are shown under it. */
  outDir: string;
  /** What a relative outDir is relative to. Default: process.cwd(). */
  cwd?: string;
  /** svg: where PUPPETEER_EXECUTABLE_PATH and PATH are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** mermaid (default): fenced blocks GitHub and GitLab draw; svg: image files beside the pages; none. */
  images?: ReportImages;
  /** "Today", for review ages. Default: the real date. */
  now?: Date;
  /** svg: --browser PATH. */
  browserPath?: string;
  /** Files that got no page, listed on the index. */
  skipped?: readonly SkippedFile[];
  /** Called after each file is written (the CLI lists them). */
  onWritten?: (path: string) => void;
}

export interface ReportFailure {
  file: string;
  journeyId: string;
  kind: DiagramKind;
  message: string;
}

export interface ReportResult {
  /** Paths written, pages and images, index last. */
  written: string[];
  /** Diagrams Mermaid could not draw (svg); their pages say so. */
  failures: ReportFailure[];
}

/**
 * GitLab collapses a Mermaid block over 2,000 characters in issues and merge
 * requests ("Warning: Displaying this diagram might cause performance issues"),
 * so a larger flow is split into one block per stage.
 */
export const MERMAID_BLOCK_LIMIT = 2_000;

const DIAGRAM_ORDER: readonly DiagramKind[] = ['journey', 'emotion', 'flow'];

interface DiagramSource {
  kind: DiagramKind;
  caption: string;
  source: string;
}

/**
 * The Mermaid sources a page shows: journey and emotion whole, the flow whole
 * when it fits in one block, else one flow per stage (captioned by stage).
 */
export function pageDiagramSources(item: Pick<ReportJourney, 'journey' | 'catalog'>, splitFlow = true): DiagramSource[] {
  const { journey, catalog } = item;
  const sources: DiagramSource[] = [];
  for (const kind of DIAGRAM_ORDER) {
    const source = renderMermaid(journey, kind, { catalog });
    if (kind !== 'flow' || !splitFlow || source.length <= MERMAID_BLOCK_LIMIT) {
      sources.push({ kind, caption: '', source });
      continue;
    }
    for (const part of renderFlowPerStage(journey, { catalog })) {
      const stage = journey.stages.find((candidate) => candidate.id === part.stageId);
      sources.push({ kind, caption: `Stage ${escapeInline(stage?.name ?? part.stageId)}`, source: part.source });
    }
  }
  return sources;
}

/** Writes DIR/<id>.md per journey (plus DIR/<id>.<diagram>.svg with images: svg) and DIR/index.md, atomically. */
export async function writeReport(journeys: readonly ReportJourney[], options: ReportOptions): Promise<ReportResult> {
  const images = options.images ?? 'mermaid';
  const now = options.now ?? new Date();
  const result: ReportResult = { written: [], failures: [] };
  const write = async (name: string, content: string): Promise<void> => {
    const path = join(options.outDir, name);
    await writeFileAtomic(resolve(options.cwd ?? process.cwd(), path), content);
    result.written.push(path);
    options.onWritten?.(path);
  };

  // One browser page for the whole batch: about 1 s to start, then ~30 ms per diagram.
  let renderer: SvgRenderer | undefined;
  if (images === 'svg' && journeys.length > 0) {
    const { createSvgRenderer } = await import('../render/browser/svg.js');
    renderer = await createSvgRenderer({ browserPath: options.browserPath, env: options.env, portable: true });
  }
  try {
    for (const item of journeys) {
      const diagrams = images === 'none' ? [] : await pageDiagrams(item, images, renderer, write, result.failures);
      await write(pageFileName(item.journey.id), renderJourneyPage(item, { now, diagrams }));
    }
  } finally {
    await renderer?.close();
  }
  await write('index.md', renderIndexPage(journeys, { now, skipped: options.skipped }));
  return result;
}

async function pageDiagrams(
  item: ReportJourney,
  images: 'mermaid' | 'svg',
  renderer: SvgRenderer | undefined,
  write: (name: string, content: string) => Promise<void>,
  failures: ReportFailure[],
): Promise<PageDiagram[]> {
  if (images === 'mermaid') return pageDiagramSources(item).map(({ kind, caption, source }) => ({ kind, caption, mermaid: source }));
  const { MermaidRenderError } = await import('../render/browser/svg.js');
  const diagrams: PageDiagram[] = [];
  // An image has no size limit worth splitting for: one flow per journey.
  for (const { kind, source } of pageDiagramSources(item, false)) {
    const name = `${item.journey.id}.${kind}.svg`;
    try {
      const svg = await renderer!.render(source, { id: `${item.journey.id}-${kind}` });
      await write(name, svg);
      diagrams.push({ kind, caption: '', image: name });
    } catch (error) {
      if (!(error instanceof MermaidRenderError)) throw error;
      const message = error.message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Mermaid could not draw it';
      failures.push({ file: item.file, journeyId: item.journey.id, kind, message });
      diagrams.push({ kind, caption: '', failed: message });
    }
  }
  return diagrams;
}

export { renderJourneyPage, RANKING_LIMIT, type ReportJourney, type PageDiagram, type JourneyPageOptions } from './journey-page.js';
export { renderIndexPage, pageFileName, ownership, type SkippedFile, type IndexPageOptions } from './index-page.js';
export * from './analysis.js';
export {
  escapeInline,
  escapeBlock,
  cellText,
  codeSpan,
  markdownLink,
  isWebUrl,
  visibleText,
  foldText,
  table,
  fencedBlock,
} from '../markdown/escape.js';
