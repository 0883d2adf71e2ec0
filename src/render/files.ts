import { join, resolve } from 'node:path';
import type { Journey } from '../schema/journey.js';
import { writeFileAtomic } from '../io/write.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { renderMermaid, type DiagramKind } from './diagrams.js';
import { firstOfEachId, type DiagramFailure, type SkippedJourney } from './batch.js';

export interface JourneyToRender {
  /** The journey file, as shown to the user. */
  file: string;
  journey: Journey;
  /** The catalogue as seen from this journey (persona and channel names). */
  catalog?: ResolvedCatalog;
}

export type RenderFormat = 'mermaid' | 'svg';

export interface RenderFilesOptions {
  /** The output folder as the user gave it: written paths are shown under it. */
  outDir: string;
  /** What a relative outDir is relative to. Default: process.cwd(). */
  cwd?: string;
  /** svg: where PUPPETEER_EXECUTABLE_PATH and PATH are read from. Default: process.env. */
  env?: Record<string, string | undefined>;
  kinds: readonly DiagramKind[];
  format: RenderFormat;
  /** svg: --browser PATH. */
  browserPath?: string;
  /** svg: no <foreignObject>, for viewers other than browsers. */
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

/** `<journey-id>.<diagram>.mmd` or `.svg`. Journey ids are slugs, so the name is safe in any directory. */
function diagramFileName(journeyId: string, kind: DiagramKind, format: RenderFormat): string {
  return `${journeyId}.${kind}.${format === 'svg' ? 'svg' : 'mmd'}`;
}

/**
 * Writes one file per journey and diagram into outDir, atomically. SVG goes
 * through ONE browser page for the whole batch (bench/results.md has its time
 * against one mmdc run per diagram). A diagram Mermaid refuses is a failure in
 * the result, a journey whose id an earlier one has is skipped; the batch goes on.
 * Throws BrowserNotFoundError / BrowserLaunchError when SVG needs a browser
 * that is not there.
 */
export async function renderJourneysToFiles(items: readonly JourneyToRender[], options: RenderFilesOptions): Promise<RenderFilesResult> {
  const { unique, skipped } = firstOfEachId(items);
  const result: RenderFilesResult = { written: [], failures: [], skipped };
  const jobs = unique.flatMap((item) => options.kinds.map((kind) => ({ item, kind })));
  if (jobs.length === 0) return result;
  const write = async (item: JourneyToRender, kind: DiagramKind, content: string): Promise<void> => {
    const path = join(options.outDir, diagramFileName(item.journey.id, kind, options.format));
    await writeFileAtomic(resolve(options.cwd ?? process.cwd(), path), content);
    const written = { file: item.file, journeyId: item.journey.id, kind, path };
    result.written.push(written);
    options.onWritten?.(written);
  };

  if (options.format === 'mermaid') {
    for (const { item, kind } of jobs) {
      const source = renderMermaid(item.journey, kind, { catalog: item.catalog });
      options.onSource?.(item, kind, source);
      await write(item, kind, source);
    }
    return result;
  }

  const { createSvgRenderer, MermaidRenderError } = await import('./browser/svg.js');
  const renderer = await createSvgRenderer({ browserPath: options.browserPath, env: options.env, portable: options.portable ?? false });
  try {
    for (const { item, kind } of jobs) {
      const source = renderMermaid(item.journey, kind, { catalog: item.catalog });
      options.onSource?.(item, kind, source);
      let svg: string;
      try {
        svg = await renderer.render(source, { id: `${item.journey.id}-${kind}` });
      } catch (error) {
        if (!(error instanceof MermaidRenderError)) throw error;
        result.failures.push({ file: item.file, journeyId: item.journey.id, kind, message: firstLine(error.message) });
        continue;
      }
      await write(item, kind, svg);
    }
  } finally {
    await renderer.close();
  }
  return result;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'Mermaid could not render this diagram';
}
