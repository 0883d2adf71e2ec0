/**
 * Line endings of a journey file. `cjm fmt` formats the text with LF line
 * breaks (what `yaml` prints) and writes it back with the endings the file
 * had, so a CRLF file is not rewritten for its endings alone; `--eol` converts.
 */
export type LineEnding = 'lf' | 'crlf';

/** What a text ends its lines with; undefined when it has no line break at all. */
export function lineEndingsOf(text: string): LineEnding | 'mixed' | undefined {
  const { breaks, crlf } = countBreaks(text);
  if (breaks === 0) return undefined;
  return crlf === 0 ? 'lf' : crlf === breaks ? 'crlf' : 'mixed';
}

/** The ending most lines of a text use: what a file that mixes both is written back with (LF on a tie). */
export function dominantLineEnding(text: string): LineEnding {
  const { breaks, crlf } = countBreaks(text);
  return crlf * 2 > breaks ? 'crlf' : 'lf';
}

function countBreaks(text: string): { breaks: number; crlf: number } {
  return { breaks: text.match(/\n/g)?.length ?? 0, crlf: text.match(/\r\n/g)?.length ?? 0 };
}

/** CRLF line breaks as LF (a lone CR never gets here: decode reads it as LF). */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** An LF text with the given line endings. */
export function withLineEnding(text: string, ending: LineEnding): string {
  return ending === 'crlf' ? text.replace(/\n/g, '\r\n') : text;
}
