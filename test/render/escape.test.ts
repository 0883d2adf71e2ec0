import { describe, expect, it } from 'vitest';
import { decodeMermaidEntities, escapeJourneyText, escapeMermaidText, foldLabel } from '../../src/render/mermaid/escape.js';

describe('foldLabel', () => {
  it('turns every run of whitespace into one space and trims', () => {
    expect(foldLabel('  a\n\tb\u00a0\u2028 c  ')).toBe('a b c');
  });
});

describe('escapeMermaidText', () => {
  it.each([
    ['a: b', 'quoted', 'a: b'],
    ['a:b', 'quoted', 'a#58;b'],
    ['a: b', 'journey', 'a#58; b'],
    ['a, b', 'quoted', 'a, b'],
    ['a, b', 'actor', 'a#44; b'],
    ['say "hi"', 'quoted', 'say #34;hi#34;'],
    ['a | b', 'quoted', 'a #124; b'],
    ['x; y # z', 'journey', 'x#59; y #35; z'],
    ['<b>&amp;</b>', 'quoted', '#60;b#62;#38;amp#59;#60;/b#62;'],
    ['40% off', 'quoted', '40% off'],
    ['%% comment', 'quoted', '#37;#37; comment'],
    ['a %%{init: {}}%%', 'quoted', 'a #37;#37;#123;init: #123;#125;#125;#37;#37;'],
    ['`md`', 'quoted', '#96;md#96;'],
    ['r\u202eevil\u200b', 'quoted', 'revil#8203;'], // the bidi override is dropped, the zero-width space coded
    ['ﬂ°°58¶ß', 'quoted', '#64258;°°58#182;ß'],
    ['Café 日本 €5 — ok', 'quoted', 'Café 日本 €5 — ok'],
  ] as const)('%j in %s context -> %j', (text, context, expected) => {
    expect(escapeMermaidText(text, context)).toBe(expected);
    expect(decodeMermaidEntities(escapeMermaidText(text, context))).toBe(foldLabel(text));
  });
});

describe('escapeJourneyText', () => {
  it.each([
    ['title deed check', '#116;itle deed check'],
    ['Title deed', '#84;itle deed'],
    ['section review', '#115;ection review'],
    ['Journey planning', '#74;ourney planning'],
    ['accTitle: x', '#97;ccTitle#58; x'],
    ['Sees the title', 'Sees the title'],
  ])('codes the first letter of a leading keyword: %j', (text, expected) => {
    expect(escapeJourneyText(text)).toBe(expected);
    expect(decodeMermaidEntities(expected)).toBe(text);
  });
});

describe('decodeMermaidEntities', () => {
  it('decodes decimal and named codes and Mermaid’s parse-time placeholders, once', () => {
    expect(decodeMermaidEntities('#35;58; #quot;x#quot; ﬂ°°58¶ß ﬂ°lt¶ß #unknown;')).toBe('#58; "x" : < #unknown;');
  });
});
