/**
 * Starter journeys for `cjm init --template`. Plain data, rendered by
 * ./template-file.ts into commented YAML: placeholders that pass `cjm validate` and
 * leave `cjm lint` a to-do list (owners, emotions, KPIs, evidence).
 */

export interface TemplateStep {
  id: string;
  name: string;
  action?: string;
  /** Touchpoints as [channel, description]: built-in channels only, so the file validates alone. */
  touchpoints?: [string, string][];
  /** What staff do out of sight. */
  backstage?: string[];
  /** The support processes and systems behind the backstage (a service blueprint's bottom lane). */
  support?: string[];
  momentOfTruth?: boolean;
  next?: string[];
  note?: string;
}

export interface TemplateStage {
  id: string;
  name: string;
  goal: string;
  steps: TemplateStep[];
}

export interface JourneyTemplate {
  name: string;
  /** One line for --help and the file header. */
  summary: string;
  /** More header lines: where the model comes from and how to use it. */
  about: string[];
  title: string;
  description: string[];
  stages: TemplateStage[];
}

const lifecycle: JourneyTemplate = {
  name: 'lifecycle',
  summary: 'the customer lifecycle, from first contact to recommending you',
  about: ['Six stages: awareness, consideration, purchase, onboarding, retention, advocacy.', 'Rename, drop or split stages to fit your product.'],
  title: 'Customer lifecycle, from first contact to recommendation',
  description: ['Who goes through this journey, what starts it and what a good outcome looks like.', 'Markdown is allowed here.'],
  stages: [
    {
      id: 'awareness',
      name: 'Awareness',
      goal: 'The customer learns that we exist and could solve their problem',
      steps: [{ id: 'notices-need', name: 'Notices a need', action: 'What the customer does, in their words', touchpoints: [['ads', 'Where they first hear of us']] }],
    },
    {
      id: 'consideration',
      name: 'Consideration',
      goal: 'The customer compares options and puts us on the short list',
      steps: [{ id: 'compares-options', name: 'Compares options', touchpoints: [['web', 'Product and pricing pages']] }],
    },
    {
      id: 'purchase',
      name: 'Purchase',
      goal: 'The customer buys without friction',
      steps: [{ id: 'buys', name: 'Buys', touchpoints: [['web', 'Checkout']], momentOfTruth: true }],
    },
    {
      id: 'onboarding',
      name: 'Onboarding',
      goal: 'The customer gets the first value quickly',
      steps: [{ id: 'first-use', name: 'Uses it for the first time', touchpoints: [['app', 'First-run experience']] }],
    },
    {
      id: 'retention',
      name: 'Retention',
      goal: 'The customer keeps using and paying',
      steps: [{ id: 'gets-help', name: 'Gets help when stuck', touchpoints: [['chat', 'Support chat']] }],
    },
    {
      id: 'advocacy',
      name: 'Advocacy',
      goal: 'The customer recommends us',
      steps: [{ id: 'recommends', name: 'Recommends us to a friend', touchpoints: [['social', 'Reviews and posts']], next: [], note: 'The journey ends here; a recommendation starts someone else\'s awareness.' }],
    },
  ],
};

const aida: JourneyTemplate = {
  name: 'aida',
  summary: 'the AIDA funnel: attention, interest, desire, action',
  about: ['The classic marketing funnel (E. St. Elmo Lewis, 1898): good for campaigns and', 'landing pages, where the journey ends with one action.'],
  title: 'Campaign journey, from attention to action',
  description: ['Which campaign or product this maps, for whom, and which action counts as success.'],
  stages: [
    {
      id: 'attention',
      name: 'Attention',
      goal: 'The customer notices the message',
      steps: [{ id: 'sees-ad', name: 'Sees the ad', touchpoints: [['ads', 'Campaign ad']] }],
    },
    {
      id: 'interest',
      name: 'Interest',
      goal: 'The customer wants to know more',
      steps: [{ id: 'reads-more', name: 'Reads more', touchpoints: [['web', 'Landing page']] }],
    },
    {
      id: 'desire',
      name: 'Desire',
      goal: 'The customer wants the offer',
      steps: [{ id: 'weighs-offer', name: 'Weighs the offer', touchpoints: [['web', 'Offer details and reviews']] }],
    },
    {
      id: 'action',
      name: 'Action',
      goal: 'The customer acts: buys, signs up or books',
      steps: [{ id: 'takes-action', name: 'Takes the action', touchpoints: [['web', 'Sign-up or checkout form']], momentOfTruth: true, next: [] }],
    },
  ],
};

