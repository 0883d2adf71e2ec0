/**
 * DIR/index.md: every journey in one table, then who owns what across
 * journeys and which channels each journey uses, and the files left out.
 */
import type { Finding } from '../findings.js';
import { averageEmotion, channelUse, reviewAgeDays } from './analysis.js';
import { formatEmotion, formatNumber, formatReview, plural } from './numbers.js';
import type { ReportJourney } from './journey-page.js';
import { cellText, codeSpan, escapeInline, foldText, table } from '../markdown/escape.js';

/** A file that got no page: invalid (validation errors) or unreadable. */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface IndexPageOptions {
  now: Date;
  skipped?: readonly SkippedFile[];
  /** Title of the index page. */
  title?: string;
  /** Show each journey's overview picture (written beside the index as <id>.overview.svg). */
  overviews?: boolean;
}

/**
 * The page file of a journey, relative to the index; ids are slugs, so the name
 * needs no escaping. Every other file of the report is `<id>.<something>`, and ids
 * hold no dot, so only `index` could collide: with index.md itself, which would
 * replace its page. That journey's page is index.journey.md.
 */
export function pageFileName(journeyId: string): string {
  return journeyId === 'index' ? 'index.journey.md' : `${journeyId}.md`;
}

export function renderIndexPage(journeys: readonly ReportJourney[], options: IndexPageOptions): string {
  const sections = [
    `# ${escapeInline(options.title ?? 'Customer journeys')}`,
    summaryLine(journeys, options.now),
    journeyTable(journeys, options.now),
    options.overviews ? overviews(journeys) : '',
    owners(journeys),
    channels(journeys),
    skipped(options.skipped ?? []),
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/** Each journey's stages and emotion curve in a small picture (DIR/<id>.overview.svg), linking to its page. */
function overviews(journeys: readonly ReportJourney[]): string {
  if (journeys.length === 0) return '';
  const blocks = journeys.map((item) => `### ${link(item)}\n\n![Stages and emotion of ${cellText(item.journey.title, item.journey.id)}](${item.journey.id}.overview.svg)`);
  return ['## At a glance', ...blocks].join('\n\n');
}

function summaryLine(journeys: readonly ReportJourney[], now: Date): string {
  const stages = journeys.reduce((sum, item) => sum + item.journey.stages.length, 0);
  return `${plural(journeys.length, 'journey')} with ${plural(stages, 'stage')}. Review ages as of ${now.toISOString().slice(0, 10)}.`;
}

function link(item: ReportJourney): string {
  return `[${cellText(item.journey.title, item.journey.id)}](${pageFileName(item.journey.id)})`;
}

/** The short form for cross-journey tables, where full titles would make rows several lines long. */
function idLink(item: ReportJourney): string {
  return `[${codeSpan(item.journey.id)}](${pageFileName(item.journey.id)})`;
}

function journeyTable(journeys: readonly ReportJourney[], now: Date): string {
  if (journeys.length === 0) return 'No journey to report.';
  const rows = journeys.map((item) => {
    const { journey } = item;
    return [
      link(item),
      cellText(journey.owner, 'nobody'),
      journey.state === 'current' ? 'as-is' : 'to-be',
      formatReview(journey.reviewed, reviewAgeDays(journey.reviewed, now)),
      formatNumber(journey.stages.length),
      formatEmotion(averageEmotion(journey)),
      formatNumber(count(item.findings, 'error')),
      formatNumber(count(item.findings, 'warn')),
    ];
  });
  return table(['Journey', 'Owner', 'State', 'Last review', 'Stages', 'Avg. emotion', 'Errors', 'Warnings'], rows, [
    'left',
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'right',
  ]);
}

function count(findings: readonly Finding[], severity: Finding['severity']): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

/**
 * Team -> journeys -> what it owns there (the whole map and/or stages), teams
 * in alphabetical order. Owner strings are compared as shown (folded), so
 * "claims-cx" and "claims-cx " are one team.
 */
function ownership(journeys: readonly ReportJourney[]): Map<string, Map<ReportJourney, { map: boolean; stages: string[] }>> {
  const teams = new Map<string, Map<ReportJourney, { map: boolean; stages: string[] }>>();
  const entry = (owner: string, item: ReportJourney): { map: boolean; stages: string[] } => {
    const team = foldText(owner);
    let byJourney = teams.get(team);
    if (!byJourney) teams.set(team, (byJourney = new Map()));
    let owned = byJourney.get(item);
    if (!owned) byJourney.set(item, (owned = { map: false, stages: [] }));
    return owned;
  };
  for (const item of journeys) {
    if (item.journey.owner && foldText(item.journey.owner)) entry(item.journey.owner, item).map = true;
    for (const stage of item.journey.stages) if (stage.owner && foldText(stage.owner)) entry(stage.owner, item).stages.push(stage.name);
  }
  return new Map([...teams].sort(([a], [b]) => a.localeCompare(b, 'en')));
}

function owners(journeys: readonly ReportJourney[]): string {
  const teams = ownership(journeys);
  const lines = ['## Owners', '', 'Which team owns which map and which stages, across journeys.', ''];
  if (teams.size === 0) return [...lines, 'No journey or stage names an owner.'].join('\n');
  const rows = [...teams].map(([team, byJourney]) => [
    `**${cellText(team)}**`,
    [...byJourney]
      .map(([item, owned]) => {
        const what = [...(owned.map ? ['whole map'] : []), ...owned.stages.map((name) => cellText(name))];
        return `${idLink(item)}: ${what.join(', ')}`;
      })
      .join(' • '),
  ]);
  const unowned = journeys.flatMap((item) => item.journey.stages.filter((stage) => !stage.owner?.trim()).map((stage) => ({ item, stage })));
  if (unowned.length > 0) rows.push(['*nobody*', unowned.map(({ item, stage }) => `${idLink(item)}: ${cellText(stage.name, stage.id)}`).join(' • ')]);
  return [...lines, table(['Team', 'Owns'], rows)].join('\n');
}

function channels(journeys: readonly ReportJourney[]): string {
  const byChannel = new Map<string, { name: string; type?: string; uses: { item: ReportJourney; steps: number }[] }>();
  for (const item of journeys) {
    for (const [id, steps] of channelUse(item.journey)) {
      let channel = byChannel.get(id);
      if (!channel) {
        const definition = item.catalog.channels.get(id);
        byChannel.set(id, (channel = { name: definition?.name ?? id, type: definition?.type, uses: [] }));
      }
      channel.uses.push({ item, steps });
    }
  }
  const lines = ['## Channels', '', 'Which channels each journey uses, in steps; the channels most journeys share first.', ''];
  if (byChannel.size === 0) return [...lines, 'No step names a channel.'].join('\n');
  const sorted = [...byChannel].sort(([a, x], [b, y]) => y.uses.length - x.uses.length || a.localeCompare(b, 'en'));
  const rows = sorted.map(([id, channel]) => [
    `${cellText(channel.name, id)} ${codeSpan(id)}`,
    channel.type ?? '—',
    channel.uses.map(({ item, steps }) => `${idLink(item)} (${formatNumber(steps)})`).join(', '),
  ]);
  return [...lines, table(['Channel', 'Type', 'Journeys (steps)'], rows)].join('\n');
}

function skipped(files: readonly SkippedFile[]): string {
  if (files.length === 0) return '';
  return ['## Files without a page', '', ...files.map((file) => `- ${codeSpan(file.file)}: ${escapeInline(file.reason)}`)].join('\n');
}
