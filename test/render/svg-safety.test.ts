import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as svgModule from '../../src/render/browser/svg.js';
import { makeSvgSafe, neutraliseScriptLookalikes, svgHazard } from '../../src/render/browser/svg-safety.js';

/** Pieces that make script look-alikes (and near misses) when joined at random. */
const PIECES = ['javascript', 'JavaScript', ':', 'on', 'load', 'Error', '=', ' ', '\t', '-', 'x', 'data-', '<', '>', '&', '#58;'];
const lookalikeText = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((pieces) => pieces.join(''));
const FC_OPTIONS = { numRuns: 300, seed: Number(process.env.FC_SEED ?? 20261122) };

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('script lookalikes in text', () => {
  it('are written as character references, which render the same', () => {
    const text = '<svg><text>javascript:alert(1) <tspan>x onerror=alert(1)</tspan></text></svg>';
    const out = neutraliseScriptLookalikes(text);
    expect(out).toBe('<svg><text>javascript&#58;alert(1) <tspan>x onerror&#61;alert(1)</tspan></text></svg>');
    expect(svgHazard(out, true)).toBeUndefined();
  });

  it('are found whatever their case and with spaces before the =', () => {
    expect(neutraliseScriptLookalikes('JavaScript:x')).toBe('JavaScript&#58;x');
    expect(neutraliseScriptLookalikes('a ONLOAD  =1')).toBe('a ONLOAD  &#61;1');
  });

  it('leave ordinary markup alone', () => {
    const svg = '<svg id="a" font-family="x" data-on="1"><text dominant-baseline="middle">1 + 1 = 2</text></svg>';
    expect(neutraliseScriptLookalikes(svg)).toBe(svg);
  });

  it('never leave a hazard in escaped text, and change only the : and = they neutralise', () => {
    fc.assert(
      fc.property(lookalikeText, (text) => {
        const out = neutraliseScriptLookalikes(`<svg><text>${escapeXmlText(text)}</text></svg>`);
        expect(svgHazard(out, true)).toBeUndefined();
        const decoded = out.replace(/&#58;/g, ':').replace(/&#61;/g, '=');
        expect(decoded).toBe(`<svg><text>${escapeXmlText(text)}</text></svg>`);
      }),
      FC_OPTIONS,
    );
  });
});

describe('svgHazard', () => {
  it('names real script, handlers and javascript: URLs', () => {
    expect(svgHazard('<svg><script>x</script></svg>', false)).toMatch(/script/);
    expect(svgHazard('<svg><SCRIPT>x</SCRIPT></svg>', false)).toMatch(/script/);
    expect(svgHazard('<svg onload="x"></svg>', false)).toMatch(/event-handler/);
    expect(svgHazard('<svg><a href="javascript:x"/></svg>', false)).toMatch(/javascript:/);
  });

  it('refuses <foreignObject> only for portable SVG', () => {
    expect(svgHazard('<svg><foreignObject/></svg>', true)).toMatch(/foreignObject/);
    expect(svgHazard('<svg><foreignObject/></svg>', false)).toBeUndefined();
  });
});

describe('makeSvgSafe', () => {
  it('returns the neutralised SVG when nothing else is wrong', () => {
    expect(makeSvgSafe('<svg><text>onclick=1</text></svg>', false)).toEqual({ ok: true, svg: '<svg><text>onclick&#61;1</text></svg>' });
  });

  it('returns the hazard that neutralising cannot remove', () => {
    expect(makeSvgSafe('<svg><script>1</script></svg>', false)).toEqual({ ok: false, hazard: 'contains <script' });
  });
});

it('svg.ts still exports the checks other modules import from it', () => {
  expect(svgModule.neutraliseScriptLookalikes).toBe(neutraliseScriptLookalikes);
  expect(svgModule.svgHazard).toBe(svgHazard);
});
