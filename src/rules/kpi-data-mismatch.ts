import { kpiFeed, sourceText } from '../data/match.js';
import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-data-mismatch',
  description: "A KPI whose `actual` in the journey file differs from its data source's latest value.",
  defaultSeverity: 'warn',
  check(journey, { report }) {
    forEachKpi(journey, (kpi, path, owner) => {
      const feed = kpiFeed(kpi);
      const written = feed?.written.actual;
      if (!feed || written === undefined || written === kpi.actual) return;
      report({
        path: [...path, 'actual'],
        message:
          `KPI \`${kpi.metric}\` of ${owner} says actual ${written}, its data says ${kpi.actual} (${sourceText(feed.series, feed.points.at(-1)!)}): ` +
          'outputs show the data; run `cjm data sync` to write it into the journey',
      });
    });
  },
});
