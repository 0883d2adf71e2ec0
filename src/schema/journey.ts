import { z } from 'zod';

/**
 * The journey file format v1. This Zod schema is the single source of truth:
 * the JSON Schema in schemas/ is generated from it, and the README documents it.
 * Cross-references (persona, channel, metric, step and journey ids, KPI ranges,
 * unique ids) are not expressible in JSON Schema and live in src/validate/references.ts.
 */

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Ids name output files (`<id>.map.svg`, `<id>.md`): about 240 characters
 * hit ENAMETOOLONG on common file systems once a suffix is added, and no
 * reader scans an id that long. 64 leaves room for every suffix and folder.
 */
const MAX_ID_LENGTH = 64;

/**
 * Links open in a browser or a mail client, so only http, https and mailto:
 * never javascript: or data:, and never a bare `example.com/x`, which editors
 * and browsers would read as a relative path. Lowercase schemes, no spaces.
 * The same pattern goes into the JSON Schema, so every editor flags what the CLI flags.
 */
const URL_PATTERN = new RegExp(String.raw`^(?:https?://[^\s/?#]+(?:[/?#]\S*)?|mailto:[^\s@]+@\S+)$`);

/*
 * patternErrorMessage and errorMessage are yaml-language-server's keywords: what an
 * editor shows instead of "does not match the pattern" and a raw regular expression.
 */
export const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'an id: lowercase letters, digits and dashes, starting with a letter or digit' })
  .max(MAX_ID_LENGTH)
  .meta({ patternErrorMessage: 'An id: lowercase letters, digits and dashes, starting with a letter or digit (e.g. open-claim).' })
  .describe(`An id: lowercase letters, digits and dashes, at most ${MAX_ID_LENGTH} characters, e.g. open-claim.`);

/** Whether `value` is a valid id (pattern and length): for ids that come from elsewhere than a journey file (init --id). */
export function isId(value: string): boolean {
  return slug.safeParse(value).success;
}

const text = z.string().min(1);
const isoDate = z.iso
  .date()
  .meta({ patternErrorMessage: 'A date that exists, written YYYY-MM-DD (e.g. 2026-09-30).' })
  .describe('A calendar date, YYYY-MM-DD.');

const url = z
  .string()
  .regex(URL_PATTERN, { error: 'a web address starting with https:// or http://, or a mailto: address' })
  .meta({ patternErrorMessage: 'A web address starting with https:// or http:// (e.g. https://example.com/survey), or a mailto: address.' });

const RANGE_MESSAGE = 'Two numbers: the lowest and the highest possible value (e.g. [0, 10]).';
const rangeEnd = z.number().meta({ errorMessage: RANGE_MESSAGE });

export const linkSchema = z
  .strictObject({
    title: text.describe('What the link shows.'),
    url: url.describe('Where it lives: https://..., http://... or mailto:...'),
    type: z
      .enum(['document', 'image', 'video', 'audio', 'dashboard', 'ticket', 'other'])
      .optional()
      .describe('The kind of evidence or media.'),
  })
  .describe('Evidence or media: a recording, a survey, a dashboard, a ticket.');

export const personaSchema = z.strictObject({
  id: slug,
  name: text.describe('The persona as people say it, e.g. "Marco, private driver".'),
  description: z.string().optional().describe('Who the persona is, in a sentence or two.'),
  goals: z.array(text).optional().describe('What the persona wants to achieve.'),
  needs: z.array(text).optional().describe('What the persona needs along the way.'),
  channels: z.array(slug).optional().describe('Channels the persona prefers.'),
  quote: z.string().optional().describe('A verbatim customer quote.'),
});

export const channelSchema = z.strictObject({
  id: slug,
  name: text.describe('The channel as people say it, e.g. "Mobile app".'),
  type: z.enum(['digital', 'physical', 'human']).describe('digital, physical or human.'),
  description: z.string().optional().describe('What the channel is, in a sentence or two.'),
});

export const metricSchema = z.strictObject({
  id: slug,
  name: text.describe('The metric as people say it, e.g. "Claim handling time".'),
  unit: z.string().optional().describe('Unit of the values, e.g. "%", "s", "EUR".'),
  direction: z.enum(['up', 'down']).describe('up: higher is better; down: lower is better.'),
  range: z
    .tuple([rangeEnd, rangeEnd])
    .meta({ errorMessage: RANGE_MESSAGE })
    .optional()
    .describe('Lowest and highest possible value: two numbers (e.g. [0, 10]).'),
  description: z.string().optional().describe('What the metric measures and how.'),
});

export const kpiSchema = z.strictObject({
  metric: slug.describe('A built-in metric (nps, csat, ces, ...) or one declared in metrics.'),
  target: z.number().optional().describe('The value the team aims for.'),
  actual: z.number().optional().describe('The last measured value.'),
  source: z.string().optional().describe('Where the actual comes from.'),
  measured: isoDate.optional().describe('When the actual was measured.'),
  note: z.string().optional().describe('Free text about this KPI.'),
});

/*
 * A title on the mapping branch of a union: yaml-language-server names it so in "Incorrect
 * type. Expected "string | { text, severity, evidence }"", and by the document's title without
 * one ("object(cjm journey (format v1))").
 */
export const painSchema = z.union([
  text,
  z.strictObject({
    text: text.describe('The pain, in the customer\'s words where possible.'),
    severity: z.enum(['low', 'medium', 'high']).optional().describe('How much it hurts: low, medium or high.'),
    evidence: z.enum(['observed', 'reported', 'inferred', 'assumed']).optional().describe('How we know: observed, reported, inferred or assumed.'),
  }).meta({ title: '{ text, severity, evidence }' }),
]);

