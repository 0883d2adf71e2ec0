import type { Rule } from '../lint/rule.js';

/**
 * The commented cjm.config.yaml of `cjm init --config`: every lint rule with
 * its default severity, so a team sees what runs and changes one line to
 * tune it; the other settings as commented-out examples.
 */
export function renderConfigTemplate(rules: readonly Pick<Rule<unknown>, 'id' | 'description' | 'defaultSeverity'>[], schema: string): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const lines = [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    '# cjm workspace configuration, from `cjm init --config`. Commands search for this',
    '# file upward from the working directory; globs and paths are relative to it.',
    '# Reference: "Configuration: cjm.config.yaml" in the README of cjm.',
    '',
    '# The journey files of the workspace: what a bare `cjm validate`, `cjm lint` or',
    '# `cjm fmt` works on. Default: every *.journey.yaml or *.journey.yml file below here.',
    '# include: ["journeys/**/*.journey.{yaml,yml}"]',
    '# exclude: ["journeys/archive/**"]',
    '',
    '# Files with personas, channels and metrics shared by every journey:',
    '# catalog: [journeys/shared/catalog.yaml]',
    '',
    '# Lint rules and their default severities: off, info, warn or error. A rule with',
    '# options takes [severity, { option: value }]; `cjm rules` lists what each finds.',
    'rules:',
    ...sorted.map((rule) => `  ${rule.id}: ${rule.defaultSeverity} # ${oneLine(rule.description)}`),
    '',
    '# Other settings for some files; the last matching override wins:',
    '# overrides:',
    '#   - files: ["journeys/drafts/**"]',
    '#     rules: { stage-owner: off, kpi-target: off }',
    '# Files lint never reports on:',
    '# ignore: ["journeys/vendor/**"]',
    '# The budget of one file (docs/configuration.md#limits); these are the defaults:',
    '# limits: { maxFileSize: 524288, maxDepth: 64, maxNodes: 50000, maxFindings: 1000 }',
  ];
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
