import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.js';
import { validateFiles } from '../../src/validate/index.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir, STACK_FRAME, writeBadInputs } from './hostile.js';

/**
 * Every bad input of the foundation issue, all in ONE folder, checked in ONE process:
 * some failures (a second deeply nested file aborting Node with an uncatchable
 * out-of-memory) only show after an earlier bad file went through the same process.
 */
const scratch = scratchDir('bad');
let names: string[] = [];
let commands = new Set<string>();

beforeAll(async () => {
  names = writeBadInputs(scratch.dir);
  const help = await runCli(['--help']);
  commands = new Set([...help.stdout.matchAll(/^\s{2}(\w+)\b/gm)].map((m) => m[1]));
});
afterAll(() => scratch.cleanup());

/** Odd but legal: a BOM, a merge key, a 2 MB title, and tags that stay plain text (with a warning). */
const LEGAL = ['bom.journey.yaml', 'merge-key.journey.yaml', 'huge-line.journey.yaml', 'custom-tag.journey.yaml', 'local-tag.journey.yaml'];
const journeyFiles = () => names.filter((name) => name !== 'folder.journey.yaml').sort();

describe('every bad input in one process', () => {
  it('validateFiles reports each file, twice in a row, without throwing', async () => {
    for (let round = 0; round < 2; round++) {
      const run = await validateFiles(['.'], { cwd: scratch.dir, config: false });
      const reported = run.files.map((file) => file.file).sort();
      expect(reported).toEqual(journeyFiles());
      for (const file of run.files) {
        if (!LEGAL.includes(file.file)) {
          expect(file.ioError !== undefined || file.findings.some((f) => f.severity === 'error'), file.file).toBe(true);
        }
        for (const finding of file.findings) {
          expect(finding.line, `${file.file}: ${finding.message}`).toBeGreaterThanOrEqual(1);
          expect(finding.column).toBeGreaterThanOrEqual(1);
          expect(finding.message.split('\n')).toHaveLength(1);
          expect(finding.message).not.toMatch(STACK_FRAME);
        }
      }
    }
  });

  it('lintFiles reports each file without throwing', async () => {
    const run = await lintFiles(['.'], { cwd: scratch.dir, config: false, now: new Date('2026-11-22') });
    expect(run.files.map((file) => file.file).sort()).toEqual(journeyFiles());
  });

  it('a custom tag stays inert text and is never executed', async () => {
    const { loadJourney } = await import('../../src/load/journey.js');
    const tagged = await loadJourney('custom-tag.journey.yaml', { cwd: scratch.dir, config: false });
    // Reaching this line at all means the !!js/function tag did not run process.exit.
    expect(tagged.journey?.title).toBe('function () { return process.exit(1) }');
    expect(tagged.findings.map((f) => f.ruleId)).toContain('yaml-warning');
    const local = await loadJourney('local-tag.journey.yaml', { cwd: scratch.dir, config: false });
    expect(local.journey?.title).toBe('/etc/passwd');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('__proto__ and constructor keys pollute nothing', async () => {
    await validateFiles(['proto.journey.yaml'], { cwd: scratch.dir, config: false });
    await lintFiles(['proto.journey.yaml'], { cwd: scratch.dir, config: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).owner).toBeUndefined();
  });

  it('the built binary reports every file once, exits 1 or 2 and prints no stack trace', async () => {
    for (const command of ['validate', 'lint', 'render'].filter((name) => commands.has(name))) {
      const args = [command, '--format', 'json', '.', 'missing.journey.yaml'];
      if (command === 'render') args.splice(1, 2); // render --format is mermaid|svg; findings go to stderr
      const result = await runCli(args, { cwd: scratch.dir, timeoutMs: 60_000 });
      expect([1, 2], `${command}: exit ${result.code}\n${result.stderr}`).toContain(result.code);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).not.toMatch(STACK_FRAME);
      expect(result.stderr + result.stdout, command).toMatch(/missing\.journey\.yaml/);
      if (command === 'render') continue;
      // With a missing path the run may stop before reading anything (exit 2, one message); without it,
      // every file is reported.
      const all = await runCli([command, '--format', 'json', '.'], { cwd: scratch.dir, timeoutMs: 60_000 });
      expect([1, 2], `${command}: exit ${all.code}\n${all.stderr}`).toContain(all.code);
      expect(all.stderr).not.toMatch(STACK_FRAME);
      const report = JSON.parse(all.stdout) as { summary: { files: number; ioErrors: number }; findings: { file: string }[]; ioErrors: { file: string }[] };
      expect(report.summary.files + report.summary.ioErrors, command).toBe(journeyFiles().length);
      const mentioned = new Set([...report.findings, ...report.ioErrors].map((entry) => entry.file));
      for (const name of journeyFiles().filter((file) => !LEGAL.includes(file) || file.includes('tag'))) {
        expect(mentioned.has(name), `${command} does not report ${name}`).toBe(true);
      }
    }
  }, 120_000);
});

describe('paths that are not regular files', () => {
  it('a directory named like a journey is skipped by discovery, and named explicitly it is a clear error', async () => {
    const result = await runCli(['validate', join(scratch.dir, 'folder.journey.yaml', '..', 'empty.journey.yaml'), 'folder.journey.yaml/'], { cwd: scratch.dir });
    expect([1, 2]).toContain(result.code);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });
});
