import type { ResolvedCatalog } from '../../../load/catalog.js';
import type { Journey, Stage, Step } from '../../../schema/journey.js';
import type { Block } from '../cells.js';

/** What a lane may know about the column it draws. */
export interface ColumnContext {
  journey: Journey;
  catalog: ResolvedCatalog;
  step: Step;
  stage: Stage;
  /** The step drawn in the column before, if any (channel changes). */
  previous?: Step;
  /** Persona ids in the order their styles are assigned (personaOrder). */
  personas: readonly string[];
}

/** A row of the map with one cell per step, e.g. actions or pains. */
export interface CellLane {
  kind: 'cells';
  id: string;
  /** The lane's name in the left gutter. */
  title: string;
  /** Whether this step gives the lane anything to show; a lane with nothing anywhere is left out. */
  hasContent(step: Step): boolean;
  /** The cell's content laid out from (x, y) within `width`. */
  cell(column: ColumnContext, x: number, y: number, width: number): Block;
}
