import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffRevision } from '../../src/diff/index.js';
import { lintFiles } from '../../src/lint/engine.js';
import { ConfigError } from '../../src/load/config.js';
import { discoverFiles, DiscoveryError } from '../../src/load/discover.js';
import { compilePatterns, isPattern, leavesFolder, PatternError } from '../../src/load/paths.js';
import { openWorkspace, workspaceFiles } from '../../src/load/workspace.js';

/**
 * One table of patterns, run against every place cjm matches paths, so that
 * the places cannot drift apart again: include, exclude, ignore, overrides,
 * globs on the command line, and `diff --rev` (the workspace's files and a
 * named glob, both decided on the paths git lists).
 */
const CASES: { patterns: string[]; path: string; matches: boolean }[] = [
  // No slash: any folder, as in .gitignore; a leading / or ./ anchors to the config's folder.
  { patterns: ['*.draft.journey.yaml'], path: 'a.draft.journey.yaml', matches: true },
  { patterns: ['*.draft.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  { patterns: ['/*.draft.journey.yaml'], path: 'a.draft.journey.yaml', matches: true },
  { patterns: ['/*.draft.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: false },
  { patterns: ['./*.draft.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: false },
  { patterns: ['./deep/**'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  // A slash anywhere else: relative to the config's folder; * stays in one folder, ** crosses folders.
  { patterns: ['deep/*.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: false },
  { patterns: ['deep/**/*.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  { patterns: ['**/in/**'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  { patterns: ['in/**'], path: 'deep/in/x.draft.journey.yaml', matches: false },
  // A trailing slash: everything below that folder, at any level when no other slash anchors it.
  { patterns: ['in/'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  { patterns: ['deep/in/'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  // Brackets: `]` first is a member, `!` or `^` first negates, POSIX classes.
  { patterns: ['[]x].journey.yaml'], path: '].journey.yaml', matches: true },
  { patterns: ['[]x].journey.yaml'], path: 'x.journey.yaml', matches: true },
  { patterns: ['[]x].journey.yaml'], path: 'v1.journey.yaml', matches: false },
  { patterns: ['v[!12].journey.yaml'], path: 'v3.journey.yaml', matches: true },
  { patterns: ['v[!12].journey.yaml'], path: 'v1.journey.yaml', matches: false },
  { patterns: ['[[:alpha:]].journey.yaml'], path: 'x.journey.yaml', matches: true },
  { patterns: ['[[:alpha:]].journey.yaml'], path: '1.journey.yaml', matches: false },
  // Braces, with lists and numeric ranges; extglobs.
  { patterns: ['**/*.journey.{yaml,yml}'], path: 'b/c.journey.yml', matches: true },
  { patterns: ['v{1..3}.journey.yaml'], path: 'v3.journey.yaml', matches: true },
  { patterns: ['v{1..3}.journey.yaml'], path: 'v4.journey.yaml', matches: false },
  { patterns: ['+(a|b).journey.yaml'], path: 'ab.journey.yaml', matches: true },
  { patterns: ['+(a|b).journey.yaml'], path: 'c.journey.yaml', matches: false },
  { patterns: ['!(*.draft).journey.yaml'], path: 'c.journey.yaml', matches: true },
  { patterns: ['!(*.draft).journey.yaml'], path: 'a.draft.journey.yaml', matches: false },
  // Dot files and dot folders match like any other; a dot is a dot.
  { patterns: ['*.journey.yaml'], path: '.dot.journey.yaml', matches: true },
  { patterns: ['**/*.journey.yaml'], path: '.hidden/h.journey.yaml', matches: true },
  { patterns: ['a.b.journey.yaml'], path: 'aXb.journey.yaml', matches: false },
  // Parentheses and | are themselves outside an extglob (picomatch alone reads them as a regular-expression group).
  { patterns: ['claim (old).journey.yaml'], path: 'claim (old).journey.yaml', matches: true },
  { patterns: ['claim (old).journey.yaml'], path: 'claim old.journey.yaml', matches: false },
  { patterns: ['a|b.journey.yaml'], path: 'a|b.journey.yaml', matches: true },
  { patterns: ['a|b.journey.yaml'], path: 'ab.journey.yaml', matches: false },
  { patterns: ['[{]x}.journey.yaml'], path: '{x}.journey.yaml', matches: true },
  // A leading ! takes back what an earlier pattern of the list matched; the last match decides.
  { patterns: ['deep/**', '!**/*.draft.journey.yaml'], path: 'deep/in/x.draft.journey.yaml', matches: false },
  { patterns: ['deep/**', '!**/*.draft.journey.yaml', 'deep/in/'], path: 'deep/in/x.draft.journey.yaml', matches: true },
  { patterns: ['!c.journey.yaml'], path: 'c.journey.yaml', matches: false },
];

const PATHS = [...new Set(CASES.map((c) => c.path))];
/** Expected answers that are false, beside the true ones: every case is checked both ways by the consumers below. */
const selectedBy = (patterns: string[]) => PATHS.filter((path) => compilePatterns(patterns)(path)).sort();
const expected = (patterns: string[]) => CASES.filter((c) => c.patterns.join('\0') === patterns.join('\0'));
const PATTERN_LISTS = [...new Map(CASES.map((c) => [c.patterns.join('\0'), { patterns: c.patterns }])).values()];

/**
 * The pattern as a command-line argument, when it is one there: on the command
 * line a word without wildcards is a path (`in/` is the folder ./in), and a
 * leading `/` is the filesystem's root.
 */
function commandLineGlob(patterns: string[]): string | undefined {
  const [pattern] = patterns;
  return patterns.length === 1 && isPattern(pattern) && !pattern.startsWith('/') ? pattern : undefined;
}

const orNone = (error: unknown) => (error instanceof DiscoveryError ? [] : Promise.reject(error));

/** A journey with a stage nobody owns: stage-owner reports it unless an override turns the rule off. */
const journey = (index: number) => `cjm: 1\nid: j${index}\ntitle: Journey ${index}\nstages:\n  - id: only\n    name: Only\n    steps:\n      - { id: one, name: One step }\n`;

function writeTree(dir: string): void {
  PATHS.forEach((path, index) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), journey(index));
  });
}

function writeConfig(dir: string, config: object): void {
  writeFileSync(join(dir, 'cjm.config.yaml'), JSON.stringify(config));
}

describe('the pattern dialect', () => {
  it.each(CASES)('$patterns on $path: $matches', ({ patterns, path, matches }) => {
    expect(compilePatterns(patterns)(path)).toBe(matches);
  });

  it('an empty list matches nothing; a list matches when any pattern does', () => {
    expect(compilePatterns([])('anything')).toBe(false);
    expect(compilePatterns(['a/**', 'b/**'])('b/x.yaml')).toBe(true);
  });

  it('refuses \\ (Windows separators) and patterns with no name in them, saying what to write', () => {
    for (const pattern of ['maps\\drafts\\**', 'a\\*.yaml']) expect(() => compilePatterns([pattern])).toThrow(/write \/ between folders/);
    for (const pattern of ['!', '/', './']) expect(() => compilePatterns([pattern])).toThrow(/no file name or glob/);
    // picomatch would match nothing, or something else, without a word.
    expect(() => compilePatterns(['{oops'])).toThrow(/\{ is not closed/);
    expect(() => compilePatterns(['a{b,{c,d}'])).toThrow(/\{ is not closed/);
    expect(() => compilePatterns(['+(a|b.journey.yaml'])).toThrow(/extglob \( is not closed/);
  });

  it('never throws anything but PatternError, and a plain path matches itself', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (pattern, path) => {
        try {
          compilePatterns([pattern])(path);
        } catch (error) {
          expect(error).toBeInstanceOf(PatternError);
        }
      }),
      { seed: 20261122 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-][a-z0-9._-]{0,11}(\/[a-z0-9_-][a-z0-9._-]{0,11}){0,3}$/), (path) => {
        expect(compilePatterns([path])(path)).toBe(true);
        expect(compilePatterns([`${path.split('/')[0]}/`])(`${path.split('/')[0]}/x`)).toBe(true);
      }),
      { seed: 20261122 },
    );
  });
});

describe('every consumer of patterns agrees with the table', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjm-paths-'));
    writeTree(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Each consumer answers for every path of the tree, so a wrong "no" shows as surely as a wrong "yes".
  it.each(PATTERN_LISTS)('$patterns', async ({ patterns }) => {
    const want = selectedBy(patterns);
    for (const c of expected(patterns)) expect(want.includes(c.path), c.path).toBe(c.matches);

    writeConfig(dir, { include: patterns });
    expect(await workspaceFiles(await openWorkspace({ cwd: dir })), 'include').toEqual(want);

    writeConfig(dir, { exclude: patterns });
    expect(await workspaceFiles(await openWorkspace({ cwd: dir })), 'exclude').toEqual(PATHS.filter((path) => !want.includes(path)).sort());

    writeConfig(dir, { ignore: patterns });
    const linted = await lintFiles([], { cwd: dir, workers: 0 });
    expect(linted.files.map((file) => file.file).sort(), 'ignore').toEqual(PATHS.filter((path) => !want.includes(path)).sort());

    writeConfig(dir, { overrides: [{ files: patterns, rules: { 'stage-owner': 'off' } }] });
    const overridden = await lintFiles([], { cwd: dir, workers: 0 });
    const quiet = overridden.files.filter((file) => !file.findings.some((finding) => finding.ruleId === 'stage-owner'));
    expect(quiet.map((file) => file.file).sort(), 'overrides').toEqual(want);

    // A command-line glob is relative to the working directory, here the config's folder.
    const glob = commandLineGlob(patterns);
    if (glob) expect(await discoverFiles([glob], { cwd: dir }).catch(orNone), 'command line').toEqual(want);
  });
});

describe('diff --rev decides on the paths git lists with the same matcher', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'cjm-paths-git-'));
    writeTree(repo);
    git('init', '--quiet');
    git('config', 'user.name', 'cjm test');
    git('config', 'user.email', 'cjm-test@example.com');
    git('config', 'commit.gpgsign', 'false');
    git('add', '.');
    git('commit', '--quiet', '-m', 'journeys');
    // Deleted since HEAD: only git can list them, so discovery on disk cannot stand in for the matcher.
    git('rm', '--quiet', '-r', '.');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const deletedFiles = async (paths: string[]) => {
    const run = await diffRevision('HEAD', paths, { cwd: repo });
    expect(run.report.files.every((file) => file.status === 'deleted')).toBe(true);
    return run.report.files.map((file) => file.oldFile).sort();
  };

  it.each(PATTERN_LISTS)('$patterns', async ({ patterns }) => {
    writeConfig(repo, { include: patterns });
    expect(await deletedFiles([]), 'the workspace').toEqual(selectedBy(patterns));
    const glob = commandLineGlob(patterns);
    if (glob) {
      writeConfig(repo, {});
      expect(await deletedFiles([glob]).catch(orNone), 'a named glob').toEqual(selectedBy(patterns));
    }
  });
});

