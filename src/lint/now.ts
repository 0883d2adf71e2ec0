/**
 * "Today" for date rules (stale-review): `--now YYYY-MM-DD`, else the CJM_NOW
 * environment variable, else the real date. Golden files and CI runs pin it so
 * results do not change as the calendar moves. Midnight UTC, as rules count
 * whole days in UTC.
 */
export function resolveNow(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  if (flag !== undefined) return parseDay(flag, '--now');
  if (env.CJM_NOW) return parseDay(env.CJM_NOW, 'CJM_NOW');
  return new Date();
}

function parseDay(text: string, source: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  // `new Date('2026-02-30')` rolls over to March: compare the parts back to refuse it.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match![0]) {
    throw new NowError(`${source} ${JSON.stringify(text)}: expected a date as YYYY-MM-DD, e.g. 2026-11-22`);
  }
  return date;
}

class NowError extends Error {
  readonly userFacing = true;
}
