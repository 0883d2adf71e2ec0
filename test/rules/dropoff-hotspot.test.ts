import rule from '../../src/rules/dropoff-hotspot.js';
import { testRule, yaml } from '../helpers/rule-tester.js';

const doc = yaml`
  cjm: 1
  id: shop
  title: Shop
  stages:
    - id: buy
      name: Buy
      steps:
        - { id: cart, name: Fills the cart, dropoff: 35 }
        - { id: pay, name: Pays, dropoff: 20 }
        - { id: confirm, name: Confirms, dropoff: 19.5 }
        - { id: ship, name: Chooses shipping, dropoff: 60, opportunities: [Show the delivery date first] }
        - { id: empty-list, name: Empty list, dropoff: 25, opportunities: [] }
`;

testRule(rule, [
  {
    name: 'reports dropoff at or above 20 without opportunities, at the dropoff',
    yaml: doc,
    findings: [
      { line: 8, column: 52, messageIncludes: ['Step "Fills the cart" (cart) loses 35% of customers (threshold 20%) and has no opportunity', 'add `opportunities:`'] },
      { line: 9, column: 41, messageIncludes: 'loses 20% of customers' },
      { line: 12, column: 54 },
    ],
  },
  {
    name: 'threshold option',
    yaml: doc,
    options: { threshold: 30 },
    findings: [{ line: 8, column: 52, messageIncludes: 'threshold 30%' }],
  },
  {
    name: 'threshold 0 flags every step with a dropoff and no opportunity',
    yaml: doc,
    options: { threshold: 0 },
    findings: [{ line: 8, column: 52 }, { line: 9, column: 41 }, { line: 10, column: 49 }, { line: 12, column: 54 }],
  },
]);
