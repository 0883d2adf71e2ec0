import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { parseYaml } from '../load/parse.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { locateCsvCells, readCsv } from './csv.js';

/**
 * The readers of data files (CSV, JSON, NDJSON). Each hands the loader only
 * the mapped columns of a row, as a tuple in ROLES order: columns that are not
 * mapped are never copied out of the reader, so a free-text comment or a
 * respondent id cannot reach any output.
 */

export const ROLES = ['journey', 'stage', 'step', 'metric', 'value', 'date'] as const;
export type Role = (typeof ROLES)[number];
export type RoleCells = (string | undefined)[];

/** A row of a data file: its line (CSV, NDJSON) or its index in the array (JSON). */
export type RowRef = number;

export interface RecordReader {
  /** True when a row ref is its line (CSV, NDJSON): a row's start needs no second pass. */
  lineBased: boolean;
  /** The cell delimiter (CSV: as detected); '' for JSON. */
  delimiter(): string;
  /**
   * Reads the file, calling `header` with the column names first (false stops
   * the reading: a column is missing) and then `row` per record.
   * Returns the rows that could not be read at all.
   */
  read(header: (names: readonly string[], row: RowRef) => boolean, row: (cells: Readonly<RoleCells>, ref: RowRef) => void): Promise<{ row: RowRef; message: string }[]>;
  /** File positions (1-based line and column) of some cells; `role` undefined points at the row's start. */
  locate(cells: readonly { row: RowRef; role?: Role }[]): Promise<Map<string, { line: number; column: number }>>;
}

export function cellKey(row: RowRef, role: Role | undefined): string {
  return `${row}:${role ?? ''}`;
}

/** Opens the file again for each pass (the position pass reads only up to its last line). */
type OpenInput = () => Readable;

export interface ReaderOptions {
  /** Column name of each role. */
  columns: Partial<Record<Role, string>>;
  delimiter?: string;
}

export function csvReader(open: OpenInput, options: ReaderOptions): RecordReader {
  let indexes: number[] = [];
  let delimiter = options.delimiter ?? ',';
  const rowCells: RoleCells = new Array(ROLES.length);
  return {
    lineBased: true,
    delimiter: () => delimiter,
    async read(header, row) {
      const result = await readCsv(open(), { delimiter: options.delimiter }, {
        header(names, line, detected) {
          delimiter = detected;
          indexes = ROLES.map((role) => (options.columns[role] === undefined ? -1 : names.indexOf(options.columns[role]!)));
          return header(names, line);
        },
        record(fields, line) {
          // One array for every row: the loader reads the cells at once and keeps none (a million arrays less to collect).
          for (let r = 0; r < ROLES.length; r++) rowCells[r] = indexes[r] === -1 ? undefined : (fields[indexes[r]] ?? '');
          row(rowCells, line);
        },
      });
      return result.problems.map((problem) => ({ row: problem.line, message: problem.message }));
    },
    async locate(cells) {
      const asked = cells.map(({ row, role }) => ({ line: row, field: role === undefined ? 0 : Math.max(0, indexes[ROLES.indexOf(role)]) }));
      const places = await locateCsvCells(open(), delimiter, asked);
      const located = new Map<string, { line: number; column: number }>();
      cells.forEach(({ row, role }, i) => {
        const place = places.get(`${asked[i].line}:${asked[i].field}`) ?? { line: 0, column: 1 };
        located.set(cellKey(row, role), { line: row + place.line, column: place.column });
      });
      return located;
    },
  };
}

/** A cell value of a JSON record as text: numbers and booleans as written, null and absent as undefined. */
function jsonCell(record: Record<string, unknown>, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const value = record[key];
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function recordCells(record: Record<string, unknown>, options: ReaderOptions): RoleCells {
  return ROLES.map((role) => (options.columns[role] === undefined ? undefined : jsonCell(record, options.columns[role])));
}

const NOT_AN_OBJECT = 'is not an object of named values ({ "journey": ..., "value": ... })';

/** One JSON array of records. Read whole (the size limit applies): JSON has no row boundaries to stream by. */
export function jsonReader(text: string, options: ReaderOptions): RecordReader {
  return {
    lineBased: false,
    delimiter: () => '',
    async read(header, row) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        return [{ row: -1, message: `not valid JSON: ${(error as Error).message}` }];
      }
      if (!Array.isArray(data)) return [{ row: -1, message: 'a JSON data file holds one array of records: [{ ... }, { ... }]' }];
      const names = [...new Set(data.flatMap((record) => (isRecord(record) ? Object.keys(record) : [])))];
      if (!header(names, 0)) return [];
      const problems: { row: RowRef; message: string }[] = [];
      data.forEach((record, index) => {
        if (isRecord(record)) row(recordCells(record, options), index);
        else problems.push({ row: index, message: `record ${index + 1} ${NOT_AN_OBJECT}` });
      });
      return problems;
    },
    async locate(cells) {
      // Positions come from the YAML parser (JSON is YAML): slower than JSON.parse, so only when a position is needed.
      const positions = parseYaml(text, DEFAULT_LIMITS).positions();
      const located = new Map<string, { line: number; column: number }>();
      for (const { row, role } of cells) {
        const path = row < 0 ? [] : role === undefined ? [row] : [row, options.columns[role] ?? ''];
        const { line, column } = positions.locate(path, 'value');
        located.set(cellKey(row, role), { line, column });
      }
      return located;
    },
  };
}

/** Newline-delimited JSON: one record a line, streamed. */
export function ndjsonReader(open: OpenInput, options: ReaderOptions): RecordReader {
  return {
    lineBased: true,
    delimiter: () => '',
    async read(header, row) {
      if (!header([], 1)) return [];
      const problems: { row: RowRef; message: string }[] = [];
      let line = 0;
      for await (const text of createInterface({ input: open(), crlfDelay: Infinity })) {
        line++;
        const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
        if (trimmed === '') continue;
        let record: unknown;
        try {
          record = JSON.parse(trimmed);
        } catch (error) {
          problems.push({ row: line, message: `not valid JSON: ${(error as Error).message}` });
          continue;
        }
        if (isRecord(record)) row(recordCells(record, options), line);
        else problems.push({ row: line, message: `this line ${NOT_AN_OBJECT}` });
      }
      return problems;
    },
    async locate(cells) {
      const wanted = new Set(cells.map((cell) => cell.row));
      const lines = new Map<number, string>();
      let line = 0;
      const last = Math.max(...wanted);
      for await (const text of createInterface({ input: open(), crlfDelay: Infinity })) {
        if (wanted.has(++line)) lines.set(line, text);
        if (line >= last) break;
      }
      const located = new Map<string, { line: number; column: number }>();
      for (const { row, role } of cells) {
        const text = lines.get(row) ?? '';
        const key = role === undefined ? undefined : options.columns[role];
        const match = key === undefined ? null : new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*`).exec(text);
        located.set(cellKey(row, role), { line: row, column: match ? match.index + match[0].length + 1 : 1 });
      }
      return located;
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
