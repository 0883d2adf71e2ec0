import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * docs/commands.md is the reference of the command line: every option a
 * command takes is documented in its section, and every option a section
 * names exists. Read against the real commander program, so neither can drift.
 */
const PAGE = readFileSync(join(ROOT, 'docs/commands.md'), 'utf8');

/** The text of `## \`cjm <name>\``, up to the next section. */
function section(name: string): string {
  const start = PAGE.indexOf(`## \`cjm ${name}\``);
  if (start < 0) return '';
  const end = PAGE.indexOf('\n## ', start + 1);
  return PAGE.slice(start, end < 0 ? undefined : end);
}

async function program(): Promise<Command> {
  const { runInContext } = await import('../../src/commands/context.js');
  const { createProgram } = await import('../../src/program.js');
  const sink = { write: () => true };
  return runInContext({ cwd: ROOT, env: {}, stdin: [], stdout: sink, stderr: sink, exitCode: 0, debug: false }, async () => createProgram());
}

// Options every command has (commander's) or that the whole program takes.
const GLOBAL = new Set(['--help', '--version', '--debug']);

describe('docs/commands.md', () => {
  it('documents every option of every command, and names no option a command does not have', async () => {
    const cjm = await program();
    const problems: string[] = [];
    // A command with subcommands (`cjm data sync`) is documented per subcommand.
    const documented = cjm.commands.flatMap((command) => (command.commands.length > 0 ? command.commands.map((sub) => ({ command: sub, name: `${command.name()} ${sub.name()}` })) : [{ command, name: command.name() }]));
    for (const { command, name } of documented) {
      const text = section(name);
      if (text === '') {
        problems.push(`cjm ${name}: no section`);
        continue;
      }
      const real = new Set(command.options.map((option) => option.long!).filter(Boolean));
      for (const flag of real) if (!text.includes(flag)) problems.push(`cjm ${name}: ${flag} is not documented`);
      // Lines quoting git (`git diff --name-status`) name git's options, not cjm's.
      const ours = text.split('\n').filter((line) => !/\bgit [a-z]/.test(line)).join('\n');
      const named = new Set([...ours.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((match) => match[0]));
      for (const flag of named) {
        if (!real.has(flag) && !GLOBAL.has(flag) && !isAnotherCommandsOption(cjm, flag, text)) problems.push(`cjm ${name}: names ${flag}, which it does not take`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** A section may mention another command's option inside that command's example (`cjm fmt --check` in a hook line). */
function isAnotherCommandsOption(cjm: Command, flag: string, text: string): boolean {
  return cjm.commands.some((command) => command.options.some((option) => option.long === flag) && new RegExp(`cjm ${command.name()}[^\\n]*${flag}`).test(text));
}
