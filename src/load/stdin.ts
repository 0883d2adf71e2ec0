import { decode, type ReadResult } from './read.js';
import { formatBytes } from './read.js';

/** Reads all of stdin, with the same size limit and decoding as files. */
export async function readStdin(maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      return { ok: false, code: 'file-too-large', message: `input is over the ${formatBytes(maxBytes)} limit` };
    }
    chunks.push(chunk as Buffer);
  }
  return decode(Buffer.concat(chunks));
}
