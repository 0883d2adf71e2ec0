/**
 * The markdown page of one journey: summary first (facts, at a glance, where
 * it hurts), then the diagrams, personas, stage by stage detail, the channel
 * by stage matrix and the lint findings. cjm emits no HTML: every user string
 * goes through markdown/escape.
 */
import type { Finding } from '../findings.js';
import type { Journey, Persona, Stage, Step } from '../schema/journey.js';
import type { ResolvedCatalog } from '../load/catalog.js';
import { ENGINE_CODES, VALIDATION_CODES } from '../lint/validation-codes.js';
import { ruleDocsUrl } from '../lint/metadata.js';
import { stepChannels } from '../model/channels.js';
import { DROPOFF_HOTSPOT } from '../model/dropoff.js';
import type { DiagramKind } from '../render/index.js';
import {
  averageEmotion,
  channelStageMatrix,
  journeyKpis,
  lowestEmotions,
  painOf,
  rankDropoffHotspots,
  rankKpisOffTarget,
  rankPains,
  reviewAgeDays,
  stepPlaces,
  type KpiPlace,
  type StepPlace,
} from './analysis.js';
import { directionWord, formatEmotion, formatGap, formatKpiStatus, formatNumber, formatReview, formatShare, formatValue, plural, stateLabel } from './numbers.js';
import { cellText, codeSpan, escapeBlock, escapeInline, fencedBlock, markdownLink, table } from '../markdown/escape.js';
import { stepEmotion } from '../model/emotions.js';
import { changeLabel, kpiTrend, sparkline } from '../data/trend.js';

export interface ReportJourney {
  /** The journey file as shown to the user. */
  file: string;
  journey: Journey;
  /** The catalogue as seen from this journey: persona, channel and metric names, metric directions. */
  catalog: ResolvedCatalog;
  /** Lint findings of this file (validation and rules). */
  findings: readonly Finding[];
  /** The dropoff-hotspot rule's threshold for this file, in %. Default: DROPOFF_HOTSPOT. */
  dropoffHotspot?: number;
}

/** One picture of the journey map beside the page, with a caption when the map is split by stages. */
export interface PageMap {
  image: string;
  caption: string;
}

function mapImages(journey: Journey, parts: readonly PageMap[]): string {
  const alt = `Journey map of ${cellText(journey.title, journey.id)}`;
  return parts.map((part) => (part.caption ? `**${escapeInline(part.caption)}**\n\n![${alt}, ${escapeInline(part.caption)}](${part.image})` : `![${alt}](${part.image})`)).join('\n\n');
}

/** A diagram as the page shows it: Mermaid source in a fence, an image file beside the page, or why it is missing. */
export type PageDiagram = { kind: DiagramKind; caption: string } & ({ mermaid: string } | { image: string } | { failed: string });

export interface JourneyPageOptions {
  /** "Today", for the review age. */
  now: Date;
  /** The journey map's image files beside the page (several for a long journey): the page opens with them. */
  map?: readonly PageMap[];
  /** The diagrams, in order; none (images: none) leaves the section out. */
  diagrams?: readonly PageDiagram[];
}

/** How many entries each "where it hurts" list shows before saying how many more there are. */
const RANKING_LIMIT = 5;

