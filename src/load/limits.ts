/**
 * The budget of one file: what cjm reads and how much work a file may ask for.
 * Every limit can be set in cjm.config.yaml (`limits:`); docs/configuration.md
 * lists them. The defaults keep any file within them under 300 MB of memory and
 * 5 s per command (bench/results.md, "Hostile input"), with room to spare for
 * real journeys: 10 to 50 KB, 300 to 700 YAML nodes.
 */
export interface Limits {
  /**
   * Largest file read, in bytes. 512 KB is ten times the largest real journey; an
   * ordinary 5 MB journey took 6 s and 370 MB to validate (`yaml`'s
   * parseDocument alone about 340 MB) and 924 MB to format.
   */
  maxFileSize: number;
  /** Deepest nesting accepted. `yaml` overflows the stack near 800 levels; journeys need about 10. */
  maxDepth: number;
  /**
   * Most YAML nodes (keys, values, lists and mappings) after aliases are
   * expanded: the work of validation, lint and fmt grows with this count, not
   * with the bytes (998 aliases of one 50,000-item list made a 145 KB file cost
   * 5.7 s and 517 MB). An ordinary journey at the size limit has about 50,000.
   */
  maxNodes: number;
  /** Findings listed per file; the rest are counted in one last finding. */
  maxFindings: number;
  /** Largest KPI data file read (streamed, so memory stays flat): 1,000,000 survey rows take ~60 MB and about 2 s (bench/results.md). */
  maxDataFileSize: number;
}

export const DEFAULT_LIMITS: Limits = { maxFileSize: 512 * 1024, maxDepth: 64, maxNodes: 50_000, maxFindings: 1000, maxDataFileSize: 100 * 1024 * 1024 };
