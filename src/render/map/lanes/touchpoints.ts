import { stepChannels } from '../../../model/channels.js';
import type { Touchpoint } from '../../../schema/journey.js';
import { textBlock, type Block } from '../cells.js';
import { channelIcon, handoffArrow, warning } from '../icons.js';
import { BUDGET, FONT, MEASURES } from '../measures.js';
import type { Mark } from '../scene.js';
import type { CellLane, ColumnContext } from './lane.js';

const ICON = 14;
const PILL_PADDING = 6;

/**
 * Touchpoints as pills: the channel's type by icon (screen, storefront,
 * person), its name, and the team that runs it. When the customer changes
 * channel from the step before, the cell opens with the handoff that carries
 * the context across, or a warning that nothing does.
 */
export function touchpointsLane(options: { descriptions: boolean; id?: string; title?: string }): CellLane {
  return {
    kind: 'cells',
    id: options.id ?? 'touchpoints',
    title: options.title ?? 'Touchpoints',
    hasContent: (step) => (step.touchpoints?.length ?? 0) > 0,
    cell(column, x, y, width) {
      const marks: Mark[] = [];
      let cursor = y;
      const change = channelChange(column);
      if (change) {
        const block = handoffNote(change, x, cursor, width);
        marks.push(...block.marks);
        cursor += block.height + MEASURES.spacing;
      }
      const touchpoints = column.step.touchpoints ?? [];
      const shown = touchpoints.length > BUDGET.touchpoints ? BUDGET.touchpoints - 1 : touchpoints.length;
      for (const touchpoint of touchpoints.slice(0, shown)) {
        const pill = touchpointPill(touchpoint, column, x, cursor, width, options.descriptions);
        marks.push(...pill.marks);
        cursor += pill.height + MEASURES.spacing;
      }
      const hidden = touchpoints.slice(shown);
      if (hidden.length > 0) {
        const more = textBlock(`+${hidden.length} more`, { x, y: cursor, width, size: FONT.small, maxLines: 1, style: 'muted' });
        marks.push({ kind: 'group', name: 'touchpoints:more', title: hidden.map((touchpoint) => describe(touchpoint, column)).join('\n'), marks: more.marks });
        cursor += more.height + MEASURES.spacing;
      }
      return { marks, height: Math.max(0, cursor - y - MEASURES.spacing) };
    },
  };
}

function channelName(id: string | undefined, column: ColumnContext): string {
  if (id === undefined) return 'No channel';
  return column.catalog.channels.get(id)?.name ?? id;
}

function describe(touchpoint: Touchpoint, column: ColumnContext): string {
  const parts = [channelName(touchpoint.channel, column)];
  if (touchpoint.description) parts.push(touchpoint.description);
  if (touchpoint.owner) parts.push(`run by ${touchpoint.owner}`);
  return parts.join(' · ');
}

function touchpointPill(touchpoint: Touchpoint, column: ColumnContext, x: number, y: number, width: number, withDescription: boolean): Block {
  const type = touchpoint.channel ? column.catalog.channels.get(touchpoint.channel)?.type : undefined;
  const textX = x + PILL_PADDING + ICON + 6;
  const textWidth = x + width - PILL_PADDING - textX;
  const inner: Mark[] = [];
  let cursor = y + PILL_PADDING;
  const name = textBlock(channelName(touchpoint.channel, column), { x: textX, y: cursor, width: textWidth, size: FONT.cell, weight: 'bold', maxLines: 2 });
  inner.push(...name.marks);
  cursor += name.height;
  if (withDescription && touchpoint.description) {
    const description = textBlock(touchpoint.description, { x: textX, y: cursor, width: textWidth, size: FONT.small, maxLines: 3 });
    inner.push(...description.marks);
    cursor += description.height;
  }
  if (touchpoint.owner) {
    const owner = textBlock(touchpoint.owner, { x: textX, y: cursor, width: textWidth, size: FONT.small, maxLines: 1, style: 'muted' });
    inner.push(...owner.marks);
    cursor += owner.height;
  }
  const height = Math.max(cursor - y, ICON) + PILL_PADDING;
  const marks: Mark[] = [
    { kind: 'rect', x, y, width, height, radius: 9, style: 'pill', ...(touchpoint.channel ? {} : { dash: '3 2' }) },
    ...channelIcon(type, x + PILL_PADDING, y + PILL_PADDING, ICON),
    ...inner,
  ];
  return { marks: [{ kind: 'group', name: `touchpoint:${touchpoint.channel ?? 'none'}`, title: describe(touchpoint, column), marks }], height };
}

interface ChannelChange {
  handoff?: string;
}

/** A change of channel from the step drawn before, when both have channels and share none. */
function channelChange(column: ColumnContext): ChannelChange | undefined {
  if (!column.previous) return undefined;
  const before = stepChannels(column.previous);
  const now = stepChannels(column.step);
  if (before.length === 0 || now.length === 0 || now.some((channel) => before.includes(channel))) return undefined;
  return { handoff: column.step.handoff?.trim() || undefined };
}

function handoffNote(change: ChannelChange, x: number, y: number, width: number): Block {
  const icon = 12;
  const textX = x + icon + 5;
  const text = change.handoff ?? 'channel change, no handoff';
  const block = textBlock(text, { x: textX, y, width: x + width - textX, size: FONT.small, maxLines: 2, style: 'muted', name: 'handoff' });
  const iconMarks = change.handoff ? [handoffArrow(x, y + 1.5, icon)] : warning(x, y + 1, icon);
  return { marks: [{ kind: 'group', name: change.handoff ? 'handoff' : 'handoff:missing', marks: [...iconMarks, ...block.marks] }], height: Math.max(block.height, icon) };
}
