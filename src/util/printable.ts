/**
 * Text from a file name or a journey, made safe to print on a terminal or in a
 * CI log. A file named `e\n::error::forged.journey.yaml` printed a GitHub
 * workflow command of its own, and `\x1b[2J` in a name cleared the screen.
 * Control characters (C0, DEL, C1) are shown as escapes (`\n`, `\t`, `\x1b`),
 * and the bidi controls that reorder what a reader sees (`\u202e`) as `\u`
 * escapes; everything else, other scripts and emoji included, is kept.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** Each line of `text` made printable, the line breaks kept: for output that is several lines on purpose. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).padStart(width, '0');
}