describe('a pattern cjm cannot use', () => {
  it('in the config: exit 2 naming the key, its line and column, whichever key holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cjm-paths-bad-'));
    try {
      for (const [key, yaml] of [
        ['include', 'include: ["maps\\\\**"]'],
        ['exclude', 'exclude: [ok/**, "maps\\\\drafts"]'],
        ['ignore', 'ignore: ["!"]'],
        ['overrides', 'overrides:\n  - files: ["a\\\\b"]\n    rules: { stage-owner: off }'],
      ]) {
        writeFileSync(join(dir, 'cjm.config.yaml'), `${yaml}\n`);
        const error = await openWorkspace({ cwd: dir }).catch((e: unknown) => e);
        expect(error, key).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).describe(dir), key).toMatch(/^cjm\.config\.yaml:\d+:\d+: invalid pattern "/);
      }
      writeFileSync(join(dir, 'cjm.config.yaml'), 'exclude: [ok/**, "maps\\\\drafts"]\n');
      expect(((await openWorkspace({ cwd: dir }).catch((e: unknown) => e)) as ConfigError).describe(dir)).toBe(
        'cjm.config.yaml:1:18: invalid pattern "maps\\\\drafts": write / between folders: \\ is not allowed in patterns (to match a special character itself, put it in brackets: [*])',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('on the command line: one line, exit 2', async () => {
    await expect(discoverFiles(['maps\\*.journey.yaml'], { cwd: tmpdir() })).rejects.toThrow(/^invalid pattern "maps\\\\\*\.journey\.yaml": write \//);
  });
});

describe('leavesFolder', () => {
  it('is true for .., ../x and absolute paths; a name that starts with two dots stays inside', () => {
    expect(['..', join('..', 'x'), '/abs/x'].map(leavesFolder)).toEqual([true, true, true]);
    expect(['', 'x', join('..drafts', 'x.journey.yaml'), '...', join('a', '..b')].map(leavesFolder)).toEqual([false, false, false, false, false]);
  });
});
