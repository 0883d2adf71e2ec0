/**
 * Credentials a message could quote from a file, masked: a config or
 * catalogue path can name any file (`catalog: [~/.git-credentials]` printed
 * `https://bob:ghp_...@github.com` into a CI log), and logs are often public.
 * Each pattern keeps what tells a person which credential it was (the user,
 * the token's kind) and hides what would let someone use it.
 */
const SECRETS: readonly [RegExp, string][] = [
  // user:password@ in a URL.
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]+@/gi, '$1:***@'],
  // Tokens with a known prefix: GitHub, GitLab, Slack, npm, PyPI, OpenAI-style, AWS access keys.
  [/\b(gh[pousr]_|github_pat_|glpat-|xox[abposr]-|npm_|pypi-|sk-|AKIA|ASIA)[A-Za-z0-9_-]{8,}/g, '$1***'],
  // A JSON Web Token.
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, 'eyJ***'],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/g, '$1***'],
  // password=..., token: ..., api_key = ... and the like.
  [/\b((?:pass(?:word|wd)?|secret|token|api[_-]?key)\s*[:=]\s*)["']?[^\s"',;]{4,}/gi, '$1***'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, '-----BEGIN PRIVATE KEY----- ***'],
];

export function maskSecrets(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of SECRETS) masked = masked.replace(pattern, replacement);
  return masked;
}
