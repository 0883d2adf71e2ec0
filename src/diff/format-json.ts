import type { DiffReport } from './types.js';

/** The structured diff as is (see types.ts), with a format marker for consumers. */
export function formatJson(report: DiffReport): string {
  return `${JSON.stringify({ cjmDiff: 1, ...report }, null, 2)}\n`;
}
