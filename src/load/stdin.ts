import { decode, type ReadResult } from './read.js';
import { formatBytes } from './read.js';

export type InputStream = AsyncIterable<Uint8Array | string> & { destroy?(): void };

/** Reads all of stdin, with the same size limit and decoding as files. */
export async function readStdin(maxBytes: number, stream: InputStream = process.stdin): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy?.();
      return { ok: false, code: 'file-too-large', message: `input is over the ${formatBytes(maxBytes)} limit` };
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return decode(Buffer.concat(chunks));
}
