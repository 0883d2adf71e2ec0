/**
 * SVG to PNG without a browser, with @resvg/resvg-js. It loads only the
 * bundled Arimo files, never the system's fonts, so the same SVG gives the same
 * PNG bytes on every machine, drawn with the font its text was measured with.
 * Characters Arimo lacks (CJK, emoji, ★) are then drawn as Arimo's .notdef box
 * (0.75 em, as missing-glyphs.ts counts them); a caller may opt in to fallback
 * fonts, at the price of output that depends on the fonts given or installed.
 * A quirk of resvg 2.6 then: after a character that no loaded font has, the
 * rest of that `<text>` gets no fallback either (stays boxes), so a fallback
 * font helps most when it covers everything Arimo lacks.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { ARIMO_BOLD, ARIMO_REGULAR } from './font-metrics.generated.js';

export interface PngOptions {
  /** Pixels per SVG px: 2 for screens with high pixel density. Default 1. */
  scale?: number;
  /** Font files (TTF or OTF) to draw the characters Arimo lacks, e.g. a Noto CJK file. Deterministic as long as the files are. */
  fallbackFontFiles?: readonly string[];
  /** Also draw characters Arimo lacks from the fonts installed on this machine. The PNG then differs between machines. */
  systemFontFallback?: boolean;
}

const FONT_FILE_NAMES = [ARIMO_REGULAR.file, ARIMO_BOLD.file];
const FONTS_FOLDER = join('assets', 'fonts');

let fontFiles: string[] | undefined;

/**
 * The bundled font files. Found by walking up from this module to the folder
 * that holds assets/fonts/, so one lookup serves src/ under vitest, dist/ after
 * tsc, and an installed package, and survives this module moving.
 */
export function bundledFontFiles(): string[] {
  if (fontFiles !== undefined) return fontFiles;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, FONTS_FOLDER, FONT_FILE_NAMES[0]))) {
      fontFiles = FONT_FILE_NAMES.map((name) => join(folder, FONTS_FOLDER, name));
      return fontFiles;
    }
    if (dirname(folder) === folder) throw new Error(`cjm: the bundled fonts (${FONTS_FOLDER}/) were not found above ${start}`);
  }
}

export function resvgOptions(options: PngOptions = {}): ResvgRenderOptions {
  const { scale = 1, fallbackFontFiles = [], systemFontFallback = false } = options;
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`svgToPng: scale must be a number > 0, got ${scale}`);
  return {
    // The bundled files come first: resvg takes a family's first match, so Arimo is always Arimo.
    font: {
      loadSystemFonts: systemFontFallback,
      fontFiles: [...bundledFontFiles(), ...fallbackFontFiles],
      defaultFontFamily: 'Arimo',
      sansSerifFamily: 'Arimo',
    },
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  };
}

/**
 * Draws an SVG as PNG. resvg is imported on first use, so commands that never
 * draw a PNG do not load its native module; rendering runs off the main thread.
 */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, resvgOptions(options));
  return image.asPng();
}
