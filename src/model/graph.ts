import type { Journey } from '../schema/journey.js';
import { listSteps, successorsOf, type StepRef } from './walk.js';

/**
 * The journey as a directed graph of steps, by index in file order. Edges follow
 * `successorsOf` (explicit `next`, or the following step in file order).
 * Targets that name no step are dropped: validation reports them, and the graph
 * must stay usable for the rest of the file. With duplicate ids, the first step wins.
 */
interface FlowGraph {
  steps: StepRef[];
  /** successors[i]: indexes of the steps step i leads to, without duplicates. */
  successors: number[][];
  indexById: ReadonlyMap<string, number>;
}

export function flowGraph(journey: Journey): FlowGraph {
  const steps = listSteps(journey);
  const indexById = new Map<string, number>();
  steps.forEach((ref, index) => {
    if (!indexById.has(ref.step.id)) indexById.set(ref.step.id, index);
  });
  const successors = steps.map((_, index) => {
    const targets = new Set<number>();
    for (const id of successorsOf(steps, index)) {
      const target = indexById.get(id);
      if (target !== undefined) targets.add(target);
    }
    return [...targets];
  });
  return { steps, successors, indexById };
}

/**
 * Which steps a customer can reach from `start` (default: the first step).
 * Iterative breadth-first search: journeys with loops (the McKinsey loyalty
 * loop) terminate, and 10,000-step journeys do not overflow the call stack.
 */
export function reachableSteps(graph: FlowGraph, start = 0): boolean[] {
  const reached = new Array<boolean>(graph.steps.length).fill(false);
  if (start < 0 || start >= graph.steps.length) return reached;
  const queue = [start];
  reached[start] = true;
  for (let head = 0; head < queue.length; head++) {
    for (const next of graph.successors[queue[head]]) {
      if (!reached[next]) {
        reached[next] = true;
        queue.push(next);
      }
    }
  }
  return reached;
}

/**
 * Whether the edge from step `from` to step `to` (indexes in file order) loops
 * back: to the same step or one written before it. Journeys are written in the
 * order customers go through them (the default `next` is the following step),
 * so such an edge returns the customer to a part of the journey they have seen
 * (a retry, the loyalty loop) rather than moving them on. The flow diagram
 * draws these dotted; channel-handoff asks for no handoff on them.
 */
export function isLoopBack(from: number, to: number): boolean {
  return to <= from;
}

/** predecessors[i]: indexes of the steps that lead to step i, in file order. */
export function predecessorsOf(graph: FlowGraph): number[][] {
  const predecessors = graph.steps.map((): number[] => []);
  graph.successors.forEach((targets, from) => {
    for (const to of targets) predecessors[to].push(from);
  });
  return predecessors;
}
