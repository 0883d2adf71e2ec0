import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../src/fmt/index.js';
import { dominantLineEnding, lineEndingsOf, toLf, withLineEnding } from '../../src/fmt/line-endings.js';
import { ROOT } from '../helpers/cli.js';

const BOM = '\ufeff';
const canonical = readFileSync(join(ROOT, 'examples/bopis.journey.yaml'), 'utf8');
const messy = 'title: T\ncjm: 1\n';

/** Writes files into a new folder and formats them there (writing nothing with check). */
async function format(files: Record<string, string | Buffer>, options: { check?: boolean; eol?: 'lf' | 'crlf' } = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'cjm-eol-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
  const results = await formatFiles(Object.keys(files), { cwd, config: false, ...options });
  return { cwd, results };
}

describe('line endings', () => {
  it('names what a text ends its lines with', () => {
    expect([lineEndingsOf('a\nb\n'), lineEndingsOf('a\r\nb\r\n'), lineEndingsOf('a\r\nb\n'), lineEndingsOf('a')]).toEqual(['lf', 'crlf', 'mixed', undefined]);
    expect([dominantLineEnding('a\r\nb\r\nc\n'), dominantLineEnding('a\r\nb\n'), dominantLineEnding('a')]).toEqual(['crlf', 'lf', 'lf']);
    expect(withLineEnding(toLf('a\r\nb\rc\n'), 'crlf')).toBe('a\r\nb\rc\r\n');
  });
});

describe('cjm fmt keeps line endings and the byte order mark', () => {
  it('leaves a canonical file alone whether it has CRLF endings, a BOM or both', async () => {
    const crlf = withLineEnding(canonical, 'crlf');
    const { results } = await format({ 'crlf.journey.yaml': crlf, 'bom.journey.yaml': BOM + canonical, 'both.journey.yaml': BOM + crlf }, { check: true });
    expect(results.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('rewrites a messy CRLF file with a BOM as CRLF with the BOM', async () => {
    const { cwd } = await format({ 'messy.journey.yaml': BOM + withLineEnding(messy, 'crlf') });
    expect(readFileSync(join(cwd, 'messy.journey.yaml'))).toEqual(Buffer.from(`${BOM}cjm: 1\r\ntitle: T\r\n`));
  });

  it('writes a file that mixes endings with the more common one', async () => {
    const { results } = await format({ 'mixed.journey.yaml': 'cjm: 1\r\ntitle: T\r\nid: x\n' }, { check: true });
    expect(results[0].output).toBe('cjm: 1\r\nid: x\r\ntitle: T\r\n');
  });

  it('--eol converts, keeping the BOM', async () => {
    const { results } = await format({ 'bom.journey.yaml': BOM + canonical, 'crlf.journey.yaml': withLineEnding(canonical, 'crlf') }, { check: true, eol: 'crlf' });
    expect(results.map((result) => result.status)).toEqual(['formatted', 'unchanged']);
    expect(results[0].output).toBe(BOM + withLineEnding(canonical, 'crlf'));
  });
});