const evidenceSchema = z
  .enum(['observed', 'reported', 'inferred', 'assumed'])
  .describe('How we know: observed, reported, inferred or assumed.');

export const transitionSchema = z.union([
  slug,
  z.strictObject({
    to: slug.describe('The step this branch leads to.'),
    when: z.string().optional().describe('The condition of this branch.'),
    share: z.number().min(0).max(100).optional().describe('Share of customers taking this branch, in %.'),
  }).meta({ title: '{ to, when, share }' }),
]);

const emotionScore = z.int().min(-2).max(2);

/**
 * How the customer feels at a step: one score for every persona who takes it,
 * or a score per persona (`{ marco: -1, giulia: 1 }`) when they feel differently.
 */
const emotionSchema = z
  .union([emotionScore, z.record(slug, emotionScore).meta({ title: '{ persona-id: score }' })])
  .describe('How the customer feels, from -2 (very bad) to 2 (very good): one score, or one per persona id ({ marco: -1, giulia: 1 }).');

export const touchpointSchema = z.strictObject({
  channel: slug.optional().describe('A built-in channel (web, app, phone, ...) or one declared in channels.'),
  description: z.string().optional().describe('What happens at this touchpoint.'),
  owner: z.string().optional().describe('The team that runs this touchpoint.'),
});

export const stepSchema = z.strictObject({
  id: slug,
  name: text.describe('The step as the customer would say it, e.g. "Reports the accident".'),
  description: z.string().optional().describe('Free text about the step.'),
  personas: z.array(slug).optional().describe('Personas who take this step.'),
  action: z.string().optional().describe('What the customer does.'),
  thinking: z.string().optional().describe('What the customer thinks or says here, in their words.'),
  touchpoints: z.array(touchpointSchema).optional().describe('Where the customer meets the company at this step: a channel, what happens, who runs it.'),
  backstage: z.array(text).optional().describe('What the company does out of sight.'),
  support: z.array(text).optional().describe('Support processes and systems behind the backstage (the blueprint\'s bottom lane).'),
  emotion: emotionSchema.optional(),
  feeling: z.string().optional().describe('A free label for the feeling (e.g. anxious).'),
  pains: z
    .array(painSchema)
    .optional()
    .describe('What frustrates the customer here: text, or { text, severity, evidence }.'),
  opportunities: z.array(text).optional().describe('Ideas to improve this step.'),
  momentOfTruth: z.boolean().optional().describe('A moment that makes or breaks the relationship.'),
  handoff: z.string().optional().describe('How context follows the customer across a channel change.'),
  next: z
    .array(transitionSchema)
    .optional()
    .describe('Where the customer goes next. Default: the following step in file order; [] ends the journey.'),
  dropoff: z.number().min(0).max(100).optional().describe('% of customers who abandon at this step.'),
  evidence: evidenceSchema.optional(),
  subjourney: slug.optional().describe('Id of another journey that details this step.'),
  kpis: z.array(kpiSchema).optional().describe('How this step is measured: a metric with a target and the last actual value.'),
  links: z.array(linkSchema).optional().describe('Evidence and media for this step: recordings, surveys, dashboards, tickets.'),
  note: z.string().optional().describe('Free text, e.g. why the journey ends here.'),
});

export const stageSchema = z.strictObject({
  id: slug,
  name: text.describe('The stage as people say it, e.g. "Report the claim".'),
  description: z.string().optional().describe('Free text about the stage.'),
  owner: z.string().optional().describe('The team accountable for this stage.'),
  goal: z.string().optional().describe('What the customer should achieve in this stage.'),
  kpis: z.array(kpiSchema).optional().describe('How this stage is measured: a metric with a target and the last actual value.'),
  steps: z.array(stepSchema).optional().describe('What the customer does in this stage, in order.'),
  links: z.array(linkSchema).optional().describe('Evidence and media for this stage: recordings, surveys, dashboards, tickets.'),
});

export const journeySchema = z
  .strictObject({
    cjm: z.literal(1).describe('Format version marker: 1.'),
    id: slug,
    title: text.describe('The journey as people say it, e.g. "Motor claim".'),
    description: z.string().optional().describe('Free text; markdown allowed.'),
    state: z.enum(['current', 'future']).default('current').describe('current (as-is) or future (to-be).'),
    owner: z.string().optional().describe('Who owns the map as a whole.'),
    reviewed: isoDate.optional().describe('Date of the last review against real customer feedback.'),
    tags: z.array(text).optional().describe('Words to group and find journeys by.'),
    links: z.array(linkSchema).optional().describe('Evidence and media for the whole journey: research, recordings, dashboards.'),
    personas: z.array(personaSchema).optional().describe('Who takes this journey.'),
    channels: z.array(channelSchema).optional().describe('Custom channels; built-ins need no declaration.'),
    metrics: z.array(metricSchema).optional().describe('Custom KPIs; built-ins need no declaration.'),
    stages: z.array(stageSchema).min(1).describe('The phases of the journey, in order; at least one.'),
  })
  .describe('A customer journey map (cjm format v1).');

export type Journey = z.output<typeof journeySchema>;
export type Stage = z.output<typeof stageSchema>;
export type Step = z.output<typeof stepSchema>;
export type Persona = z.output<typeof personaSchema>;
export type Kpi = z.output<typeof kpiSchema>;
export type Pain = z.output<typeof painSchema>;
export type Transition = z.output<typeof transitionSchema>;
export type Touchpoint = z.output<typeof touchpointSchema>;
export type Link = z.output<typeof linkSchema>;
export type Emotion = z.output<typeof emotionSchema>;
export type Channel = z.output<typeof channelSchema>;
export type Metric = z.output<typeof metricSchema>;
