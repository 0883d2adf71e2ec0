import { kpiFeed } from '../data/match.js';
import { daysSince } from '../data/periods.js';
import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-stale',
  description: 'A KPI measured longer ago than `maxAgeDays` (default 90).',
  defaultSeverity: 'warn',
  readsToday: true,
  options: {
    defaults: { maxAgeDays: 90 },
    schema: (z) => z.object({ maxAgeDays: z.number().int().positive().describe('Days after `measured` from which a KPI is stale.') }),
  },
  check(journey, { report, options, now }) {
    forEachKpi(journey, (kpi, path, owner) => {
      if (!kpi.measured) return;
      const age = daysSince(kpi.measured, now);
      if (age <= options.maxAgeDays) return;
      const feed = kpiFeed(kpi);
      const fix = feed
        ? `its newest data in ${feed.series.file} is from ${kpi.measured}: refresh the export`
        : 'measure it again and update `actual` and `measured` (or feed it from a data source: docs/data.md)';
      report({
        path: feed && feed.written.measured === undefined ? path : [...path, 'measured'],
        message: `KPI \`${kpi.metric}\` of ${owner} was measured ${age} days ago (${kpi.measured}), more than the ${options.maxAgeDays} allowed: ${fix}`,
      });
    });
  },
});
