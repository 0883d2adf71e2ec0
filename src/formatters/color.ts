import { supportsColor } from 'chalk';

/**
 * The colour level for a stream: FORCE_COLOR wins (chalk reads it), then NO_COLOR
 * (https://no-color.org, which chalk ignores), then whether the stream is a TTY.
 */
export function colorLevelFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): 0 | 1 | 2 | 3 {
  if ('FORCE_COLOR' in env) return forcedLevel(env.FORCE_COLOR);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!stream.isTTY) return 0;
  return supportsColor ? supportsColor.level : 0;
}

/** FORCE_COLOR as chalk reads it: 0 or false off, 1 to 3 a level, anything else (even empty) level 1. */
function forcedLevel(value: string | undefined): 0 | 1 | 2 | 3 {
  if (value === 'false' || value === '0') return 0;
  if (value === '2' || value === '3') return Number(value) as 2 | 3;
  return 1;
}
