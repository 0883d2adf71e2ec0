/**
 * The public report API: markdown pages for journeys (`cjm report`), with
 * their diagrams as fenced Mermaid, SVG files beside the pages, or none.
 */
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/write.js';
import { renderFlowPerStage, renderMermaid, type MermaidKind } from '../render/index.js';
import { firstOfEachId, type DiagramFailure, type SkippedJourney } from '../render/batch.js';
import { diagramFileName } from '../render/files.js';
import { hasBlueprintContent, renderBlueprintSvg, renderJourneyMapSvg, renderOverviewSvg } from '../render/map/index.js';
import type { SvgRenderer } from '../render/browser/svg.js';
import { renderIndexPage, pageFileName, type SkippedFile } from './index-page.js';
import { renderJourneyPage, type PageDiagram, type PageMap, type ReportJourney } from './journey-page.js';
import type { Journey, Stage } from '../schema/journey.js';
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

export interface ReportResult {
  /** Paths written, pages and images, index last. */
  written: string[];
  /** Diagrams Mermaid could not draw (svg); their pages say so. */
  failures: DiagramFailure[];
  /** Journeys with no page: an earlier journey has the same id, and its page takes the file name. The index lists them. */
  skipped: SkippedJourney[];
}

/**
 * GitLab collapses a Mermaid block over 2,000 characters in issues and merge
 * requests ("Warning: Displaying this diagram might cause performance issues"),
 * so a larger flow is split into one block per stage.
 */
export const MERMAID_BLOCK_LIMIT = 2_000;

const DIAGRAM_ORDER: readonly MermaidKind[] = ['journey', 'emotion', 'flow'];

interface DiagramSource {
  kind: MermaidKind;
  caption: string;
  source: string;
}

/**
 * The Mermaid sources a page shows: journey and emotion whole, the flow whole
 * when it fits in one block, else one flow per stage (captioned by stage).
 */
export function pageDiagramSources(item: Pick<ReportJourney, 'journey' | 'catalog' | 'dropoffHotspot'>, splitFlow = true): DiagramSource[] {
  const { journey, catalog, dropoffHotspot } = item;
  const sources: DiagramSource[] = [];
  for (const kind of DIAGRAM_ORDER) {
    const source = renderMermaid(journey, kind, { catalog, dropoffHotspot });
    if (kind !== 'flow' || !splitFlow || source.length <= MERMAID_BLOCK_LIMIT) {
      sources.push({ kind, caption: '', source });
      continue;
    }
    for (const part of renderFlowPerStage(journey, { catalog, dropoffHotspot })) {
      const stage = journey.stages.find((candidate) => candidate.id === part.stageId);
      sources.push({ kind, caption: `Stage ${escapeInline(stage?.name ?? part.stageId)}`, source: part.source });
    }
  }
  return sources;
}

/**
 * A map stays readable on a wiki page up to about this many steps; a longer
 * journey gets one map per group of whole stages (a stage longer than this is
 * a group of its own).
 */
const MAP_STEPS_PER_PICTURE = 25;

interface MapPart {
  /** 1, 2, ... when the map is split; undefined for one map. */
  index?: number;
  stageIds?: string[];
  caption: string;
}

function mapParts(journey: Journey): MapPart[] {
  const groups: Stage[][] = [];
  let steps = 0;
  for (const stage of journey.stages) {
    const count = stage.steps?.length ?? 0;
    if (groups.length === 0 || steps + count > MAP_STEPS_PER_PICTURE) {
      groups.push([]);
      steps = 0;
    }
    groups[groups.length - 1].push(stage);
    steps += count;
  }
  if (groups.length <= 1) return [{ caption: '' }];
  return groups.map((stages, index) => ({
    index: index + 1,
    stageIds: stages.map((stage) => stage.id),
    caption: stages.length === 1 ? `Stage ${stages[0].name}` : `Stages ${stages[0].name} to ${stages[stages.length - 1].name}`,
  }));
}

