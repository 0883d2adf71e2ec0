import { z } from 'zod';

/**
 * The journey file format v1. This Zod schema is the single source of truth:
 * the JSON Schema in schemas/ is generated from it, and the README documents it.
 * Cross-references (persona, channel, metric, step and journey ids, KPI ranges,
 * unique ids) are not expressible in JSON Schema and live in src/validate/references.ts.
 */

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const slug = z
  .string()
  .regex(SLUG_PATTERN, { error: 'an id: lowercase letters, digits and dashes, starting with a letter or digit' })
  .describe('An id: lowercase letters, digits and dashes (e.g. open-claim).');

const text = z.string().min(1);
const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

export const linkSchema = z
  .strictObject({
    title: text.describe('What the link shows.'),
    url: z.url().describe('Where it lives (https://...).'),
    type: z
      .enum(['document', 'image', 'video', 'audio', 'dashboard', 'ticket', 'other'])
      .optional()
      .describe('The kind of evidence or media.'),
  })
  .describe('Evidence or media: a recording, a survey, a dashboard, a ticket.');

export const personaSchema = z.strictObject({
  id: slug,
  name: text.describe('The persona as people say it (e.g. "Marco, private driver").'),
  description: z.string().optional(),
  goals: z.array(text).optional().describe('What the persona wants to achieve.'),
  needs: z.array(text).optional().describe('What the persona needs along the way.'),
  channels: z.array(slug).optional().describe('Channels the persona prefers.'),
  quote: z.string().optional().describe('A verbatim customer quote.'),
});

export const channelSchema = z.strictObject({
  id: slug,
  name: text,
  type: z.enum(['digital', 'physical', 'human']).describe('digital, physical or human.'),
  description: z.string().optional(),
});

export const metricSchema = z.strictObject({
  id: slug,
  name: text,
  unit: z.string().optional().describe('Unit of the values, e.g. "%", "s", "EUR".'),
  direction: z.enum(['up', 'down']).describe('up: higher is better; down: lower is better.'),
  range: z.tuple([z.number(), z.number()]).optional().describe('Lowest and highest possible value.'),
  description: z.string().optional(),
});

export const kpiSchema = z.strictObject({
  metric: slug.describe('A built-in metric (nps, csat, ces, ...) or one declared in metrics.'),
  target: z.number().optional().describe('The value the team aims for.'),
  actual: z.number().optional().describe('The last measured value.'),
  source: z.string().optional().describe('Where the actual comes from.'),
  measured: isoDate.optional().describe('When the actual was measured.'),
  note: z.string().optional(),
});

export const painSchema = z.union([
  text,
  z.strictObject({
    text: text,
    severity: z.enum(['low', 'medium', 'high']).optional(),
    evidence: z.enum(['observed', 'reported', 'inferred', 'assumed']).optional(),
  }),
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
  }),
]);

const emotionScore = z.int().min(-2).max(2);

/**
 * How the customer feels at a step: one score for every persona who takes it,
 * or a score per persona (`{ marco: -1, giulia: 1 }`) when they feel differently.
 */
const emotionSchema = z
  .union([emotionScore, z.record(slug, emotionScore)])
  .describe('How the customer feels, from -2 (very bad) to 2 (very good): one score, or one per persona id ({ marco: -1, giulia: 1 }).');

export const touchpointSchema = z.strictObject({
  channel: slug.optional().describe('A built-in channel (web, app, phone, ...) or one declared in channels.'),
  description: z.string().optional(),
  owner: z.string().optional().describe('The team that runs this touchpoint.'),
});

export const stepSchema = z.strictObject({
  id: slug,
  name: text,
  description: z.string().optional(),
  personas: z.array(slug).optional().describe('Personas who take this step.'),
  action: z.string().optional().describe('What the customer does.'),
  thinking: z.string().optional().describe('What the customer thinks or says here, in their words.'),
  touchpoints: z.array(touchpointSchema).optional(),
  backstage: z.array(text).optional().describe('What the company does out of sight.'),
  support: z.array(text).optional().describe('Support processes and systems behind the backstage (the blueprint\'s bottom lane).'),
  emotion: emotionSchema.optional(),
  feeling: z.string().optional().describe('A free label for the feeling (e.g. anxious).'),
  pains: z.array(painSchema).optional(),
  opportunities: z.array(text).optional(),
  momentOfTruth: z.boolean().optional().describe('A moment that makes or breaks the relationship.'),
  handoff: z.string().optional().describe('How context follows the customer across a channel change.'),
  next: z
    .array(transitionSchema)
    .optional()
    .describe('Where the customer goes next. Default: the following step in file order; [] ends the journey.'),
  dropoff: z.number().min(0).max(100).optional().describe('% of customers who abandon at this step.'),
  evidence: evidenceSchema.optional(),
  subjourney: slug.optional().describe('Id of another journey that details this step.'),
  kpis: z.array(kpiSchema).optional(),
  links: z.array(linkSchema).optional(),
  note: z.string().optional().describe('Free text, e.g. why the journey ends here.'),
});

export const stageSchema = z.strictObject({
  id: slug,
  name: text,
  description: z.string().optional(),
  owner: z.string().optional().describe('The team accountable for this stage.'),
  goal: z.string().optional().describe('What the customer should achieve in this stage.'),
  kpis: z.array(kpiSchema).optional(),
  steps: z.array(stepSchema).optional(),
  links: z.array(linkSchema).optional(),
});

export const journeySchema = z
  .strictObject({
    cjm: z.literal(1).describe('Format version marker: 1.'),
    id: slug,
    title: text,
    description: z.string().optional().describe('Free text; markdown allowed.'),
    state: z.enum(['current', 'future']).default('current').describe('current (as-is) or future (to-be).'),
    owner: z.string().optional().describe('Who owns the map as a whole.'),
    reviewed: isoDate.optional().describe('Date of the last review against real customer feedback.'),
    tags: z.array(text).optional(),
    links: z.array(linkSchema).optional(),
    personas: z.array(personaSchema).optional(),
    channels: z.array(channelSchema).optional().describe('Custom channels; built-ins need no declaration.'),
    metrics: z.array(metricSchema).optional().describe('Custom KPIs; built-ins need no declaration.'),
    stages: z.array(stageSchema).min(1),
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
