/**
 * Checks of a laid-out scene, by its numbers: each returns the violations it
 * finds, as readable lines, so a failing test says where and by how much.
 */
import type { ResolvedCatalog } from '../../../src/load/catalog.js';
import { personaOrder } from '../../../src/model/emotions.js';
import { allMarks, type Box, type GroupMark, type Mark, type PathMark, type Scene, type TextMark } from '../../../src/render/map/scene.js';
import type { Journey, Step } from '../../../src/schema/journey.js';

/** Touching is fine: boxes may share up to this much of an edge (rounding in the writer is 0.005 px). */
const TOUCH_PX = 0.5;
/** Half the thickest stroke of the emotion band (the curves, 2.5 px): ink reaches this far past a path's outline. */
const HALF_STROKE_PX = 1.25;

const fmt = (value: number): string => String(Math.round(value * 100) / 100);
const box = (b: Box): string => `[x ${fmt(b.x)}..${fmt(b.x + b.width)}, y ${fmt(b.y)}..${fmt(b.y + b.height)}]`;
const short = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function textMarks(scene: Scene): TextMark[] {
  return [...allMarks(scene.marks)].filter((mark): mark is TextMark => mark.kind === 'text');
}

function inside(inner: Box, outer: Box, tolerance: number): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

function inflate(b: Box, by: number): Box {
  return { x: b.x - by, y: b.y - by, width: b.width + 2 * by, height: b.height + 2 * by };
}

/** (a) Every line of text lies inside its cell and inside the picture. */
export function textOutsideItsCell(scene: Scene): string[] {
  const page: Box = { x: 0, y: 0, width: scene.width, height: scene.height };
  const problems: string[] = [];
  for (const text of textMarks(scene)) {
    if (!inside(text.bounds, text.cell, TOUCH_PX)) problems.push(`${short(text.text)} ${box(text.bounds)} leaves its cell ${box(text.cell)}`);
    if (!inside(text.bounds, page, 0)) problems.push(`${short(text.text)} ${box(text.bounds)} leaves the picture ${fmt(scene.width)} x ${fmt(scene.height)}`);
  }
  return problems;
}

interface Labelled {
  box: Box;
  label: string;
}

/** Pairs of boxes that overlap by more than TOUCH_PX in both directions (a sweep along x, not n²). */
function overlappingPairs(items: readonly Labelled[], others: readonly Labelled[] = items): string[] {
  const same = items === others;
  const events = [...items.map((item) => ({ item, own: true })), ...(same ? [] : others.map((item) => ({ item, own: false })))].sort((a, b) => a.item.box.x - b.item.box.x);
  const active: { item: Labelled; own: boolean }[] = [];
  const problems: string[] = [];
  for (const event of events) {
    const left = event.item.box.x;
    for (let i = active.length - 1; i >= 0; i--) if (active[i].item.box.x + active[i].item.box.width - TOUCH_PX <= left) active.splice(i, 1);
    for (const other of active) {
      if (!same && other.own === event.own) continue;
      const a = other.item.box;
      const b = event.item.box;
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > TOUCH_PX && overlapY > TOUCH_PX) problems.push(`${other.item.label} ${box(a)} overlaps ${event.item.label} ${box(b)} by ${fmt(overlapX)} x ${fmt(overlapY)}`);
    }
    active.push(event);
  }
  return problems;
}

/** (b) No two lines of text overlap. */
export function overlappingTexts(scene: Scene): string[] {
  return overlappingPairs(textMarks(scene).map((text) => ({ box: text.bounds, label: short(text.text) })));
}

function findGroup(marks: readonly Mark[], name: string): GroupMark | undefined {
  for (const mark of marks) {
    if (mark.kind !== 'group') continue;
    if (mark.name === name) return mark;
    const found = findGroup(mark.marks, name);
    if (found) return found;
  }
  return undefined;
}

/** The groups of one emotion series each (a persona, or everyone), in persona order. */
function seriesGroups(scene: Scene): GroupMark[] {
  const lane = findGroup(scene.marks, 'lane:emotion');
  return lane ? lane.marks.filter((mark): mark is GroupMark => mark.kind === 'group' && (mark.name ?? '').startsWith('emotion:')) : [];
}

function paths(group: GroupMark): PathMark[] {
  return [...allMarks(group.marks)].filter((mark): mark is PathMark => mark.kind === 'path');
}

/** (c) Every curve and marker of the emotion band stays inside its band, ink included, and no marker covers a label. */
export function emotionOutsideItsBand(scene: Scene): string[] {
  const problems: string[] = [];
  const markers: Labelled[] = [];
  for (const group of seriesGroups(scene)) {
    for (const mark of paths(group)) {
      if (!mark.extent || !mark.cell) {
        problems.push(`${group.name}: a ${mark.style} path without extent or cell`);
        continue;
      }
      if (!inside(inflate(mark.extent, HALF_STROKE_PX), mark.cell, 0.01)) problems.push(`${group.name}: ${mark.style} ${box(inflate(mark.extent, HALF_STROKE_PX))} leaves its band ${box(mark.cell)}`);
      if (!mark.style.startsWith('persona-')) markers.push({ box: mark.extent, label: `${group.name} ${mark.style}` });
    }
  }
  const texts = textMarks(scene).map((text) => ({ box: text.bounds, label: short(text.text) }));
  return [...problems, ...overlappingPairs(markers, texts)];
}

