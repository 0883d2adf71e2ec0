import type { DiagramKind } from './diagrams.js';

/**
 * What render and report share when they write files named by journey id
 * (`<id>.<kind>.svg`, `<id>.md`): the one failure type, and the rule that two
 * journeys with one id must not overwrite each other's files.
 */

/** A diagram that could not be drawn (Mermaid refused it); the batch goes on. */
export interface DiagramFailure {
  file: string;
  journeyId: string;
  kind: DiagramKind;
  message: string;
}

/** A journey left out because an earlier one has its id, and so its file names. */
export interface SkippedJourney {
  file: string;
  journeyId: string;
  /** The file of the journey written under that id. */
  sameIdAs: string;
}

/** The first journey of each id, in order, and the later ones with an id already taken. */
export function firstOfEachId<T extends { file: string; journey: { id: string } }>(items: readonly T[]): { unique: T[]; skipped: SkippedJourney[] } {
  const firstFile = new Map<string, string>();
  const unique: T[] = [];
  const skipped: SkippedJourney[] = [];
  for (const item of items) {
    const first = firstFile.get(item.journey.id);
    if (first === undefined) {
      firstFile.set(item.journey.id, item.file);
      unique.push(item);
    } else {
      skipped.push({ file: item.file, journeyId: item.journey.id, sameIdAs: first });
    }
  }
  return { unique, skipped };
}
