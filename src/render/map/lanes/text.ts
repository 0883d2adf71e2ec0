import type { Step } from '../../../schema/journey.js';
import { textBlock } from '../cells.js';
import { BUDGET, FONT } from '../measures.js';
import type { CellLane } from './lane.js';

function textLane(id: string, title: string, text: (step: Step) => string | undefined, quote = false): CellLane {
  return {
    kind: 'cells',
    id,
    title,
    hasContent: (step) => (text(step)?.trim() ?? '') !== '',
    cell(column, x, y, width) {
      const value = text(column.step)?.trim() ?? '';
      if (value === '') return { marks: [], height: 0 };
      return textBlock(quote ? `“${value}”` : value, { x, y, width, size: FONT.cell, maxLines: BUDGET.textLines, name: id });
    },
  };
}

export const actionsLane = textLane('actions', 'Actions', (step) => step.action);
/** What the customer thinks or says, in quotes: their words, not ours. */
export const thinkingLane = textLane('thinking', 'Thinking', (step) => step.thinking, true);
export const customerActionsLane = textLane('customer-actions', 'Customer actions', (step) => step.action);
