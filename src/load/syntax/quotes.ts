/** A quoted scalar in the text: where its opening quote is and where it closes (-1: never). */
export interface QuotedSpan {
  quote: '"' | "'";
  open: number;
  close: number;
}

/**
 * The quoted scalars of a YAML text, in order, found the way YAML finds them:
 * a quote opens a scalar only where a value may start (after `: `, `- `, `[`,
 * `{`, `,` or at the start of a line), so the apostrophe in `it's` is text.
 * Stops after a quote that is never closed.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      i = lineEnd(text, i);
    } else if ((char === '"' || char === "'") && opensValue(text, i)) {
      const close = closingQuote(text, i);
      spans.push({ quote: char, open: i, close });
      if (close === -1) break;
      i = close + 1;
    } else {
      i++;
    }
  }
  return spans;
}

function opensValue(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  if ('[{,'.includes(text[i])) return true;
  return (text[i] === ':' || text[i] === '-' || text[i] === '?') && i + 1 < at;
}

function closingQuote(text: string, open: number): number {
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}
