import { kpiFeed } from '../data/match.js';
import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-trend',
  description: "A KPI that moved the wrong way (against its metric's direction) `periods` periods in a row (default 3).",
  defaultSeverity: 'info',
  options: {
    defaults: { periods: 3 },
    schema: (z) => z.object({ periods: z.number().int().min(1).describe('How many changes in a row, each the wrong way, make a trend.') }),
  },
  check(journey, { report, options, catalog }) {
    forEachKpi(journey, (kpi, path, owner) => {
      const feed = kpiFeed(kpi);
      const direction = catalog.metrics.get(kpi.metric)?.direction;
      if (!feed || !direction || feed.points.length <= options.periods) return;
      const last = feed.points.slice(-(options.periods + 1));
      const worse = last.slice(1).every((point, i) => (direction === 'up' ? point.value < last[i].value : point.value > last[i].value));
      if (!worse) return;
      report({
        path: feed.written.actual === undefined ? path : [...path, 'actual'],
        message:
          `KPI \`${kpi.metric}\` of ${owner} moved the wrong way ${options.periods} periods in a row (${direction === 'up' ? 'higher' : 'lower'} is better): ` +
          `${last.map((point) => point.value).join(' → ')} from ${last[0].period} to ${last.at(-1)!.period}; look for what changed`,
      });
    });
  },
});
