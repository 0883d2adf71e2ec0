import type { Readable } from 'node:stream';

/**
 * Streams a CSV export through papaparse, one chunk of rows at a time, so
 * memory stays flat whatever the file's size. papaparse was measured against
 * csv-parse, csv-parser and uDSV on 1,000,000 survey rows (bench/results.md):
 * in chunk mode it parses and aggregates them in about 1.5 s; csv-parse takes
 * about 6 s. It is loaded only when a config has `data:`.
 *
 * papaparse reports no positions, so lines are counted here: a record starts
 * on the line after the previous record's last line break, including breaks
 * inside quoted cells (free-text comments often have them).
 */

interface CsvOptions {
  /** Default: detected from the first chunk among , ; tab and |. */
  delimiter?: string;
}

interface CsvRecordSink {
  /** The header row (line 1 unless blank lines come first), and the delimiter in use; false stops the reading. */
  header(fields: readonly string[], line: number, delimiter: string): boolean;
  /** A data row and the line it starts on. */
  record(fields: readonly string[], line: number): void;
}

interface CsvResult {
  delimiter: string;
  /** Rows papaparse could not read (an unterminated quote): the line and what is wrong. */
  problems: { line: number; message: string }[];
}

export async function readCsv(input: Readable, options: CsvOptions, sink: CsvRecordSink): Promise<CsvResult> {
  const { default: Papa } = await import('papaparse');
  const result: CsvResult = { delimiter: options.delimiter ?? ',', problems: [] };
  let line = 1;
  let headerSeen = false;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: options.delimiter ?? '',
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      chunk(chunk, parser) {
        if (!headerSeen) result.delimiter = chunk.meta.delimiter;
        const rows = chunk.data;
        const broken = new Set(chunk.errors.map((error) => error.row));
        for (let index = 0; index < rows.length; index++) {
          const fields = rows[index];
          const start = line;
          line += 1 + lineBreaksIn(fields);
          if (fields.length === 1 && fields[0] === '') continue; // a blank line
          if (broken.has(index)) {
            result.problems.push({ line: start, message: 'a quoted cell is never closed: add the closing " (cells with commas, quotes or line breaks are wrapped in "…", quotes inside doubled as "")' });
            continue;
          }
          if (!headerSeen) {
            headerSeen = true;
            if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
            if (!sink.header(fields, start, result.delimiter)) {
              parser.abort();
              return;
            }
          } else {
            sink.record(fields, start);
          }
        }
      },
      complete: () => {
        if (!headerSeen) result.problems.push({ line: 1, message: 'the file is empty: a CSV data file starts with a header row naming its columns' });
        input.destroy(); // after an abort the file may still be open
        resolve(result);
      },
      error: (error: Error) => reject(error),
    });
  });
}

function lineBreaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    if (field.length === 0) continue;
    for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) count++;
  }
  return count;
}

/** Where a record's cell starts: `line` counts from the record's first line (0), `column` is 1-based. */
interface CellPlace {
  line: number;
  column: number;
}

/**
 * Where each asked-for cell starts, found by reading the lines again: only for
 * the few cells a finding or a source points at, so the common path pays
 * nothing. The pass stops after the last line asked for.
 */
export async function locateCsvCells(input: AsyncIterable<string | Buffer>, delimiter: string, cells: readonly { line: number; field: number }[]): Promise<Map<string, CellPlace>> {
  const places = new Map<string, CellPlace>();
  if (cells.length === 0) return places;
  const wanted = new Map<number, number[]>();
  for (const { line, field } of cells) wanted.set(line, [...(wanted.get(line) ?? []), field]);
  const last = Math.max(...wanted.keys());
  let line = 1;
  let pending = '';
  let record: { line: number; text: string } | undefined;
  const finish = (startLine: number, text: string) => {
    for (const field of wanted.get(startLine) ?? []) places.set(`${startLine}:${field}`, cellPlace(text, field, delimiter));
    record = undefined;
  };
  outer: for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const text = pending.slice(0, newline + 1);
      pending = pending.slice(newline + 1);
      if (record) record.text += text;
      else if (wanted.has(line)) record = { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
      if (record && !cellStarts(record.text, delimiter).open) finish(record.line, record.text);
      line++;
      if (line > last && !record) break outer;
    }
  }
  if (record) finish(record.line, record.text + pending);
  else if (wanted.has(line) && pending) finish(line, pending);
  return places;
}

/** The place of a record's cell; past the last cell, the end of the record's first line. */
function cellPlace(text: string, field: number, delimiter: string): CellPlace {
  const { starts } = cellStarts(text, delimiter);
  const offset = field < starts.length ? starts[field] : text.replace(/\r?\n[^]*$/, '').length;
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Walks a record's text as papaparse reads it: a quote opens a quoted cell
 * only at the cell's start, and inside one a doubled quote is a quote.
 */
function cellStarts(text: string, delimiter: string): { starts: number[]; open: boolean } {
  const starts = [0];
  let inQuotes = false;
  let closedAt = -2;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      if (inQuotes) {
        inQuotes = false;
        closedAt = i;
      } else if (i === starts[starts.length - 1] || closedAt === i - 1) inQuotes = true;
    } else if (!inQuotes && char === delimiter) starts.push(i + 1);
    else if (!inQuotes && char === '\n') break;
  }
  return { starts, open: inQuotes };
}
