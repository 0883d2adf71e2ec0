/**
 * Inline suppression in YAML comments, in the style of markdownlint and ESLint:
 *
 *   # cjm-disable-next-line stage-kpi kpi-target -- reason
 *       the next line holding YAML (comments and blank lines skipped)
 *   # cjm-disable stage-owner -- reason
 *       from this line on, until `# cjm-enable stage-owner` (or `# cjm-enable`);
 *       placed before the first key it covers the whole file
 *   # cjm-disable-file stage-owner -- reason
 *       the whole file, wherever it is, and cjm-enable does not end it
 *
 * No rule ids means every rule. Ids may be separated by spaces or commas;
 * everything after ` -- ` is the reason. A directive must be a whole-line
 * comment. Only lint rule findings are suppressible, never validation ones.
 */
export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** 1-based line of the comment, and the columns of the comment on it. */
  line: number;
  column: number;
  endColumn: number;
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  reason?: string;
}

/** A stretch of lines where one rule (or every rule but some) is suppressed by one directive. */
interface Range {
  directive: Directive;
  ruleId: string | typeof ALL;
  /** For an every-rule range re-enabled for some rules by a later `cjm-enable a`. */
  except?: ReadonlySet<string>;
  start: number;
  end: number;
  used: boolean;
}

const ALL = Symbol('all rules');
const DIRECTIVE = /^[ \t]*(#[ \t]*cjm-(disable-next-line|disable-file|disable|enable)(?=[\s,]|$)(.*?))[ \t]*\r?$/;

/** Whether a text can hold directives at all: the cheap test that spares most files the line scan. */
export function mayHoldDirectives(text: string): boolean {
  return text.includes('cjm-disable');
}

/** Finds the directives of a text with one pass over its lines. */
export function parseDirectives(text: string): Directive[] {
  const directives: Directive[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const hash = text.indexOf('#', start);
    if (hash !== -1 && hash < end) {
      const match = DIRECTIVE.exec(text.slice(start, end));
      if (match) {
        const [, comment, kind, rest] = match;
        const column = match[0].indexOf(comment) + 1;
        const [ids, reason] = splitReason(rest);
        directives.push({
          kind: kind as DirectiveKind,
          line,
          column,
          endColumn: column + comment.length,
          ruleIds: ids.split(/[\s,]+/).filter(Boolean),
          ...(reason ? { reason } : {}),
        });
      }
    }
    start = end + 1;
  }
  return directives;
}

function splitReason(rest: string): [string, string | undefined] {
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  if (!separator) return [rest, undefined];
  return [rest.slice(0, separator.index), rest.slice(separator.index + separator[0].length).trim() || undefined];
}

/** What the directives of one file suppress, and which of them were needed. */
export class Suppressions {
  private readonly ranges: Range[] = [];

  constructor(
    readonly directives: readonly Directive[],
    text: string,
  ) {
    const lines = text.split('\n');
    const open: Range[] = [];
    const add = (range: Omit<Range, 'used'>) => {
      const full = { ...range, used: false };
      this.ranges.push(full);
      return full;
    };
    for (const directive of directives) {
      const ids: (string | typeof ALL)[] = directive.ruleIds.length ? directive.ruleIds : [ALL];
      if (directive.kind === 'disable-file') {
        for (const ruleId of ids) add({ directive, ruleId, start: 1, end: Infinity });
      } else if (directive.kind === 'disable-next-line') {
        const target = nextContentLine(lines, directive.line);
        for (const ruleId of ids) add({ directive, ruleId, start: target ?? 0, end: target ?? -1 });
      } else if (directive.kind === 'disable') {
        for (const ruleId of ids) open.push(add({ directive, ruleId, start: directive.line, end: Infinity }));
      } else {
        this.enable(directive, open);
      }
    }
  }

  /** Ends open `cjm-disable` ranges at a `cjm-enable`; re-enabling some rules inside an every-rule range splits it. */
  private enable(directive: Directive, open: Range[]): void {
    const closing = directive.line - 1;
    const everyRule = directive.ruleIds.length === 0;
    for (let i = open.length - 1; i >= 0; i--) {
      const range = open[i];
      if (range.ruleId !== ALL) {
        if (!everyRule && !directive.ruleIds.includes(range.ruleId)) continue;
        range.end = closing;
        open.splice(i, 1);
        continue;
      }
      range.end = closing;
      if (everyRule) {
        open.splice(i, 1);
        continue;
      }
      const except = new Set([...(range.except ?? []), ...directive.ruleIds]);
      const rest: Range = { directive: range.directive, ruleId: ALL, except, start: directive.line, end: Infinity, used: false };
      this.ranges.push(rest);
      open[i] = rest;
    }
  }

  /** Whether a finding of `ruleId` starting on `line` is suppressed; marks the directive as used. */
  suppresses(ruleId: string, line: number): boolean {
    let suppressed = false;
    for (const range of this.ranges) {
      if (line < range.start || line > range.end) continue;
      if (range.ruleId === ALL ? range.except?.has(ruleId) : range.ruleId !== ruleId) continue;
      range.used = true;
      suppressed = true;
    }
    return suppressed;
  }

  /** Directives (and, for those naming rules, each rule id) that suppressed nothing. */
  unused(): { directive: Directive; ruleId?: string }[] {
    const used = new Map<Directive, Map<string | typeof ALL, boolean>>();
    for (const range of this.ranges) {
      const byId = used.get(range.directive) ?? new Map<string | typeof ALL, boolean>();
      byId.set(range.ruleId, (byId.get(range.ruleId) ?? false) || range.used);
      used.set(range.directive, byId);
    }
    const result: { directive: Directive; ruleId?: string }[] = [];
    for (const directive of this.directives) {
      for (const [ruleId, wasUsed] of used.get(directive) ?? []) {
        if (!wasUsed) result.push(ruleId === ALL ? { directive } : { directive, ruleId });
      }
    }
    return result;
  }
}

/** The first line after `line` that holds YAML, skipping blank lines and comments. */
function nextContentLine(lines: readonly string[], line: number): number | undefined {
  for (let index = line; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return index + 1;
  }
  return undefined;
}