export function renderJourneyPage(input: ReportJourney, options: JourneyPageOptions): string {
  const sections = [
    header(input, options.now),
    mapImages(input.journey, options.map ?? []),
    atAGlance(input),
    description(input.journey),
    whereItHurts(input),
    diagrams(input.journey, options.diagrams ?? []),
    personas(input),
    stages(input),
    channelMatrix(input),
    findings(input),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

// ---- summary ----

function header({ file, journey }: ReportJourney, now: Date): string {
  const facts = [
    `**Owner:** ${cellText(journey.owner, 'nobody')}`,
    `**State:** ${stateLabel(journey.state)}`,
    `**Last review:** ${formatReview(journey.reviewed, reviewAgeDays(journey.reviewed, now))}`,
  ];
  const lines = [`# ${cellText(journey.title, journey.id)}`, '', facts.join(' · ')];
  if (journey.tags?.length) lines.push('', `**Tags:** ${journey.tags.map(escapeInline).join(', ')}`);
  lines.push('', `Source: ${codeSpan(file)} · id ${codeSpan(journey.id)}`);
  return lines.join('\n');
}

function atAGlance({ journey, catalog, findings: list }: ReportJourney): string {
  const places = stepPlaces(journey);
  const kpis = journeyKpis(journey, catalog);
  const measured = kpis.filter((kpi) => kpi.status.state === 'on-target' || kpi.status.state === 'off-target');
  const onTarget = measured.filter((kpi) => kpi.status.state === 'on-target').length;
  const highPains = rankPains(journey).filter((pain) => pain.severity === 'high').length;
  const momentsOfTruth = places.filter((place) => place.step.momentOfTruth).length;
  const header = ['Stages', 'Steps', 'Average emotion', 'Moments of truth', 'High pains', 'KPIs on target', 'Lint'];
  const row = [
    formatNumber(journey.stages.length),
    formatNumber(places.length),
    formatEmotion(averageEmotion(journey)),
    formatNumber(momentsOfTruth),
    formatNumber(highPains),
    measured.length === 0 ? 'none measured' : `${formatNumber(onTarget)} of ${formatNumber(measured.length)}`,
    lintCounts(list),
  ];
  return ['## At a glance', '', table(header, [row])].join('\n');
}

function lintCounts(list: readonly Finding[]): string {
  const count = (severity: Finding['severity']): number => list.filter((finding) => finding.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warn'), 'warning')];
  if (count('info') > 0) parts.push(plural(count('info'), 'info'));
  return parts.join(', ');
}

function description(journey: Journey): string {
  const parts: string[] = [];
  if (journey.description?.trim()) parts.push(escapeBlock(journey.description));
  if (journey.links?.length) parts.push(['**Links:**', '', ...journey.links.map((link) => `- ${markdownLink(link.title, link.url)}`)].join('\n'));
  return parts.join('\n\n');
}

// ---- where it hurts ----

function whereItHurts({ journey, catalog, dropoffHotspot = DROPOFF_HOTSPOT }: ReportJourney): string {
  const pains = rankPains(journey);
  const dropoffs = rankDropoffHotspots(journey, dropoffHotspot);
  const kpis = rankKpisOffTarget(journeyKpis(journey, catalog));
  const emotions = lowestEmotions(journey);
  const blocks = ['## Where it hurts'];
  blocks.push(ranked('Pains by severity', pains, (pain) => `${pain.severity ? `**${pain.severity}**` : 'unrated'}: ${cellText(pain.text)} — ${where(pain)}`, 'No pains recorded.'));
  blocks.push(
    ranked(
      `Drop-off hotspots (${formatNumber(dropoffHotspot)} % or more)`,
      dropoffs,
      (place) => `**${formatNumber(place.dropoff)} %** leave at ${where(place)}`,
      `No step loses ${formatNumber(dropoffHotspot)} % of customers or more.`,
    ),
  );
  blocks.push(ranked('KPIs furthest off target', kpis, kpiLine, 'No KPI is off target.'));
  blocks.push(
    ranked(
      'Lowest emotion points',
      emotions,
      (place) => `${formatEmotion(place.emotion)} ${where(place)}${place.step.feeling ? ` · feels ${cellText(place.step.feeling)}` : ''}${place.step.momentOfTruth ? ' · ★ moment of truth' : ''}`,
      'No step feels bad.',
    ),
  );
  return blocks.join('\n\n');
}

function ranked<T>(title: string, items: readonly T[], line: (item: T) => string, empty: string): string {
  const lines = [`### ${title}`, ''];
  if (items.length === 0) return [...lines, empty].join('\n');
  items.slice(0, RANKING_LIMIT).forEach((item, i) => lines.push(`${i + 1}. ${line(item)}`));
  if (items.length > RANKING_LIMIT) lines.push('', `…and ${formatNumber(items.length - RANKING_LIMIT)} more in the stage tables below.`);
  return lines.join('\n');
}

/** `*Opens a claim in the app* · Report the accident`. */
function where(place: Pick<StepPlace, 'stage' | 'step'>): string {
  return `*${cellText(place.step.name, place.step.id)}* · ${cellText(place.stage.name, place.stage.id)}`;
}

function kpiLine(place: KpiPlace): string {
  const { kpi, metric, status } = place;
  const at = place.step ? `step *${cellText(place.step.name, place.step.id)}*` : `stage *${cellText(place.stage.name, place.stage.id)}*`;
  return (
    `**${metricName(place)}** at ${at}: ${formatValue(kpi.actual!, metric)} against a target of ${formatValue(kpi.target!, metric)} ` +
    `(${directionWord(metric)}), ${formatGap(status.gap!, metric)} ${status.side}, ${formatShare(status.relativeGap!)} of its ${metric?.range ? 'range' : 'target'}`
  );
}

function metricName({ kpi, metric }: Pick<KpiPlace, 'kpi' | 'metric'>): string {
  return metric ? cellText(metric.name, kpi.metric) : escapeInline(kpi.metric);
}

// ---- diagrams ----

function diagrams(journey: Journey, list: readonly PageDiagram[]): string {
  if (list.length === 0) return '';
  const blocks = ['## Diagrams'];
  let lastKind: DiagramKind | undefined;
  for (const diagram of list) {
    if (diagram.kind !== lastKind) blocks.push(`### ${DIAGRAM_TITLES[diagram.kind]}`);
    lastKind = diagram.kind;
    if (diagram.caption) blocks.push(`**${diagram.caption}**`);
    if ('mermaid' in diagram) blocks.push(fencedBlock('mermaid', diagram.mermaid));
    else if ('image' in diagram) blocks.push(`![${DIAGRAM_TITLES[diagram.kind]} of ${cellText(journey.title, journey.id)}](${diagram.image})`);
    else blocks.push(`*The diagram could not be drawn: ${escapeInline(diagram.failed)}*`);
  }
  return blocks.join('\n\n');
}

const DIAGRAM_TITLES: Record<DiagramKind, string> = { map: 'Journey map', blueprint: 'Service blueprint', journey: 'Journey', emotion: 'Emotional curve', flow: 'Flow' };

// ---- personas ----

function personas({ journey, catalog }: ReportJourney): string {
  const used = personaIds(journey);
  const list: Persona[] = [...used].map((id) => catalog.personas.get(id) ?? { id, name: id });
  if (list.length === 0) return '';
  const rows = list.map((persona) => [
    `**${cellText(persona.name, persona.id)}**${persona.description?.trim() ? `: ${escapeInline(persona.description)}` : ''}${persona.quote?.trim() ? ` *“${escapeInline(persona.quote)}”*` : ''}`,
    cellText(persona.goals?.join('; ')),
    cellText(persona.needs?.join('; ')),
    cellText(persona.channels?.map((id) => channelName(id, catalog)).join(', ')),
  ]);
  return ['## Personas', '', table(['Persona', 'Goals', 'Needs', 'Channels'], rows)].join('\n');
}

/** The journey's own personas, then every persona a step names (they may come from the shared catalogue). */
function personaIds(journey: Journey): Set<string> {
  const ids = new Set((journey.personas ?? []).map((persona) => persona.id));
  for (const place of stepPlaces(journey)) for (const id of place.step.personas ?? []) ids.add(id);
  return ids;
}

function channelName(id: string, catalog: ResolvedCatalog): string {
  return cellText(catalog.channels.get(id)?.name, id);
}

// ---- stages ----

function stages(input: ReportJourney): string {
  const kpis = journeyKpis(input.journey, input.catalog);
  const blocks = ['## Stages'];
  input.journey.stages.forEach((stage, i) => blocks.push(stageSection(stage, i, kpis.filter((place) => place.stage === stage), input.catalog)));
  return blocks.join('\n\n');
}

function stageSection(stage: Stage, index: number, kpis: readonly KpiPlace[], catalog: ResolvedCatalog): string {
  const blocks = [`### ${index + 1}. ${cellText(stage.name, stage.id)}`];
  blocks.push([`**Owner:** ${cellText(stage.owner, 'nobody')}`, `**Goal:** ${cellText(stage.goal, 'none stated')}`].join(' · '));
  if (stage.description?.trim()) blocks.push(escapeBlock(stage.description));
  if (stage.links?.length) blocks.push(`**Links:** ${stage.links.map((link) => markdownLink(link.title, link.url)).join(', ')}`);
  if (kpis.length > 0) blocks.push(`**KPIs**\n\n${kpiTable(kpis)}`);
  const steps = stage.steps ?? [];
  blocks.push(steps.length > 0 ? `**Steps**\n\n${stepTable(steps, catalog)}` : '*No steps yet.*');
  return blocks.join('\n\n');
}

function kpiTable(kpis: readonly KpiPlace[]): string {
  // A trend column only where KPI data gives one: pages of journeys without data stay as they were.
  const trends = kpis.map((place) => kpiTrend(place.kpi));
  const withTrend = trends.some((trend) => trend !== undefined);
  const rows = kpis.map((place, i) => {
    const { kpi, metric } = place;
    const arrow = metric ? (metric.direction === 'up' ? ' ↑' : ' ↓') : '';
    const source = [kpi.source?.trim() ? escapeInline(kpi.source) : '', kpi.measured ?? ''].filter(Boolean).join(', ');
    return [
      `${metricName(place)}${arrow}`,
      place.step ? `step *${cellText(place.step.name, place.step.id)}*` : 'stage',
      kpi.target === undefined ? '—' : formatValue(kpi.target, metric),
      kpi.actual === undefined ? '—' : formatValue(kpi.actual, metric),
      formatKpiStatus(place.status, metric),
      ...(withTrend ? [trendCell(trends[i], metric)] : []),
      source || '—',
    ];
  });
  if (!withTrend) return table(['KPI', 'Measured at', 'Target', 'Actual', 'Status', 'Source'], rows, ['left', 'left', 'right', 'right', 'left', 'left']);
  return table(['KPI', 'Measured at', 'Target', 'Actual', 'Status', 'Trend', 'Source'], rows, ['left', 'left', 'right', 'right', 'left', 'left', 'left']);
}

/** `▂▃▅▇ ▲ 2 (2026-05 to 2026-10)`: the last periods as a sparkline, the last change with an arrow. */
function trendCell(trend: ReturnType<typeof kpiTrend>, metric: KpiPlace['metric']): string {
  if (!trend) return '—';
  return `${sparkline(trend.values)} ${changeLabel(trend.change, (value) => formatValue(value, metric))} (${escapeInline(trend.periods[0])} to ${escapeInline(trend.periods.at(-1)!)})`;
}

function stepTable(steps: readonly Step[], catalog: ResolvedCatalog): string {
  const rows = steps.map((step) => [stepCell(step), channelsCell(step, catalog), emotionCell(step), painsCell(step), cellText(step.opportunities?.join('; ')), step.evidence ?? '—']);
  return table(['Step', 'Channels', 'Emotion', 'Pains', 'Opportunities', 'Evidence'], rows);
}

function stepCell(step: Step): string {
  const parts = [`**${cellText(step.name, step.id)}**`];
  if (step.momentOfTruth) parts.push('★ moment of truth');
  if (step.dropoff !== undefined && step.dropoff > 0) parts.push(`${formatNumber(step.dropoff)} % drop off`);
  const head = parts.join(' · ');
  return step.action?.trim() ? `${head}: ${escapeInline(step.action)}` : head;
}

function channelsCell(step: Step, catalog: ResolvedCatalog): string {
  const ids = stepChannels(step);
  return ids.length === 0 ? '—' : ids.map((id) => channelName(id, catalog)).join(', ');
}

function emotionCell(step: Step): string {
  const emotion = formatEmotion(stepEmotion(step));
  return step.feeling?.trim() ? `${emotion} ${escapeInline(step.feeling)}` : emotion;
}

function painsCell(step: Step): string {
  const pains = (step.pains ?? []).map(painOf);
  if (pains.length === 0) return '—';
  return pains.map((pain) => `${pain.severity ? `**${pain.severity}:** ` : ''}${cellText(pain.text)}`).join(' • ');
}

// ---- channels by stage ----

function channelMatrix({ journey, catalog }: ReportJourney): string {
  const matrix = channelStageMatrix(journey);
  if (matrix.channels.length === 0) return '';
  const header = ['Channel', ...matrix.stages.map((stage, i) => `${i + 1}. ${cellText(stage.name, stage.id)}`)];
  const rows = matrix.channels.map((channel, c) => [
    `${channelName(channel, catalog)}${catalog.channels.get(channel)?.type ? ` (${catalog.channels.get(channel)!.type})` : ''}`,
    ...matrix.counts[c].map((count) => (count === 0 ? '·' : `● ${formatNumber(count)}`)),
  ]);
  const align = header.map((_, i): 'left' | 'center' => (i === 0 ? 'left' : 'center'));
  return ['## Channels by stage', '', 'Steps per channel in each stage.', '', table(header, rows, align)].join('\n');
}

// ---- lint ----

function findings({ file, findings: list }: ReportJourney): string {
  const lines = ['## Lint findings', ''];
  if (list.length === 0) return [...lines, `No findings in ${codeSpan(file)}.`].join('\n');
  lines.push(`${lintCounts(list)} in ${codeSpan(file)}.`, '');
  const rows = list.map((finding) => [severityLabel(finding.severity), ruleCell(finding.ruleId), `${finding.line}:${finding.column}`, cellText(finding.message)]);
  lines.push(table(['Severity', 'Rule', 'Line', 'Message'], rows));
  return lines.join('\n');
}

function severityLabel(severity: Finding['severity']): string {
  return severity === 'error' ? '**error**' : severity === 'warn' ? 'warning' : 'info';
}

function ruleCell(ruleId: string): string {
  if (Object.hasOwn(VALIDATION_CODES, ruleId) || Object.hasOwn(ENGINE_CODES, ruleId) || !/^[a-z0-9-]+$/.test(ruleId)) return codeSpan(ruleId);
  return `[${codeSpan(ruleId)}](${ruleDocsUrl(ruleId)})`;
}
