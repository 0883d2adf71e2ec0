import rule from '../../src/rules/stale-review.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

const journey = (reviewed: string) => yaml`
  cjm: 1
  id: claim
  title: Motor claim
  ${reviewed}
  stages: [{ id: report, name: Report }]
`;

testRule(rule, [
  {
    name: 'reports a journey without `reviewed` at its id',
    yaml: journey('owner: claims-cx'),
    findings: [{ line: 2, column: 5, messageIncludes: ['Journey "Motor claim" (claim) has no `reviewed` date', 'add `reviewed: YYYY-MM-DD`'] }],
  },
  {
    name: 'reports a review older than 180 days at the date, with its age in days',
    yaml: journey('reviewed: 2026-05-01'),
    findings: [{ line: 4, column: 11, messageIncludes: ['was last reviewed 205 days ago (2026-05-01), more than the 180 allowed', 'update `reviewed`'] }],
  },
  {
    name: 'exactly 180 days is still fresh; 181 is stale',
    yaml: journey('reviewed: 2026-05-26'),
    findings: [],
  },
  {
    name: 'day 181',
    yaml: journey('reviewed: 2026-05-25'),
    findings: [{ line: 4, column: 11, messageIncludes: '181 days ago' }],
  },
  {
    name: 'maxAgeDays option',
    yaml: journey('reviewed: 2026-10-01'),
    options: { maxAgeDays: 30 },
    findings: [{ line: 4, column: 11, messageIncludes: '52 days ago (2026-10-01), more than the 30 allowed' }],
  },
  {
    name: '"today" comes from the context, and the time of day does not matter',
    yaml: journey('reviewed: 2026-10-01'),
    now: new Date('2027-04-01T23:59:00Z'),
    findings: [{ line: 4, column: 11, messageIncludes: '182 days ago' }],
  },
  {
    name: 'a review date in the future (a planned review) is not stale',
    yaml: journey('reviewed: 2027-01-15'),
    findings: [],
  },
]);