const mckinseyLoop: JourneyTemplate = {
  name: 'mckinsey-loop',
  summary: 'the consumer decision journey loop (initial consideration to post-purchase)',
  about: [
    'The consumer decision journey (Court et al., McKinsey, 2009): not a funnel but a',
    'loop. The last step leads back through `next`, either straight to the purchase',
    '(the loyalty loop) or into the evaluation again.',
  ],
  title: 'Consumer decision journey, with the loyalty loop',
  description: ['Which purchase decision this maps, for whom, and what brings customers back.'],
  stages: [
    {
      id: 'initial-consideration',
      name: 'Initial consideration',
      goal: 'We are in the initial consideration set when a trigger starts the search',
      steps: [{ id: 'trigger', name: 'A trigger starts the search', touchpoints: [['ads', 'Brand advertising']] }],
    },
    {
      id: 'active-evaluation',
      name: 'Active evaluation',
      goal: 'The customer adds us while researching and keeps us on the list',
      steps: [{ id: 'researches', name: 'Researches and compares', touchpoints: [['web', 'Reviews, comparisons, recommendations']] }],
    },
    {
      id: 'purchase',
      name: 'Moment of purchase',
      goal: 'The customer chooses us at the point of purchase',
      steps: [{ id: 'chooses', name: 'Chooses and buys', touchpoints: [['store', 'Point of sale']], momentOfTruth: true }],
    },
    {
      id: 'post-purchase',
      name: 'Post-purchase experience',
      goal: 'Using the product builds loyalty for the next decision',
      steps: [
        { id: 'uses-product', name: 'Uses the product', touchpoints: [['app', 'Product and service']] },
        {
          id: 'next-decision',
          name: 'Faces the next purchase decision',
          touchpoints: [['email', 'Reminder that the product is due for renewal or replacement']],
          next: ['chooses', 'researches', 'trigger'],
          note: 'Loyal customers go straight back to the purchase; the others evaluate again or start over.',
        },
      ],
    },
  ],
};

const onboarding: JourneyTemplate = {
  name: 'onboarding',
  summary: 'onboarding as a cascade of moments of truth, from sign-up to the first value',
  about: [
    'Onboarding as a cascade of moments of truth: each step can lose the customer,',
    'so each one carries momentOfTruth: true and deserves a KPI and a dropoff figure.',
  ],
  title: 'Onboarding, from sign-up to the first value',
  description: ['Which product this onboards, for whom, and what the first value ("aha moment") is.'],
  stages: [
    {
      id: 'sign-up',
      name: 'Sign up',
      goal: 'The customer creates an account in minutes',
      steps: [
        { id: 'creates-account', name: 'Creates an account', touchpoints: [['web', 'Sign-up form']], momentOfTruth: true },
        { id: 'confirms-email', name: 'Confirms the email address', touchpoints: [['email', 'Confirmation email']], momentOfTruth: true },
      ],
    },
    {
      id: 'set-up',
      name: 'Set up',
      goal: 'The customer sets up what the first value needs',
      steps: [{ id: 'completes-setup', name: 'Completes the setup', touchpoints: [['app', 'Setup wizard']], momentOfTruth: true }],
    },
    {
      id: 'first-value',
      name: 'First value',
      goal: 'The customer reaches the first value and comes back',
      steps: [
        { id: 'reaches-aha', name: 'Reaches the first value', touchpoints: [['app', 'First result']], momentOfTruth: true },
        { id: 'returns', name: 'Comes back a second time', touchpoints: [['email', 'Follow-up email']], momentOfTruth: true, next: [] },
      ],
    },
  ],
};

const serviceBlueprint: JourneyTemplate = {
  name: 'service-blueprint',
  summary: 'a service blueprint: customer actions, touchpoints, backstage and support processes',
  about: [
    'A service blueprint (Shostack, 1984): for each customer action, the frontstage',
    'touchpoints (with the team that runs them), under `backstage` what staff do out of',
    'sight, and under `support` the processes and systems behind them. Draw it with',
    '`cjm render <file> --diagram blueprint`.',
  ],
  title: 'Service blueprint, from request to resolution',
  description: ['Which service this blueprints, which line of visibility it draws and which systems it relies on.'],
  stages: [
    {
      id: 'request',
      name: 'Request',
      goal: 'The customer asks for the service and knows what happens next',
      steps: [
        {
          id: 'submits-request',
          name: 'Submits a request',
          action: 'Fills in the request form',
          touchpoints: [['web', 'Request form']],
          backstage: ['Agent triages the request'],
          support: ['Ticketing system assigns the request'],
        },
      ],
    },
    {
      id: 'delivery',
      name: 'Delivery',
      goal: 'The service is delivered as promised',
      steps: [
        {
          id: 'receives-service',
          name: 'Receives the service',
          action: 'Talks the request through with the assigned agent',
          touchpoints: [['phone', 'Call with the assigned agent']],
          backstage: ['Agent prepares the case file'],
          support: ['CRM shows the customer history'],
          momentOfTruth: true,
        },
      ],
    },
    {
      id: 'follow-up',
      name: 'Follow-up',
      goal: 'The customer confirms the result and rates the service',
      steps: [
        {
          id: 'confirms-result',
          name: 'Confirms the result',
          action: 'Reads the summary and rates the service',
          touchpoints: [['email', 'Summary and survey']],
          backstage: ['Agent closes the case'],
          support: ['Survey tool sends the CSAT survey'],
          next: [],
        },
      ],
    },
  ],
};

export const TEMPLATES: Readonly<Record<string, JourneyTemplate>> = {
  lifecycle,
  aida,
  'mckinsey-loop': mckinseyLoop,
  onboarding,
  'service-blueprint': serviceBlueprint,
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES);
