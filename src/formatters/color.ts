import { supportsColor } from 'chalk';

/**
 * The colour level for a stream: FORCE_COLOR wins (chalk reads it), then NO_COLOR
 * (https://no-color.org, which chalk ignores), then whether the stream is a TTY.
 */
export function colorLevelFor(stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  if ('FORCE_COLOR' in process.env) return supportsColor ? supportsColor.level : 0;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}
