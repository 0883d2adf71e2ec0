import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/cli.js';

export const ADVERSARIAL = join(FIXTURES, 'adversarial');

/** A scratch folder under the OS temp dir, removed by the returned cleanup. */
export function scratchDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `cjm-adv-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A Node stack frame as printed in a stack trace: what users must never see. */
export const STACK_FRAME = /^\s+at .+\(?(?:file:|node:|\/).+:\d+:\d+\)?$/m;

/** Text that tries to break out of every output cjm writes: Mermaid, markdown, HTML, SVG, terminals. */
export const HOSTILE_STRINGS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '[click me](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(document.cookie)',
  '"><iframe srcdoc="<script>alert(1)</script>">',
  '%%{init: {"securityLevel": "loose"}}%%',
  'click a call alert(1)',
  'end\nflowchart LR\nA-->B',
  'A --> B; C -.-> D',
  'section Hacked',
  'title: x: y: z',
  '#quot;#59;#lt;script#gt;',
  ']]]]}}}}))))',
  '| table | break |\n|---|---|',
  '`code` **bold** _it_ ~~strike~~ > quote',
  '\u202Egnp.exe\u202C',
  'zero\u200Bwidth\u200C\u200D\uFEFF',
  '\u0000nul and \u0007bell',
  '\u001b[31mred\u001b[0m',
  'emoji 👩‍👩‍👧 🏳️‍🌈',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
];

/**
 * Every bad input of the foundation issue, written into `dir`. The deep-nesting files
 * come in pairs and in both flow and block style: the `yaml` parser overflows the stack
 * near 800 levels and a SECOND such file in the same process used to abort Node.
 */
export function writeBadInputs(dir: string): string[] {
  const files: Record<string, string | Buffer> = {
    'malformed.journey.yaml': 'cjm: 1\nid: broken\ntitle: [unclosed\nstages:\n  - id: a\n',
    'duplicate-key.journey.yaml': 'cjm: 1\nid: dup\ntitle: Duplicate key\nid: again\nstages: [{ id: a, name: A }]\n',
    'alias-bomb.journey.yaml': aliasBomb(),
    'deep-flow-1.journey.yaml': `cjm: 1\nid: deep1\ntitle: Deep\nstages: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'deep-flow-2.journey.yaml': `cjm: 1\nid: deep2\ntitle: Deep again\nstages: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'deep-map.journey.yaml': `cjm: 1\nid: deep3\ntitle: Deep maps\nstages: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`,
    'deep-block.journey.yaml': `cjm: 1\nid: deep4\ntitle: Deep blocks\nstages:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}x\n`,
    'deep-block-map.journey.yaml': `cjm: 1\nid: deep5\ntitle: Deep block maps\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
    'oversize.journey.yaml': oversize(6 * 1024 * 1024),
    'binary.journey.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1, 2, 3]),
    'latin1.journey.yaml': Buffer.from('cjm: 1\nid: latin\ntitle: "Caf\xe9 cr\xe8me"\nstages: [{ id: a, name: A }]\n', 'latin1'),
    'utf16.journey.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('cjm: 1\nid: wide\ntitle: Wide\n', 'utf16le')]),
    'bom.journey.yaml': '\uFEFFcjm: 1\nid: bom\ntitle: BOM\nstages: [{ id: a, name: A }]\n',
    'empty.journey.yaml': '',
    'whitespace.journey.yaml': '\n   \n\t\n',
    'comment-only.journey.yaml': '# nothing here\n',
    'multi-document.journey.yaml': 'cjm: 1\nid: one\ntitle: One\nstages: [{ id: a, name: A }]\n---\ncjm: 1\nid: two\ntitle: Two\nstages: [{ id: b, name: B }]\n',
    'not-a-journey.journey.yaml': 'openapi: 3.1.0\ninfo: { title: Pet store, version: 1.0.0 }\npaths: {}\n',
    'scalar.journey.yaml': '42\n',
    'list.journey.yaml': '- cjm: 1\n- id: x\n',
    'null.journey.yaml': '~\n',
    'custom-tag.journey.yaml': 'cjm: 1\nid: tagged\ntitle: !!js/function "function () { return process.exit(1) }"\nstages:\n  - { id: a, name: A, steps: [{ id: s, name: S }] }\n',
    'local-tag.journey.yaml': 'cjm: 1\nid: local-tag\ntitle: !include /etc/passwd\nstages: [{ id: a, name: A }]\n',
    'merge-key.journey.yaml': 'base: &b { id: a, name: A }\ncjm: 1\nid: merge\ntitle: Merge\nstages: [{ <<: *b }]\n',
    'huge-line.journey.yaml': `cjm: 1\nid: huge-line\ntitle: ${'x'.repeat(2 * 1024 * 1024)}\nstages: [{ id: a, name: A }]\n`,
    'nan.journey.yaml': 'cjm: 1\nid: nan\ntitle: NaN\nstages:\n  - id: a\n    name: A\n    kpis: [{ metric: nps, target: .nan, actual: .inf }]\n    steps: [{ id: s, name: S, emotion: .nan, dropoff: -.inf }]\n',
    'proto.journey.yaml': 'cjm: 1\nid: proto\ntitle: Proto\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\nstages: [{ id: a, name: A, __proto__: { owner: x } }]\n',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  // A directory whose name looks like a journey file.
  mkdirSync(join(dir, 'folder.journey.yaml'));
  return [...Object.keys(files), 'folder.journey.yaml'];
}

