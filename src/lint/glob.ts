/**
 * Glob matching for the config's `overrides[].files` and `ignore`, against
 * paths relative to the config file's directory with `/` separators.
 *
 * Own code, not a package: node's path.matchesGlob prints an
 * ExperimentalWarning on Node 20, and picomatch/micromatch are only transitive
 * dependencies here. Supported: `*` (within a segment), `**` (any number of
 * segments), `?`, `[abc]`/`[!abc]`, `{a,b}`. A pattern with no `/` also
 * matches the file name in any folder, as in .gitignore (`*.draft.journey.yaml`).
 * A leading `./` is ignored. Dot files match like any other.
 */
export type GlobMatcher = (path: string) => boolean;

export function compileGlobs(patterns: readonly string[]): GlobMatcher {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map(compileGlob);
  return (path) => matchers.some((match) => match(path));
}

export function compileGlob(pattern: string): GlobMatcher {
  const cleaned = pattern.replace(/^\.\//, '').replace(/\/+$/, '/**');
  const whole = new RegExp(`^${globToRegExpSource(cleaned)}$`);
  if (cleaned.includes('/')) return (path) => whole.test(path);
  return (path) => whole.test(path) || whole.test(path.slice(path.lastIndexOf('/') + 1));
}

function globToRegExpSource(glob: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` is zero or more whole segments; a trailing `**` is anything below.
          if (glob[i + 2] === '/') {
            out += '(?:[^/]*/)*';
            i += 2;
          } else {
            out += '.*';
            i += 1;
          }
          continue;
        }
        i += 1; // `a**b` is just `a*b`
      }
      out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) out += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) out += '|';
    else if (c === '\\' && i + 1 < glob.length) out += escapeRegExp(glob[++i]);
    else out += escapeRegExp(c);
  }
  // An unclosed `{` is a literal brace, not an error.
  return braceDepth === 0 ? out : globToRegExpSource(glob.replace(/[{}]/g, '\\$&'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