/** Writes DIR/<id>.md per journey (plus DIR/<id>.<diagram>.svg with images: svg) and DIR/index.md, atomically. */
export async function writeReport(journeys: readonly ReportJourney[], options: ReportOptions): Promise<ReportResult> {
  const images = options.images ?? 'mermaid';
  const now = options.now ?? new Date();
  const { unique, skipped } = firstOfEachId(journeys);
  const result: ReportResult = { written: [], failures: [], skipped };
  const write = async (name: string, content: string): Promise<void> => {
    const path = join(options.outDir, name);
    await writeFileAtomic(resolve(options.cwd ?? process.cwd(), path), content);
    result.written.push(path);
    options.onWritten?.(path);
  };

  // One browser page for the whole batch (bench/results.md has the figures).
  let renderer: SvgRenderer | undefined;
  if (images === 'svg' && unique.length > 0) {
    const { createSvgRenderer } = await import('../render/browser/svg.js');
    renderer = await createSvgRenderer({ browserPath: options.browserPath, env: options.env, portable: true });
  }
  try {
    for (const item of unique) {
      if (images === 'none') {
        await write(pageFileName(item.journey.id), renderJourneyPage(item, { now }));
        continue;
      }
      // The map needs no browser: it is drawn whatever --images says, and the page opens with it.
      const map: PageMap[] = [];
      for (const part of mapParts(item.journey)) {
        const name = part.index === undefined ? diagramFileName(item.journey.id, 'map', 'svg') : `${item.journey.id}.map-${part.index}.svg`;
        await write(name, renderJourneyMapSvg(item.journey, { catalog: item.catalog, stageIds: part.stageIds, dropoffHotspot: item.dropoffHotspot }));
        map.push({ image: name, caption: part.caption });
      }
      const diagrams: PageDiagram[] = [];
      if (hasBlueprintContent(item.journey)) {
        const blueprint = diagramFileName(item.journey.id, 'blueprint', 'svg');
        await write(blueprint, renderBlueprintSvg(item.journey, { catalog: item.catalog, dropoffHotspot: item.dropoffHotspot }));
        diagrams.push({ kind: 'blueprint', caption: '', image: blueprint });
      }
      diagrams.push(...(await pageDiagrams(item, images, renderer, write, result.failures)));
      await write(`${item.journey.id}.overview.svg`, renderOverviewSvg(item.journey, { catalog: item.catalog }));
      await write(pageFileName(item.journey.id), renderJourneyPage(item, { now, map, diagrams }));
    }
  } finally {
    await renderer?.close();
  }
  const sameIds = skipped.map(({ file, sameIdAs }) => ({ file, reason: `same journey id as ${sameIdAs}` }));
  await write('index.md', renderIndexPage(unique, { now, skipped: [...(options.skipped ?? []), ...sameIds], overviews: images !== 'none' }));
  return result;
}

async function pageDiagrams(
  item: ReportJourney,
  images: 'mermaid' | 'svg',
  renderer: SvgRenderer | undefined,
  write: (name: string, content: string) => Promise<void>,
  failures: DiagramFailure[],
): Promise<PageDiagram[]> {
  if (images === 'mermaid') return pageDiagramSources(item).map(({ kind, caption, source }) => ({ kind, caption, mermaid: source }));
  const { MermaidRenderError } = await import('../render/browser/svg.js');
  const diagrams: PageDiagram[] = [];
  // An image has no size limit worth splitting for: one flow per journey.
  for (const { kind, source } of pageDiagramSources(item, false)) {
    const name = diagramFileName(item.journey.id, kind, 'svg');
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

export { renderJourneyPage, type ReportJourney, type PageDiagram, type JourneyPageOptions } from './journey-page.js';
export { renderIndexPage, type SkippedFile, type IndexPageOptions } from './index-page.js';
export * from './analysis.js';
export { escapeInline, escapeBlock } from '../markdown/escape.js';
