import { defineRule } from '../lint/rule.js';
import { journeyLabel } from '../model/labels.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineRule({
  id: 'stale-review',
  description: 'No `reviewed` date, or one older than `maxAgeDays` (default 180).',
  defaultSeverity: 'warn',
  readsToday: true,
  options: {
    defaults: { maxAgeDays: 180 },
    schema: (z) => z.object({ maxAgeDays: z.number().int().positive().describe('Days after which a review is stale.') }),
  },
  check(journey, { report, options, now }) {
    if (!journey.reviewed) {
      report({
        path: ['id'],
        message:
          `${journeyLabel(journey)} has no \`reviewed\` date: review the map against recent customer feedback and add \`reviewed: YYYY-MM-DD\``,
      });
      return;
    }
    const age = daysBetween(journey.reviewed, now);
    if (age <= options.maxAgeDays) return;
    report({
      path: ['reviewed'],
      message:
        `${journeyLabel(journey)} was last reviewed ${age} days ago (${journey.reviewed}), more than the ${options.maxAgeDays} allowed: ` +
        'review it against recent customer feedback and update `reviewed`',
    });
  },
});

/** Whole calendar days from a YYYY-MM-DD date to `now`, counted in UTC so the result does not depend on the machine's time zone. */
function daysBetween(date: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((today - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}
