import { stringify } from 'yaml';
import { formatJourneyText } from '../fmt/format.js';
import { BUILTIN_CHANNELS, BUILTIN_METRICS } from '../schema/builtins.js';
import type { JourneyTemplate, TemplateStage, TemplateStep } from './templates.js';

interface JourneyTemplateOptions {
  id: string;
  title?: string;
  /** What the modeline points at: a path relative to the file, or a URL. */
  schema: string;
}

/** One persona every placeholder step refers to, so the map validates and lint has no unused persona. */
const PERSONA_ID = 'customer';

/**
 * Renders a template as a commented journey file in the canonical layout of
 * `cjm fmt`. Explanations sit above
 * the keys they explain, and optional keys appear as commented-out examples.
 */
export function renderJourneyTemplate(template: JourneyTemplate, options: JourneyTemplateOptions): string {
  const lines = [
    `# yaml-language-server: $schema=${options.schema}`,
    '#',
    ...wrapComment(`A starter journey from \`cjm init --template ${template.name}\`: ${template.summary}.`, ''),
    ...template.about.map((line) => `# ${line}`),
    '#',
    '# It passes `cjm validate` as it is. `cjm lint` then lists what is still missing,',
    '# and that list is your to-do list (rule ids in parentheses):',
    ...lintToDo(template).map((item) => `#   - ${item.text} (${item.ruleIds.join(', ')})`),
    '# `cjm fmt` keeps the layout tidy and keeps these comments; delete them when you like.',
    '# Format reference: "The journey format (v1)" in the README of cjm.',
    'cjm: 1 # format version marker, always 1',
    '# A slug (lowercase letters, digits, dashes); other journeys refer to it as a subjourney.',
    `id: ${options.id}`,
    `title: ${scalar(options.title ?? template.title)}`,
    'description: |',
    ...template.description.map((line) => `  ${line}`),
    '# current: the journey as it is today (as-is); future: as it should become (to-be).',
    'state: current',
    '# Who owns the map, and when it was last checked against real customers (YYYY-MM-DD):',
    '# owner: customer-experience',
    '# reviewed: 2026-01-31',
    `tags: [${template.name}]`,
    '# Evidence and media (also on stages and steps): research, recordings, dashboards.',
    '# links:',
    '#   - { title: Interview notes, url: https://example.com/research, type: document }',
    '# Who takes this journey; steps name the personas who take them.',
    'personas:',
    `  - id: ${PERSONA_ID}`,
    '    name: Our customer',
    '    description: Who they are and what they want, in a sentence or two',
    ...wrapComment(
      `Built-in channels (${BUILTIN_CHANNELS.map((channel) => channel.id).join(', ')}) and metrics (${BUILTIN_METRICS.map((metric) => metric.id).join(', ')}) need no declaration; declare your own here:`,
      '',
    ),
    '# channels:',
    '#   - { id: claims-portal, name: Claims web portal, type: digital }',
    '# metrics:',
    '#   - { id: photo-ok, name: Photo upload success, unit: "%", direction: up, range: [0, 100] }',
    'stages:',
    ...template.stages.flatMap((stage, index) => renderStage(stage, index === 0)),
  ];
  const text = `${lines.join('\n')}\n`;
  // fmt has the last word on layout (flow or block lists, quoting), so a new file is canonical from the start.
  const formatted = formatJourneyText(text);
  return formatted.ok ? formatted.output : text;
}

interface ToDoItem {
  text: string;
  ruleIds: string[];
}

/**
 * What `cjm lint` reports on a new file, announced in its header: what the
 * template cannot know (owners, feelings, KPIs, handoffs, the review date).
 * test/init/templates.test.ts lints every template against this list, so a
 * finding the template causes by its own structure fails there.
 */
function lintToDo(template: JourneyTemplate): ToDoItem[] {
  const items: ToDoItem[] = [
    { text: 'an owner for each stage', ruleIds: ['stage-owner'] },
    { text: 'how the customer feels at each step', ruleIds: ['emotion-missing'] },
    { text: 'KPIs for the stages and the moments of truth', ruleIds: ['stage-kpi', 'moment-of-truth-kpi'] },
    { text: 'a handoff where the customer changes channel', ruleIds: ['channel-handoff'] },
    { text: 'the date the map was last checked with customers', ruleIds: ['stale-review'] },
  ];
  if (onlyDigitalChannels(template)) items.push({ text: 'a person or place to turn to when the digital channels fail', ruleIds: ['digital-gap'] });
  return items;
}

function onlyDigitalChannels(template: JourneyTemplate): boolean {
  const types = new Map(BUILTIN_CHANNELS.map((channel) => [channel.id, channel.type]));
  const channels = template.stages.flatMap((stage) => stage.steps.flatMap((step) => (step.touchpoints ?? []).map(([channel]) => channel)));
  return channels.every((channel) => types.get(channel) === 'digital');
}

function renderStage(stage: TemplateStage, explain: boolean): string[] {
  return [
    ...(explain ? ['  # A stage: a phase of the journey, with the team accountable for it.'] : []),
    `  - id: ${stage.id}`,
    `    name: ${scalar(stage.name)}`,
    ...(explain ? ['    # owner: the-accountable-team'] : []),
    `    goal: ${scalar(stage.goal)}`,
    ...(explain ? ['    # Stage KPIs: a built-in or declared metric, with a target and the last actual.', '    # kpis:', '    #   - { metric: conversion, target: 20, actual: 12, measured: 2026-01-31 }'] : []),
    '    steps:',
    ...stage.steps.flatMap((step, index) => renderStep(step, explain && index === 0)),
  ];
}

function renderStep(step: TemplateStep, explain: boolean): string[] {
  const lines = [
    ...(explain ? ['      # A step: one thing the customer does. Step ids are unique across the journey.'] : []),
    `      - id: ${step.id}`,
    `        name: ${scalar(step.name)}`,
    `        personas: [${PERSONA_ID}]`,
  ];
  if (step.action) lines.push(`        action: ${scalar(step.action)}`);
  if (explain) {
    lines.push(
      '        # thinking: what the customer thinks or says here, in their words. Then where the step',
      '        # happens: a channel, what the customer sees there, the team that runs it.',
      '        # Then, in this order: backstage (out of sight), support (systems behind it), emotion',
      '        # (-2 very bad to 2 very good, or one score per persona), feeling, pains, opportunities,',
      '        # momentOfTruth, handoff (across channels), next',
      '        # (default: the following step; [] ends the journey), dropoff (%), evidence',
      '        # (observed, reported, inferred or assumed), subjourney, kpis, links, note.',
    );
  }
  if (step.touchpoints?.length) {
    lines.push('        touchpoints:', ...step.touchpoints.map(([channel, description]) => `          - { channel: ${channel}, description: ${scalar(description, true)} }`));
  }
  if (step.backstage?.length) lines.push('        backstage:', ...step.backstage.map((item) => `          - ${scalar(item)}`));
  if (step.support?.length) lines.push('        support:', ...step.support.map((item) => `          - ${scalar(item)}`));
  if (step.momentOfTruth) lines.push('        momentOfTruth: true');
  if (step.next) lines.push(`        next: [${step.next.join(', ')}]`);
  if (step.note) lines.push(`        note: ${scalar(step.note)}`);
  return lines;
}

/** A string as a YAML scalar: plain when that reads back the same, quoted otherwise. */
function scalar(text: string, inFlow = false): string {
  const plain = stringify(text, { lineWidth: 0 }).trimEnd();
  return inFlow && /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(text) : plain;
}

function wrapComment(text: string, indent: string, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
  return lines;
}
