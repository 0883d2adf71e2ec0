/**
 * Checks Mermaid source in Node, with no browser: `mermaid.parse` under jsdom.
 *
 * Measured here (Node 20, 2-core container, mermaid 11.17, jsdom 26):
 * - first call about 0.9 s: importing jsdom about 0.45 s, importing mermaid about 0.45 s;
 * - the first parse of each diagram type 20 to 40 ms (Mermaid lazy-loads that
 *   diagram's parser chunk), then 3 to 5 ms per parse (100 mixed journey,
 *   flowchart and xychart sources: about 370 ms).
 *
 * Quirk: mermaid's DOMPurify binds to `window` when mermaid is first imported.
 * Imported before the jsdom globals exist, every valid diagram that has a
 * title or label fails with "DOMPurify.addHook is not a function" while broken
 * ones still report parse errors, which looks like a generator bug. So the
 * globals are set first and mermaid is imported dynamically after them.
 */
import type { Mermaid } from 'mermaid';

type MermaidParseResult = { ok: true; diagramType: string } | { ok: false; error: string };

let loading: Promise<Mermaid> | undefined;

async function installDomGlobals(): Promise<void> {
  // Under vitest's jsdom environment the globals already exist: keep them.
  if (typeof globalThis.window !== 'undefined' && typeof globalThis.document !== 'undefined') return;
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  // Only window and document: DOMPurify needs window (it reaches Element,
  // NodeFilter, DocumentFragment through it); Mermaid's parsers need document.
  Object.assign(globalThis, { window, document: window.document });
}

async function loadMermaid(): Promise<Mermaid> {
  await installDomGlobals();
  const { default: mermaid } = await import('mermaid');
  // Same settings as the SVG renderer, so a source that parses here renders there.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

function errorText(error: unknown): string {
  const e = error as { message?: unknown; str?: unknown } | undefined;
  if (typeof e?.message === 'string') return e.message;
  if (typeof e?.str === 'string') return e.str; // jison parser errors are sometimes plain objects
  return String(error);
}

export async function parseMermaid(source: string): Promise<MermaidParseResult> {
  loading ??= loadMermaid();
  const mermaid = await loading;
  try {
    const result = await mermaid.parse(source);
    // parse() returns false only with suppressErrors; treat it as a failure all the same.
    if (result === false) return { ok: false, error: 'Mermaid rejected the diagram' };
    return { ok: true, diagramType: result.diagramType };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
