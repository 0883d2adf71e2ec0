/**
 * The map's SVG is safe to open anywhere and to put through grep-based
 * checks: well-formed XML (a strict parser), nothing that runs or fetches, and
 * hostile labels come out as text: escaped, or removed when XML or the reader
 * would misread them (controls, lone surrogates, bidi overrides).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderBlueprintSvg, renderJourneyMapSvg, renderOverviewSvg, type ThemeName } from '../../../src/render/map/index.js';
import type { Journey } from '../../../src/schema/journey.js';
import { makeJourney, makeStep } from '../fixtures.js';
import { goldenCases } from './goldens.js';
import { FC_SEED, journeyArbitrary } from './journeys.js';
import { hazards, parseSvg } from './svg-checks.js';

/** Labels that break naive SVG writers: markup, entities, CDATA ends, quotes, script look-alikes, controls, bidi overrides, lone surrogates. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'a & b &amp; c &#60; d',
  'say "hi" and \'bye\'',
  ']]> <![CDATA[ x ]]>',
  'javascript:alert(document.cookie)',
  'x onload=alert(1) y onclick = 2',
  '\u202Eevil.exe\u202C and \u2066isolated\u2069',
  'bell\u0007 escape\u001B[31m null\u0000 vt\u000B ff\u000C',
  'lone \uD800 high and \uDC00 low',
  '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
  'url(https://evil.example/x.png) @import "https://evil.example/a.css";',
  '<a xlink:href="https://evil.example">link</a> <use href="#x"/>',
];

function hostileJourney(): Journey {
  const label = (index: number): string => HOSTILE[index % HOSTILE.length];
  const steps = HOSTILE.map((_, index) =>
    makeStep(`step-${index + 1}`, {
      name: label(index),
      personas: index % 3 === 0 ? ['hostile'] : undefined,
      action: label(index + 1),
      thinking: label(index + 2),
      feeling: label(index + 3),
      emotion: index % 2 === 0 ? (index % 5) - 2 : { hostile: 1 },
      pains: [label(index + 4), { text: label(index + 5), severity: 'high' }, label(index), label(index + 1), label(index + 2)],
      opportunities: [label(index + 6)],
      backstage: [label(index + 7)],
      support: [label(index + 8)],
      touchpoints: [{ channel: 'web', description: label(index + 9), owner: label(index + 10) }, { channel: 'odd', description: label(index) }],
      handoff: label(index + 11),
      kpis: [{ metric: 'weird', actual: 1, target: 2, source: label(index + 12) }],
      momentOfTruth: index % 4 === 0,
      dropoff: 30,
      evidence: 'observed',
    }),
  );
  return makeJourney([{ name: HOSTILE.join(' '), owner: label(3), steps }], {
    title: HOSTILE.join(' '),
    owner: label(5),
    personas: [{ id: 'hostile', name: label(0) }, { id: 'other', name: label(7) }],
    channels: [{ id: 'odd', name: label(2), type: 'human' }],
    metrics: [{ id: 'weird', name: label(6), unit: label(1), direction: 'up' }],
  });
}

/** All the text a reader gets: drawn lines, tooltips and the description. */
function readableText(svg: string): string {
  return parseSvg(svg)
    .filter((element) => ['text', 'title', 'desc'].includes(element.name))
    .map((element) => element.text)
    .join('\n');
}

const THEMES: ThemeName[] = ['light', 'dark', 'auto'];

describe('golden SVGs', async () => {
  for (const golden of await goldenCases()) {
    it(`${golden.name} is well-formed and safe`, () => {
      const svg = readFileSync(golden.path, 'utf8');
      expect(hazards(svg)).toEqual([]);
      expect(parseSvg(svg).filter((element) => element.name === 'text').length).toBeGreaterThan(20);
    });
  }
});

describe('hostile labels', () => {
  const journey = hostileJourney();
  const pictures = THEMES.flatMap((theme) => [
    [`map ${theme}`, renderJourneyMapSvg(journey, { theme })],
    [`blueprint ${theme}`, renderBlueprintSvg(journey, { theme })],
    [`overview ${theme}`, renderOverviewSvg(journey, { theme })],
  ]);

  it.each(pictures)('%s is well-formed and safe', (_, svg) => {
    expect(hazards(svg)).toEqual([]);
  });

  it('come out as the text typed: markup and entities escaped, script look-alikes still readable', () => {
    const text = readableText(pictures[0][1]);
    for (const typed of ['<script>alert(1)</script>', 'a & b &amp; c &#60; d', 'say "hi" and \'bye\'', ']]> <![CDATA[ x ]]>', 'javascript:alert(document.cookie)', 'x onload=alert(1) y onclick = 2']) {
      expect(text).toContain(typed);
    }
  });

  it('lose only what cannot be shown: controls, lone surrogates and bidi overrides', () => {
    const text = readableText(pictures[0][1]);
    expect(text).toContain('evil.exe and isolated');
    expect(text).toContain('bell escape[31m null vt ff');
    expect(text).toContain('lone  high and  low');
  });

  it('the checks find what they look for', () => {
    const clean = pictures[0][1];
    const spoiled = [
      clean.replace('</svg>', '<script>alert(1)</script></svg>'),
      clean.replace('<g ', '<g onclick="x" '),
      clean.replace('<g ', '<g xlink:href="https://evil.example" xmlns:xlink="http://www.w3.org/1999/xlink" '),
      clean.replace('</style>', '@import url(https://evil.example/a.css);</style>'),
      clean.replace('</svg>', '<text>\u202E</text></svg>'),
      clean.replace('</svg>', '<text>a & b</text></svg>'),
      clean.replace('</svg>', '<text>&#x202E;evil</text></svg>'),
      clean.replace('</svg>', '<text>&#x202B;a&#x202E;b&#x202C;</text></svg>'),
    ];
    for (const svg of spoiled) expect(hazards(svg)).not.toEqual([]);
    // The writer's own right-to-left embedding around a whole line is fine.
    expect(hazards(clean.replace('</svg>', '<text>&#x202B;שלום 4G&#x202C;</text></svg>'))).toEqual([]);
  });
});

describe('generated journeys', () => {
  it('give well-formed, safe SVG in every view and theme', () => {
    fc.assert(
      fc.property(journeyArbitrary({ maxSteps: 8, maxPersonas: 6 }), fc.constantFrom(...THEMES), ({ journey, catalog }, theme) => {
        for (const svg of [renderJourneyMapSvg(journey, { catalog, theme }), renderBlueprintSvg(journey, { catalog, theme }), renderOverviewSvg(journey, { catalog, theme })]) {
          expect(hazards(svg)).toEqual([]);
        }
      }),
      { numRuns: 25, seed: FC_SEED, endOnFailure: true },
    );
  });
});
