import type { Cause, YamlError } from './cause.js';

/**
 * The parser's own words, for an error no diagnosis explains: without the
 * position `yaml` appends (the finding carries it) and without a repair, so the
 * run reports nothing after it rather than guess at its consequences.
 */
export function parserMessage(error: YamlError): Cause {
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return { start: error.start, end: error.end, code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', message, repair: [] };
}
