/**
 * A unified diff of two texts, for `cjm fmt --diff`. Longest common
 * subsequence over lines: journey files have a few hundred lines, so the
 * quadratic table stays small; past MAX_CELLS (about 2,000 x 2,000 lines) the
 * whole file is shown as replaced rather than spending seconds and memory.
 */
const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Edit = { kind: ' ' | '-' | '+'; line: string };

export function unifiedDiff(file: string, before: string, after: string): string {
  const edits = diffLines(splitLines(before), splitLines(after));
  if (edits.every((edit) => edit.kind === ' ')) return '';
  return [`--- ${file}`, `+++ ${file} (formatted)`, ...hunks(edits)].join('\n') + '\n';
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffLines(a: string[], b: string[]): Edit[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  // lengths[i][j]: LCS length of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      edits.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) {
      edits.push({ kind: '-', line: a[i++] });
    } else {
      edits.push({ kind: '+', line: b[j++] });
    }
  }
  return edits;
}

function hunks(edits: Edit[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < edits.length) {
    while (index < edits.length && edits[index].kind === ' ') index++;
    if (index === edits.length) break;
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    // Extend the hunk while the next change is within two contexts of the last one.
    for (let k = index; k < edits.length; k++) {
      if (edits[k].kind !== ' ') end = k;
      else if (k - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(edits.length, end + CONTEXT + 1);
    const oldStart = 1 + edits.slice(0, start).filter((edit) => edit.kind !== '+').length;
    const newStart = 1 + edits.slice(0, start).filter((edit) => edit.kind !== '-').length;
    const body = edits.slice(start, stop);
    const oldCount = body.filter((edit) => edit.kind !== '+').length;
    const newCount = body.filter((edit) => edit.kind !== '-').length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body.map((edit) => `${edit.kind}${edit.line}`));
    index = stop;
  }
  return out;
}
