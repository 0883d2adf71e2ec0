import { describe, expect, it } from 'vitest';
import { parseMermaid } from '../helpers/mermaid-parse.js';

const journey = [
  'journey',
  '  title Buy a bike #58; online',
  '  section Discover #35;1',
  '    Search #quot;bike#quot;#59; compare: 4: Ana, Ben',
  '    Read reviews: 3: Ana',
  '  section Buy',
  '    Pay: 1: Ben',
].join('\n');

const flowchart = [
  'flowchart LR',
  '  subgraph s1["Discover #58; find"]',
  '    n1["Search #quot;bike#quot;<br/>web, app"]',
  '    n2["Compare #35;1 #lt;b#gt;"]',
  '  end',
  '  subgraph s2["Buy"]',
  '    n3["Pay #124; card"]',
  '  end',
  '  n1 -->|"found #58; 80%"| n2',
  '  n2 -->|"no #124; back"| n1',
  '  n2 --> n3',
  '  classDef pain fill:#fdd,stroke:#c00,stroke-width:2px',
  '  classDef moment stroke-width:3px',
  '  class n2 pain',
  '  class n3 moment',
].join('\n');

const xychart = [
  'xychart-beta',
  '  title "Emotion #58; Ana"',
  '  x-axis ["Search", "Compare #quot;x#quot;", "Pay"]',
  '  y-axis "Emotion" -2 --> 2',
  '  line [1, -1, 2]',
  '  line [0, 1, -2]',
].join('\n');

describe('parseMermaid (mermaid.parse under jsdom)', () => {
  it.each([
    ['journey', journey, 'journey'],
    ['flowchart LR with subgraphs, quoted labels, edge labels, classDef and entity codes', flowchart, 'flowchart-v2'],
    ['xychart-beta line chart', xychart, 'xychart'],
  ])('accepts a valid %s', async (_name, source, diagramType) => {
    expect(await parseMermaid(source)).toEqual({ ok: true, diagramType });
  });

  it.each([
    // Each of these is a hazard from issue 4 that the generators must escape.
    ['journey with a raw ; in a task', 'journey\n  title T\n  section S\n    a; b: 3: Me'],
    ['journey with a raw # in a task', 'journey\n  title T\n  section S\n    a # b: 3: Me'],
    ['flowchart with a dangling edge', 'flowchart LR\n  n1["a"] -->'],
    ['flowchart with an unquoted | in an edge label', 'flowchart LR\n  n1 -->|a | b| n2'],
    ['flowchart using the keyword end as a node id', 'flowchart LR\n  end --> n1'],
    ['xychart with a non-number in a line', 'xychart-beta\n  x-axis ["a", "b"]\n  line [1, x]'],
    ['xychart with an unclosed title', 'xychart-beta\n  title "open\n  line [1, 2]'],
  ])('rejects %s with Mermaid’s message', async (_name, source) => {
    const result = await parseMermaid(source);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Parse error on line \d+:/);
  });

  it('rejects text that is no diagram at all', async () => {
    const result = await parseMermaid('not a diagram');
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/No diagram type detected/) });
  });

  it('keeps working after a failure', async () => {
    await parseMermaid('flowchart LR\n  n1 -->');
    expect(await parseMermaid(journey)).toMatchObject({ ok: true });
  });
});
