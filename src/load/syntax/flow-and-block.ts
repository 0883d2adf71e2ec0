import type { Cause, Diagnosis, DiagnosisInput } from './cause.js';

/**
 * Lists written half in brackets, half with `- `: `key: - item` on one line, a
 * `- item` under `key: [a, b]`, or a `- ` inside brackets.
 */
export const flowAndBlock: Diagnosis = (input) => dashAfterKey(input) ?? dashUnderFlowList(input) ?? dashInsideBrackets(input) ?? [];

/** `personas: - patient` */
function dashAfterKey({ error, lines }: DiagnosisInput): Cause[] | undefined {
  if (!/^Unexpected block-seq-ind on same line with key/.test(error.message)) return undefined;
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  const text = lines.lineText(line);
  const item = text.slice(error.start - lines.start(line) + 1).trim();
  const key = layout.key ?? 'the key';
  return [
    {
      start: error.start,
      end: error.start + 1,
      code: 'yaml-syntax',
      message: `a list cannot start on the same line as its key: put \`- ${item}\` on the next line, indented under \`${key}\`, or write ${key}: [${item}]`,
      repair: [{ start: error.start, end: lines.end(line), insert: `[${item}]` }],
    },
  ];
}

/** `channels: [phone, web]` followed by `  - email` */
function dashUnderFlowList({ error, lines }: DiagnosisInput): Cause[] | undefined {
  const line = lines.lineOf(error.start);
  const layout = lines.layout(line);
  if (layout.dashes.length === 0 || line === 0) return undefined;
  let above = line - 1;
  while (above > 0 && lines.layout(above).blank) above--;
  const parent = lines.layout(above);
  const text = lines.lineText(above);
  if (parent.key === undefined || parent.value === undefined || layout.indent <= parent.content) return undefined;
  const flow = text.slice(parent.value).trimEnd();
  if (!/^\[.*\]$/.test(flow)) return undefined;
  const items: number[] = [];
  for (let i = line; i < lines.count && lines.layout(i).indent === layout.indent && lines.layout(i).dashes.length > 0; i++) items.push(i);
  const added = items.map((i) => lines.lineText(i).slice(lines.layout(i).content).trim());
  const merged = `${flow.slice(0, -1).trimEnd()}${flow.length > 2 ? ', ' : ''}${added.join(', ')}]`;
  return [
    {
      start: lines.offset(line, layout.indent),
      end: lines.end(line),
      code: 'yaml-syntax',
      message: `\`${parent.key}\` is already a list in brackets, so \`- ${added[0]}\` below it is not part of it: put the items in the brackets: ${parent.key}: ${merged}`,
      repair: items.map((i) => ({ start: lines.start(i), end: lines.end(i), insert: '' })),
    },
  ];
}

/** `next: [a,\n  - b]` */
function dashInsideBrackets({ error, lines }: DiagnosisInput): Cause[] | undefined {
  if (error.code !== 'BLOCK_IN_FLOW') return undefined;
  const at = error.start;
  if (lines.text[at] !== '-') return undefined;
  return [
    {
      start: at,
      end: at + 1,
      code: 'yaml-syntax',
      message: 'inside brackets, items are separated by commas, without `- `: remove the `- ` and put a comma after the item before it',
      repair: [{ start: at, end: at + 2, insert: '  ' }],
    },
  ];
}
