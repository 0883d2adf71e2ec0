import { defineRule } from '../lint/rule.js';
import { journeyChannelTypes } from '../model/channels.js';
import { journeyLabel } from '../model/labels.js';

export default defineRule({
  id: 'digital-gap',
  description: 'A journey with no digital channel at all, or with no human or physical one.',
  defaultSeverity: 'info',
  check(journey, { report, catalog }) {
    const types = journeyChannelTypes(journey, catalog);
    // No known channel at all is step-channel's finding (or validation's), not a gap in the mix.
    if (types.size === 0) return;
    if (!types.has('digital')) {
      report({
        path: ['id'],
        message:
          `${journeyLabel(journey)} uses no digital channel: customers who want to do this online (web, app, email, chat...) cannot; ` +
          'consider a digital touchpoint, or map the digital alternative if one exists',
      });
    }
    if (!types.has('human') && !types.has('physical')) {
      report({
        path: ['id'],
        message:
          `${journeyLabel(journey)} uses only digital channels: a customer who gets stuck has no person or place to turn to; ` +
          'consider a human or physical touchpoint (phone, store, partner...), or map the fallback if one exists',
      });
    }
  },
});
