import type { CacheOptions } from '../cache/run.js';
import { cliPath } from './io.js';

/** `--cache` and `--cache-location`, shared by validate and lint. */
export const CACHE_HELP = 'reuse the findings of files unchanged since the last cached run (kept in .cjmcache beside the config)';
export const CACHE_LOCATION_HELP = 'keep the cache in this file (or in .cjmcache in this folder); implies --cache';

/** The core's cache options: a location alone turns the cache on, as a flag that takes a path should. */
export function cacheOptions(options: { cache?: boolean; cacheLocation?: string }): CacheOptions | undefined {
  if (options.cacheLocation !== undefined) return { location: cliPath(options.cacheLocation) };
  return options.cache ? {} : undefined;
}
