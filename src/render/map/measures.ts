/**
 * The map's measures at scale 1, in px. One column width for every step, so
 * maps of one journey at different times line up when compared; a longer
 * journey is simply wider.
 */
export const MEASURES = {
  margin: 24,
  /** The left gutter holding each lane's name, so a cropped screenshot still says what a row is. */
  gutter: 132,
  column: 190,
  gap: 8,
  padding: 8,
  /** Space between lanes and between blocks inside a cell. */
  spacing: 6,
  emotionHeight: 140,
  /** Smallest lane height: a lane with little text still reads as a row. */
  minLane: 30,
} as const;

export const FONT = {
  title: 20,
  stage: 14,
  step: 13,
  cell: 12,
  small: 11,
} as const;

/** How much of a cell's content is shown before "…" or "+N more"; the full text is in the tooltip. */
export const BUDGET = {
  stepNameLines: 3,
  stageNameLines: 2,
  textLines: 4,
  itemLines: 3,
  items: 4,
  touchpoints: 3,
  kpis: 3,
} as const;

/** Up to this many personas share one emotion band; more get a band each. */
export const OVERLAID_PERSONAS = 5;

export function columnX(index: number): number {
  return MEASURES.margin + MEASURES.gutter + index * (MEASURES.column + MEASURES.gap);
}

export function columnsWidth(count: number): number {
  return count === 0 ? MEASURES.column : count * MEASURES.column + (count - 1) * MEASURES.gap;
}
