/**
 * The map as PNG: a file any viewer decodes (checked here by decoding it:
 * chunk CRCs, IHDR, the zlib stream and every row's filter), the size of the
 * SVG times the scale, opaque to its edges, the same bytes on every run; and
 * the CLI writes it.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderJourneyMapSvg, svgToPng } from '../../../src/render/map/index.js';
import { makeJourney, makeStep } from '../fixtures.js';
import { runCli } from '../../helpers/cli.js';
import { GOLDEN_DIR } from './goldens.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface Decoded {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row after row. */
  pixels: Buffer;
}

/** A small PNG decoder for what resvg writes (8-bit RGBA, no interlace): throws on anything else or any damage. */
function decodePng(png: Buffer): Decoded {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('no PNG signature');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString('latin1');
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (png.readUInt32BE(offset + 8 + length) !== crc32(png.subarray(offset + 4, offset + 8 + length))) throw new Error(`bad CRC in ${type}`);
    chunks.push({ type, data });
    offset += 12 + length;
  }
  if (chunks[0].type !== 'IHDR' || chunks.at(-1)!.type !== 'IEND') throw new Error(`chunks ${chunks.map((chunk) => chunk.type).join(',')}`);
  const header = chunks[0].data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = header.subarray(8);
  if (bitDepth !== 8 || colorType !== 6 || interlace !== 0) throw new Error(`not 8-bit RGBA: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(chunks.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data)));
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new Error(`${raw.length} bytes of image data for ${width} x ${height}`);
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const source = y * (stride + 1) + 1;
    const target = y * stride;
    if (filter > 4) throw new Error(`row ${y}: filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      const left = x >= 4 ? pixels[target + x - 4] : 0;
      const up = y > 0 ? pixels[target - stride + x] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const upLeft = x >= 4 && y > 0 ? pixels[target - stride + x - 4] : 0;
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      pixels[target + x] = (raw[source + x] + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

/** The SVG's width and height attributes. */
function svgSize(svg: string): { width: number; height: number } {
  const [, width, height] = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { width: Number(width), height: Number(height) };
}

/** Pixels whose alpha is not 255 along the picture's edges (the background covers the whole canvas). */
function seeThroughEdges({ width, height, pixels }: Decoded): number {
  let count = 0;
  const alpha = (x: number, y: number): number => pixels[(y * width + x) * 4 + 3];
  for (let x = 0; x < width; x++) count += Number(alpha(x, 0) !== 255) + Number(alpha(x, height - 1) !== 255);
  for (let y = 0; y < height; y++) count += Number(alpha(0, y) !== 255) + Number(alpha(width - 1, y) !== 255);
  return count;
}

const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('svgToPng of a map', () => {
  // A small map: the PNG's pixels cost time, the checks do not need many.
  const steps = ['Searches', 'Compares', 'Buys'].map((name, index) => makeStep(`step-${index}`, { name, action: `${name} online`, emotion: index - 1, pains: ['Slow'] }));
  const svg = renderJourneyMapSvg(makeJourney([{ name: 'Shop', steps }], { title: 'A small map' }), { theme: 'dark' });
  const size = svgSize(svg);

  it.each([1, 2])('decodes, at scale %i the SVG size times the scale, opaque to the edges', async (scale) => {
    const image = decodePng(await svgToPng(svg, { scale }));
    expect({ width: image.width, height: image.height }).toEqual({ width: size.width * scale, height: size.height * scale });
    expect(seeThroughEdges(image)).toBe(0);
  });

  it('gives the same bytes on a second run', async () => {
    expect((await svgToPng(svg)).equals(await svgToPng(svg))).toBe(true);
  });
});

describe('cjm render --format png', () => {
  it('writes motor-claim.map.png: a PNG of the map at scale 1', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cjm-map-png-'));
    temps.push(out);
    const result = await runCli(['render', 'examples/motor-claim.journey.yaml', '-d', 'map', '-f', 'png', '-o', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('motor-claim.map.png');
    expect(await readdir(out)).toEqual(['motor-claim.map.png']);
    const image = decodePng(await readFile(join(out, 'motor-claim.map.png')));
    expect({ width: image.width, height: image.height }).toEqual(svgSize(readFileSync(join(GOLDEN_DIR, 'motor-claim.map.svg'), 'utf8')));
    expect(seeThroughEdges(image)).toBe(0);
  });
});
