/**
 * What makes an SVG safe to open anywhere: well-formed XML, read by a strict
 * parser, with nothing that runs or fetches and no characters a reader could
 * misread. Used by svg-safety.test.ts and bad-input.test.ts.
 *
 * The parser is saxes (the one jsdom uses, so as strict: well-formedness,
 * namespaces, XML's allowed characters), without building a DOM, which
 * costs ten times more on a 250 KB map.
 */
import { SaxesParser } from 'saxes';
import { svgHazard } from '../../../src/render/browser/svg-safety.js';

export interface SvgElement {
  /** The qualified name, e.g. "text" or "foreignObject". */
  name: string;
  attributes: Record<string, string>;
  /** All text inside, descendants included (as DOM textContent). */
  text: string;
  /** The qualified names of the open elements around it, outermost first. */
  ancestors: string[];
}

/** Every element of an SVG in document order. Throws on anything that is not well-formed, namespace-correct XML. */
export function parseSvg(svg: string): SvgElement[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: SvgElement[] = [];
  const open: SvgElement[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]));
    const element = { name: tag.name, attributes, text: '', ancestors: open.map((parent) => parent.name) };
    elements.push(element);
    open.push(element);
  });
  const addText = (text: string): void => {
    for (const element of open) element.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => void open.pop());
  parser.write(svg).close();
  return elements;
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Everything unsafe about an SVG, as readable lines; [] when it is clean. Pass `parsed` when the caller has parsed it already. */
export function hazards(svg: string, parsed?: SvgElement[]): string[] {
  const found: string[] = [];
  let elements: SvgElement[];
  try {
    elements = parsed ?? parseSvg(svg);
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message.split('\n')[0]}`];
  }
  if (elements[0]?.name !== 'svg' || elements[0].attributes.xmlns !== 'http://www.w3.org/2000/svg') found.push(`root is <${elements[0]?.name}>, not an SVG`);
  if (/<script/i.test(svg) || elements.some((element) => element.name.toLowerCase().endsWith('script'))) found.push('<script');
  if (/<foreignObject/i.test(svg) || elements.some((element) => element.name.endsWith('foreignObject'))) found.push('foreignObject');
  if (/javascript:/i.test(svg)) found.push('javascript:');
  for (const element of elements) {
    for (const [name, value] of Object.entries(element.attributes)) {
      const local = name.replace(/^.*:/, '');
      if (/^on/i.test(local)) found.push(`event attribute ${name} on <${element.name}>`);
      if (local === 'href') found.push(`link ${name}="${value}" on <${element.name}>`);
      if (/url\(|@import/i.test(value)) found.push(`${name} on <${element.name}> fetches: ${value}`);
    }
    if (element.name === 'style' && /@import|url\(/i.test(element.text)) found.push('<style> fetches (@import or url()');
  }
  if (BIDI_CONTROLS.test(svg)) found.push('a bidi control (U+202A-202E, U+2066-2069)');
  // Decoded, the only bidi controls allowed are the writer's own: one right-to-left
  // embedding (U+202B ... U+202C) around a whole <text> line (src/render/map/text/direction.ts).
  for (const element of elements) {
    const text = element.name === 'text' ? element.text.replace(/^\u202B([^\u202A-\u202E\u2066-\u2069]*)\u202C$/, '$1') : element.text.replace(/\u202B[^\u202A-\u202E\u2066-\u2069]*\u202C/g, '');
    if (BIDI_CONTROLS.test(text)) found.push(`a bidi control in <${element.name}>: ${JSON.stringify(element.text.slice(0, 40))}`);
  }
  if (FORBIDDEN_CONTROLS.test(svg)) found.push('a C0 control');
  if (LONE_SURROGATE.test(svg)) found.push('a lone surrogate');
  // The project's own grep check, as the Mermaid path runs it on every SVG it writes.
  const hazard = svgHazard(svg, true);
  if (hazard) found.push(`svgHazard: ${hazard}`);
  return found;
}
