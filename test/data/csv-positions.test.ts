import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/data/load.js';
import { csvReader } from '../../src/data/records.js';
import type { DataSource } from '../../src/schema/data-source.js';

const SOURCE = { file: 'kpis.csv', journey: 'claim', stage: 'report', metric: 'csat', columns: { value: 'Value', date: 'Date' } } as DataSource;

/** A cell as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Free text before the value (comments with commas, quotes and line breaks,
 * as survey exports have them), and a value that is not a number on some rows:
 * every finding must point at the line and column where that value's cell
 * starts, whatever came before it.
 */
describe('positions in CSV files (property)', () => {
  it('a bad value is reported where its cell starts, after any quoted text with line breaks', async () => {
    const note = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', 'é', '😀'), maxLength: 12 });
    const row = fc.record({ note, bad: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 10 }), async (rows) => {
        let text = 'Note,Value,Date\n';
        let line = 2;
        const expected: string[] = [];
        rows.forEach((r, i) => {
          const cell = quote(r.note);
          const lastLine = cell.split('\n').at(-1)!;
          const breaks = cell.split('\n').length - 1;
          // Columns count UTF-16 code units, as every position in cjm does.
          if (r.bad) expected.push(`${line + breaks}:${(breaks === 0 ? cell.length : lastLine.length) + 2}`);
          text += `${cell},${r.bad ? 'n/a' : String(i)},2026-10-${String(i + 1).padStart(2, '0')}\n`;
          line += 1 + breaks;
        });
        const reader = csvReader(() => Readable.from([text]), { columns: SOURCE.columns });
        const { findings } = await loadSource(reader, { source: SOURCE, shownFile: 'kpis.csv', constantAt: () => undefined });
        expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(expected);
      }),
      { seed: 15, numRuns: 150 },
    );
  });
});