type Expected = number | 'no-data' | 'skip';

/** What the journey says each series shows at each step, worked out from the format, not from the layout's helpers. */
function expectedSeries(journey: Journey, catalog: ResolvedCatalog): Expected[][] {
  const steps = journey.stages.flatMap((stage) => stage.steps ?? []);
  const personas = personaOrder(journey, catalog);
  if (personas.length === 0) return [steps.map((step) => (typeof step.emotion === 'number' ? step.emotion : 'no-data'))];
  return personas.map((id) =>
    steps.map((step: Step): Expected => {
      if (step.personas?.length && !step.personas.includes(id)) return 'skip';
      const score = typeof step.emotion === 'number' ? step.emotion : step.emotion?.[id];
      return score ?? 'no-data';
    }),
  );
}

/** Column centres, from each step's header box. */
function columnCentres(scene: Scene, journey: Journey): number[] {
  return journey.stages.flatMap((stage) => stage.steps ?? []).map((step) => {
    const head = findGroup(scene.marks, `step:${step.id}`)!.marks[0] as Box;
    return head.x + head.width / 2;
  });
}

const centreOf = (b: Box): { x: number; y: number } => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/**
 * (d) A persona who does not take a step has no point there, and its curve
 * has a gap; one who takes it without a score gets the hollow no-data marker
 * (never a value, never on the curve); a score is a marker on the curve, at
 * the height of its gridline.
 */
export function emotionNotAsTheJourneySays(scene: Scene, journey: Journey, catalog: ResolvedCatalog): string[] {
  const expected = expectedSeries(journey, catalog);
  const groups = seriesGroups(scene);
  if (groups.length !== expected.length) return [`${groups.length} emotion series drawn, ${expected.length} expected`];
  const centres = columnCentres(scene, journey);
  const lane = findGroup(scene.marks, 'lane:emotion')!;
  const problems: string[] = [];
  groups.forEach((group, series) => {
    const marks = paths(group);
    const curves = marks.filter((mark) => mark.style.startsWith('persona-')).map((mark) => mark.extent!);
    const markers = marks.filter((mark) => !mark.style.startsWith('persona-'));
    // The band's gridlines, top to bottom: +2, +1, 0, -1, -2 (each band of a persona past five has its own).
    const band = markers[0]?.cell;
    const grid = [...allMarks(lane.marks)]
      .filter((mark) => mark.kind === 'line' && (mark.style === 'grid' || mark.style === 'grid-zero') && band && mark.y1 >= band.y && mark.y1 <= band.y + band.height)
      .map((mark) => (mark as { y1: number }).y1)
      .sort((a, b) => a - b);
    if (markers.length > 0 && grid.length !== 5) problems.push(`${group.name}: ${grid.length} gridlines in its band, expected 5`);
    const nearestScore = (y: number): number => 2 - grid.reduce((best, line, index) => (Math.abs(line - y) < Math.abs(grid[best] - y) ? index : best), 0);
    const scoreY = new Map<number, number>();
    expected[series].forEach((value, column) => {
      const where = `${group.name}, step ${column + 1}`;
      const cx = centres[column];
      const here = markers.filter((mark) => Math.abs(centreOf(mark.extent!).x - cx) < 0.01);
      const onCurve = curves.some((curve) => curve.x <= cx + 0.01 && curve.x + curve.width >= cx - 0.01);
      if (value === 'skip') {
        if (here.length > 0) problems.push(`${where}: does not take the step but has a ${here[0].style} marker`);
        if (onCurve) problems.push(`${where}: does not take the step but the curve passes it (no gap)`);
        return;
      }
      if (here.length !== 1) return void problems.push(`${where}: ${here.length} markers, expected one`);
      if (value === 'no-data') {
        if (here[0].style !== 'no-data') problems.push(`${where}: no score but a ${here[0].style} marker`);
        if (onCurve) problems.push(`${where}: no score but the curve passes it`);
        if (nearestScore(centreOf(here[0].extent!).y) !== 0) problems.push(`${where}: the no-data marker is not on the zero line`);
        return;
      }
      if (!here[0].style.startsWith('marker-')) problems.push(`${where}: score ${value} drawn as ${here[0].style}`);
      const y = centreOf(here[0].extent!).y;
      if (nearestScore(y) !== value) problems.push(`${where}: score ${value} drawn nearest the ${nearestScore(y)} gridline`);
      const same = scoreY.get(value);
      if (same !== undefined && Math.abs(same - y) > 0.01) problems.push(`${where}: score ${value} at y ${fmt(y)}, elsewhere at ${fmt(same)}`);
      scoreY.set(value, y);
      const next = expected[series][column + 1];
      if (typeof next === 'number' && !curves.some((curve) => curve.x <= cx + 0.01 && curve.x + curve.width >= centres[column + 1] - 0.01)) {
        problems.push(`${where}: scores here and at the next step, but no curve joins them`);
      }
    });
    const heights = [...scoreY.entries()].sort((a, b) => b[0] - a[0]);
    for (let i = 1; i < heights.length; i++) {
      if (!(heights[i][1] > heights[i - 1][1])) problems.push(`${group.name}: score ${heights[i][0]} is not drawn below score ${heights[i - 1][0]}`);
    }
  });
  return problems;
}
