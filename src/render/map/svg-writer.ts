import { FONT_FAMILY, TEXT_STYLE } from './text/measure.js';
import { num } from './path.js';
import type { Mark, Scene } from './scene.js';
import { stylesheet, type ThemeName } from './theme.js';

/**
 * Prints a scene as SVG: one element per line, in scene order, numbers
 * rounded to 0.01 px, no ids, dates or paths, so the same journey gives the
 * same bytes and a changed label changes a few lines. Text is XML-escaped and
 * nothing is fetched or run: no scripts, event attributes, links, foreignObject
 * or web fonts.
 */
export function writeSvg(scene: Scene, theme: ThemeName): string {
  const width = num(scene.width);
  const height = num(scene.height);
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="map-title">${escapeXml(scene.title)}</title>`,
    `<desc id="map-desc">${escapeXml(scene.description)}</desc>`,
    `<style>${stylesheet(theme)}text{${TEXT_STYLE}}</style>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}"/>`,
  ];
  writeMarks(scene.marks, lines, '');
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}

function writeMarks(marks: readonly Mark[], lines: string[], indent: string): void {
  for (const mark of marks) {
    switch (mark.kind) {
      case 'group': {
        const name = mark.name === undefined ? '' : ` data-name="${escapeXml(mark.name)}"`;
        lines.push(`${indent}<g${name}>`);
        if (mark.title !== undefined) lines.push(`${indent}  <title>${escapeXml(mark.title)}</title>`);
        writeMarks(mark.marks, lines, `${indent}  `);
        lines.push(`${indent}</g>`);
        break;
      }
      case 'rect': {
        const radius = mark.radius ? ` rx="${num(mark.radius)}"` : '';
        lines.push(`${indent}<rect class="${mark.style}" x="${num(mark.x)}" y="${num(mark.y)}" width="${num(mark.width)}" height="${num(mark.height)}"${radius}${dash(mark.dash)}/>`);
        break;
      }
      case 'line':
        lines.push(`${indent}<line class="${mark.style}" x1="${num(mark.x1)}" y1="${num(mark.y1)}" x2="${num(mark.x2)}" y2="${num(mark.y2)}"${dash(mark.dash)}/>`);
        break;
      case 'path':
        lines.push(`${indent}<path class="${mark.style}" d="${mark.d}"${dash(mark.dash)}/>`);
        break;
      case 'text': {
        const weight = mark.weight === 'bold' ? ' font-weight="bold"' : '';
        const anchor = mark.anchor === 'start' ? '' : ` text-anchor="${mark.anchor}"`;
        // A right-to-left line as an explicit embedding (RLE ... PDF): see text/direction.ts.
        const text = mark.direction === 'rtl' ? `&#x202B;${escapeXml(mark.text)}&#x202C;` : escapeXml(mark.text);
        lines.push(`${indent}<text class="${mark.style}" x="${num(mark.x)}" y="${num(mark.y)}" font-size="${num(mark.size)}"${weight}${anchor}>${text}</text>`);
        break;
      }
    }
  }
}

function dash(pattern: string | undefined): string {
  return pattern ? ` stroke-dasharray="${pattern}"` : '';
}

/**
 * XML text and attribute escaping. Characters XML 1.0 forbids (most C0
 * controls, lone surrogates, U+FFFE/FFFF) are dropped: a browser refuses the
 * whole picture over one of them. Bidi embedding, override and isolate
 * controls are dropped too, as wrapText drops them from drawn lines: in a
 * tooltip or the description they could only reorder or hide text. Text that
 * looks like script ("javascript:", "onload=") gets its ":" or "=" as a
 * character reference, which reads the same but passes grep-based checks
 * (ours in render/browser/svg-safety.ts, and users').
 */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/javascript:/gi, (match) => `${match.slice(0, -1)}&#58;`)
    .replace(/(^|[^\w:-])(on[a-z]+\s*)=/gi, '$1$2&#61;');
}
