import { kpiFeed } from '../data/match.js';
import { defineRule } from '../lint/rule.js';
import { forEachKpi } from '../model/kpis.js';

export default defineRule({
  id: 'kpi-thin-sample',
  description: 'A KPI whose latest aggregated value rests on fewer than `minResponses` answers (default 30).',
  defaultSeverity: 'warn',
  options: {
    defaults: { minResponses: 30 },
    schema: (z) => z.object({ minResponses: z.number().int().positive().describe('Fewest answers behind an aggregated value.') }),
  },
  check(journey, { report, options }) {
    forEachKpi(journey, (kpi, path, owner) => {
      const latest = kpiFeed(kpi)?.points.at(-1);
      if (latest?.responses === undefined || latest.responses >= options.minResponses) return;
      report({
        path,
        message:
          `KPI \`${kpi.metric}\` of ${owner} is ${kpi.actual} from only ${latest.responses} ${latest.responses === 1 ? 'answer' : 'answers'} in ${latest.period}, ` +
          `fewer than ${options.minResponses}: too few to act on; count over a longer period (period: quarter) or collect more answers`,
      });
    });
  },
});
