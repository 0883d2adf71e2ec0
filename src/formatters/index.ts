import type { Formatter } from './types.js';

/** Formatters by name. Each lives in its own module and is loaded only when chosen. */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
};

export type { Formatter, FormatContext, RuleMetadata } from './types.js';
