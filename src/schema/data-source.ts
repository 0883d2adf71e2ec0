import { z } from 'zod';
import { slug as id } from './journey.js';

/**
 * A KPI data source in cjm.config.yaml (`data:`): an export the data team
 * already produces, read by src/data/. Documented in docs/data.md.
 */

export const AGGREGATES = ['nps', 'csat', 'ces', 'mean', 'share', 'count'] as const;
export type AggregateKind = (typeof AGGREGATES)[number];

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIODS)[number];

/** The fields a data row is matched by; each is a column of the file or a constant of the source. */
export const KEY_FIELDS = ['journey', 'stage', 'step', 'metric'] as const;

const header = z.string().min(1).describe('A column name in the file\'s header (CSV) or a key of each record (JSON).');

const dataColumnsSchema = z
  .strictObject({
    journey: header.optional().describe('The journey id of each row.'),
    stage: header.optional().describe('The stage id (a stage KPI, or the stage of the step).'),
    step: header.optional().describe('The step id (a step KPI); empty for a stage KPI.'),
    metric: header.optional().describe('The metric id of the KPI (long format).'),
    value: header.describe('The measured value, or the raw response that is aggregated.'),
    date: header.describe('When it was measured or answered: YYYY-MM-DD or an ISO date-time.'),
  })
  .describe('Which column holds what. Columns not named here are never read into any output.');

export const dataSourceSchema = z
  .strictObject({
    file: z.string().min(1).describe('The export, relative to the config file\'s folder (it may be git-ignored). .csv, .json or .ndjson.'),
    format: z.enum(['csv', 'json', 'ndjson']).optional().describe('Default: from the file extension.'),
    columns: dataColumnsSchema,
    journey: id.optional().describe('The journey id of every row, when the file has no journey column.'),
    stage: id.optional().describe('The stage id of every row, when the file has no stage column.'),
    step: id.optional().describe('The step id of every row, when the file has no step column.'),
    metric: id.optional().describe('The metric id of every row. With aggregate: the KPI it feeds (default: the aggregate\'s name).'),
    aggregate: z.enum(AGGREGATES).optional().describe('Aggregate raw responses per period: nps, csat, ces, mean, share or count. Without it, each row is one measurement.'),
    period: z.enum(PERIODS).optional().describe('Calendar period of a value: day, week (ISO), month or quarter. Default: month with aggregate, else day.'),
    timezone: z.string().min(1).optional().describe('IANA time zone the periods are counted in (e.g. Europe/Rome). Default: UTC.'),
    scale: z.tuple([z.number(), z.number()]).optional().describe('The answer scale of raw responses. Default: nps 0..10, csat 1..5, ces 1..7.'),
    topBoxes: z.int().positive().optional().describe('csat: how many top answers count as satisfied. Default 2 (4 and 5 of 1..5).'),
    // One option per type, not a type array: editors and strict Ajv read anyOf the same way.
    shareOf: z.array(z.union([z.string().describe('A text answer.'), z.number().describe('A number.'), z.boolean().describe('true or false.')])).min(1).optional().describe('share: the values that count (default: 1, true, yes).'),
    delimiter: z.enum([',', ';', '\t', '|']).optional().describe('CSV delimiter. Default: detected.'),
    decimal: z.enum(['.', ',']).optional().describe('Decimal separator of values. Default: "." (a comma when the delimiter is not a comma and a value reads 8,5).'),
  })
  .describe('A KPI data source: an export whose rows give KPI actuals (see docs/data.md).');

export type DataSource = z.output<typeof dataSourceSchema>;
