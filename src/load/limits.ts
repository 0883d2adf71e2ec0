/** Safety limits for reading journey files. Both can be raised in cjm.config.yaml (`limits:`). */
export interface Limits {
  /** Largest file read, in bytes. A 20 MB file otherwise takes ~8 s and 1.2 GB to parse. */
  maxFileSize: number;
  /** Deepest nesting accepted. `yaml` overflows the stack near 800 levels; journeys need about 10. */
  maxDepth: number;
  /** Largest KPI data file read (streamed, so memory stays flat): 1,000,000 survey rows take ~60 MB and about 2 s (bench/results.md). */
  maxDataFileSize: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileSize: 5 * 1024 * 1024, maxDepth: 64, maxDataFileSize: 100 * 1024 * 1024 };

/** Most aliases one document may expand; a billion-laughs bomb needs far more. */
export const MAX_ALIAS_COUNT = 1000;