function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'bcdefghi'.split('');
  names.forEach((name, i) => {
    const previous = i === 0 ? 'a' : names[i - 1];
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  });
  return `${lines.join('\n')}\ncjm: 1\nid: bomb\ntitle: Bomb\nstages: *i\n`;
}

function oversize(bytes: number): string {
  const header = 'cjm: 1\nid: oversize\ntitle: Too big\nstages:\n  - id: a\n    name: A\n    steps:\n';
  const step = (i: number) => `      - { id: s${i}, name: Step number ${i} with some padding text to fill the file }\n`;
  let text = header;
  for (let i = 0; text.length < bytes; i++) text += step(i);
  return text;
}

/** The examples, as texts: the seed of the fuzz test and the scaling tests. */
function exampleText(name: string): string {
  return readFileSync(join(FIXTURES, '..', '..', 'examples', name), 'utf8');
}

/** A journey with `stages` x `stepsPerStage` steps, with branches that loop back (cycles) on purpose. */
export function bigJourney(stepCount: number, { stepsPerStage = 50, cycles = true } = {}): string {
  const lines = ['cjm: 1', `id: big-${stepCount}`, `title: Big journey of ${stepCount} steps`, 'reviewed: 2026-10-01', 'personas:', '  - { id: p, name: Pat, channels: [web, phone] }', 'stages:'];
  const stages = Math.ceil(stepCount / stepsPerStage);
  let n = 0;
  for (let s = 0; s < stages; s++) {
    lines.push(`  - id: st${s}`, `    name: Stage ${s}`, '    owner: team', '    kpis: [{ metric: csat, target: 80, actual: 70 }]', '    steps:');
    for (let t = 0; t < stepsPerStage && n < stepCount; t++, n++) {
      lines.push(`      - id: s${n}`, `        name: Step ${n} <b>bold</b> [link](http://x)`, '        personas: [p]', `        touchpoints: [{ channel: ${n % 7 === 0 ? 'phone' : 'web'} }]`, `        emotion: ${(n % 5) - 2}`);
      if (n % 7 === 0 || n % 7 === 1) lines.push('        handoff: case number');
      if (cycles && n % 10 === 9 && n > 20) lines.push(`        next: [{ to: s${n + 1 < stepCount ? n + 1 : 0}, share: 80 }, { to: s${n - 15}, when: loop back }]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
