import { resolve } from 'node:path';
import { patternPath } from '../load/paths.js';
import type { Workspace } from '../load/workspace.js';
import { RULES } from '../rules/index.js';
import { resolveRuleSettings } from './settings.js';

/**
 * The options a rule gets for a file as the workspace's config sets them
 * (overrides included), for commands that draw what a rule checks without
 * linting: `cjm render` marks drop-off hotspots at the dropoff-hotspot rule's
 * threshold, as `cjm lint` and `cjm report` do.
 */
export async function configuredRuleOptions(workspace: Workspace, ruleId: string): Promise<(file: string) => unknown> {
  const settings = await resolveRuleSettings(RULES, workspace.config, [], workspace.cwd);
  return (file) => settings.optionsFor(ruleId, patternPath(workspace.root, resolve(workspace.cwd, file)));
}
