import { countFindings } from '../findings.js';
import type { Formatter } from './types.js';

/** Machine output: every finding with 1-based positions, files that could not be read, and a summary. */
export const json: Formatter = (results, context) => {
  const findings = results.flatMap((result) => result.findings);
  const ioErrors = results.filter((result) => result.ioError).map((result) => ({ file: result.file, message: result.ioError }));
  const summary = { files: results.length - ioErrors.length, ...countFindings(findings), ioErrors: ioErrors.length };
  return `${JSON.stringify({ version: context.version, summary, findings, ioErrors }, null, 2)}\n`;
};
