import { join, resolve } from 'node:path';
import type { Journey } from '../schema/journey.js';
import { writeFileAtomic } from '../io/write.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { diagram, needsBrowser, type DiagramFormat, type DiagramKind, type DiagramOptions } from './diagrams.js';
import { firstOfEachId, type DiagramFailure, type SkippedJourney } from './batch.js';
import type { SvgRenderer } from './browser/svg.js';

export interface JourneyToRender {
  /** The journey file, as shown to the user. */
  file: string;
  journey: Journey;
  /** The catalogue as seen from this journey (persona and channel names). */
  catalog?: ResolvedCatalog;
  /** map and blueprint: a line for the header (`cjm render --lint`). */
  lintSummary?: string;
  /** The dropoff-hotspot rule's threshold for this file, in % (default: the rule's). */
  dropoffHotspot?: number;
}

export type RenderFormat = DiagramFormat;

export interface RenderFilesOptions extends Omit<DiagramOptions, 'catalog'> {
  /** The output folder as the user gave it: written paths are shown under it. */
  outDir: string;
  /** What a relative outDir is relative to. Default: process.cwd(). */
  cwd?: string;
  kinds: readonly DiagramKind[];
  /** One format for every kind; undefined: each kind in its own default (map and blueprint svg, Mermaid kinds mermaid). */
  format?: RenderFormat;
  /** png: pixels per SVG px. Default 1. */
  scale?: number;
  /** Mermaid as svg: --browser PATH. */
  browserPath?: string;
  /** Mermaid as svg: where PUPPETEER_EXECUTABLE_PATH and PATH are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Mermaid as svg: no <foreignObject>, for viewers other than browsers. */
  portable?: boolean;
  /** Called after each file is written (the CLI lists them as they appear). */
  onWritten?: (written: RenderedFile) => void;
  /** Called with each Mermaid source before it is written or drawn. */
  onSource?: (item: JourneyToRender, kind: DiagramKind, source: string) => void;
}

export interface RenderedFile {
  file: string;
  journeyId: string;
  kind: DiagramKind;
  path: string;
}

export interface RenderFilesResult {
  written: RenderedFile[];
  failures: DiagramFailure[];
  /** Journeys not rendered: an earlier journey has the same id, and its diagrams take the file names. */
  skipped: SkippedJourney[];
}

const EXTENSIONS: Record<DiagramFormat, string> = { svg: 'svg', png: 'png', mermaid: 'mmd' };

/** `<journey-id>.<diagram>.svg`, `.png` or `.mmd`. Journey ids are slugs, so the name is safe in any directory. */
export function diagramFileName(journeyId: string, kind: DiagramKind, format: RenderFormat): string {
  return `${journeyId}.${kind}.${EXTENSIONS[format]}`;
}

/**
 * One diagram of one journey in one format: map and blueprint as SVG text or
 * PNG bytes drawn by cjm, Mermaid kinds as source, or as SVG through the
 * browser renderer (given only when some job needs it).
 */
export async function renderDiagram(item: JourneyToRender, kind: DiagramKind, format: RenderFormat, options: Omit<RenderFilesOptions, 'outDir' | 'kinds' | 'format'>, browser?: SvgRenderer): Promise<string | Buffer> {
  const definition = diagram(kind);
  const diagramOptions: DiagramOptions = { catalog: item.catalog, stageIds: options.stageIds, theme: options.theme, lintSummary: item.lintSummary ?? options.lintSummary, dropoffHotspot: item.dropoffHotspot ?? options.dropoffHotspot };
  if (definition.engine === 'native') {
    // A PNG is drawn in the theme the SVG is in; `auto` has no viewer to ask, so it is light.
    const svg = definition.svg(item.journey, format === 'png' && diagramOptions.theme === 'auto' ? { ...diagramOptions, theme: 'light' } : diagramOptions);
    if (format === 'svg') return svg;
    const { svgToPng } = await import('./map/text/png.js');
    return svgToPng(svg, { scale: options.scale });
  }
  const source = definition.mermaid(item.journey, diagramOptions);
  options.onSource?.(item, kind, source);
  if (format === 'mermaid') return source;
  return browser!.render(source, { id: `${item.journey.id}-${kind}` });
}

/**
 * Writes one file per journey and diagram into outDir, atomically. Mermaid as
 * SVG goes through ONE browser page for the whole batch, started only when a
 * job needs it, and checked before anything is written. A diagram Mermaid
 * refuses is a failure in the result, a journey whose id an earlier one has is
 * skipped; the batch goes on. Throws BrowserNotFoundError / BrowserLaunchError
 * when the browser stack is missing.
 */
export async function renderJourneysToFiles(items: readonly JourneyToRender[], options: RenderFilesOptions): Promise<RenderFilesResult> {
  const { unique, skipped } = firstOfEachId(items);
  const result: RenderFilesResult = { written: [], failures: [], skipped };
  const jobs = unique.flatMap((item) => options.kinds.map((kind) => ({ item, kind, format: options.format ?? diagram(kind).formats[0] })));
  if (jobs.length === 0) return result;
  let browser: SvgRenderer | undefined;
  if (jobs.some(({ kind, format }) => needsBrowser(kind, format))) {
    const { createSvgRenderer } = await import('./browser/svg.js');
    browser = await createSvgRenderer({ browserPath: options.browserPath, env: options.env, portable: options.portable ?? false });
  }
  try {
    for (const { item, kind, format } of jobs) {
      let content: string | Buffer;
      try {
        content = await renderDiagram(item, kind, format, options, browser);
      } catch (error) {
        if (!(error instanceof Error && error.name === 'MermaidRenderError')) throw error;
        result.failures.push({ file: item.file, journeyId: item.journey.id, kind, message: firstLine(error.message) });
        continue;
      }
      const path = join(options.outDir, diagramFileName(item.journey.id, kind, format));
      await writeFileAtomic(resolve(options.cwd ?? process.cwd(), path), content);
      const written = { file: item.file, journeyId: item.journey.id, kind, path };
      result.written.push(written);
      options.onWritten?.(written);
    }
  } finally {
    await browser?.close();
  }
  return result;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Mermaid could not render this diagram';
}
