import { z } from 'zod';
import { channelSchema, metricSchema, personaSchema } from './journey.js';
import { dataSourceSchema } from './data-source.js';
import { DEFAULT_INCLUDE } from './defaults.js';

/** cjm.config.yaml: workspace files, shared catalogue, lint rules and limits. */

export const SEVERITIES = ['off', 'info', 'warn', 'error'] as const;
const severitySetting = z.enum(SEVERITIES).describe('off, info, warn or error.');

export const ruleSetting = z
  .union([severitySetting, z.tuple([severitySetting]), z.tuple([severitySetting, z.record(z.string(), z.unknown())])])
  .describe('off, info, warn or error, or [severity, { options }].');


/** Path patterns: the dialect is docs/configuration.md#patterns, matched by src/load/paths.ts. */
const globs = z.array(z.string().min(1));

export const catalogSchema = z.strictObject({
  personas: z.array(personaSchema).optional(),
  channels: z.array(channelSchema).optional(),
  metrics: z.array(metricSchema).optional(),
});

export const configSchema = z
  .strictObject({
    include: globs.optional().describe(`Globs of the journey files of this workspace. Default: ${DEFAULT_INCLUDE.join(', ')}`),
    exclude: globs.optional().describe('Globs to leave out of the workspace.'),
    catalog: z.array(z.string().min(1)).optional().describe('Files holding shared personas, channels and metrics.'),
    personas: catalogSchema.shape.personas.describe('Personas shared by every journey.'),
    channels: catalogSchema.shape.channels.describe('Channels shared by every journey.'),
    metrics: catalogSchema.shape.metrics.describe('Metrics shared by every journey.'),
    rules: z.record(z.string(), ruleSetting).optional().describe('Lint rule severities and options, by rule id.'),
    overrides: z
      .array(
        z.strictObject({
          files: globs.min(1).describe('Globs the override applies to.'),
          rules: z.record(z.string(), ruleSetting).describe('Lint rule severities and options for these files, by rule id.'),
        }),
      )
      .optional()
      .describe('Rule settings for some files; the last matching override wins.'),
    ignore: globs.optional().describe('Globs lint never reports on.'),
    data: z.array(dataSourceSchema).optional().describe('KPI data sources: exports whose rows give KPI actuals (docs/data.md).'),
    limits: z
      .strictObject({
        maxFileSize: z.int().min(1024).optional().describe('Largest journey, catalogue or config file read, in bytes. Default 524288 (512 KB).'),
        maxDepth: z.int().min(8).max(200).optional().describe('Deepest nesting accepted. Default 64.'),
        maxNodes: z.int().min(1000).optional().describe('Most YAML values (keys, items, lists and mappings) in one file, with aliases expanded. Default 50000.'),
        maxFindings: z.int().min(1).optional().describe('Findings listed per file; the rest are counted in one last finding. Default 1000.'),
        maxDataFileSize: z.int().positive().optional().describe('Largest KPI data file read, in bytes. Default 100 MB.'),
      })
      .optional()
      .describe('The budget of one file: its size, nesting depth, YAML values and findings listed (docs/configuration.md#limits).'),
  })
  .describe('cjm workspace configuration (cjm.config.yaml).');

export type CjmConfig = z.output<typeof configSchema>;
export type RuleSetting = z.output<typeof ruleSetting>;
export type Catalog = z.output<typeof catalogSchema>;
export type SeveritySetting = (typeof SEVERITIES)[number];
