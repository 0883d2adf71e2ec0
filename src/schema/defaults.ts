/**
 * Values of the config's schema that code outside src/schema/ needs, kept
 * apart from the Zod schemas so that reading them does not load Zod.
 */

/** The journey files of a workspace when the config names none (`include`). */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.journey.{yaml,yml}'];
