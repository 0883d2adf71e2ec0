import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/util/secrets.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from './hostile.js';

/**
 * Issue 12, item 4 (and the config odds of item 14): the config's folder is
 * the boundary of what the config may name, and errors never leak a file.
 */
const scratch = scratchDir('boundary');
afterAll(() => scratch.cleanup());
let repo: string;
let outside: string;
let n = 0;

/** Valid, but not in the canonical layout: fmt would rewrite it. */
const UNFORMATTED = 'title: Outside\ncjm: 1\nid: outside\nstages: [{ id: a, name: A }]\n';
const GOOD = 'cjm: 1\nid: inside\ntitle: Inside\nstages: [{ id: a, name: A }]\n';
const TOKEN = 'https://bob:ghp_abcdefghijklmnop1234567890@github.com';

beforeEach(() => {
  const base = join(scratch.dir, `case-${n++}`);
  repo = join(base, 'repo');
  outside = join(base, 'outside');
  mkdirSync(repo, { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'o.journey.yaml'), UNFORMATTED);
  writeFileSync(join(repo, 'i.journey.yaml'), GOOD);
});

const cjm = (args: string[]) => runCli(args, { cwd: repo });
const config = (text: string) => writeFileSync(join(repo, 'cjm.config.yaml'), text);
const HINT = 'cjm reads only below the folder of cjm.config.yaml: move the files there, or pass --allow-outside';

describe('item 4: config paths stay inside the config folder', () => {
  it('include: ["../outside/*.journey.yaml"] is refused, and a bare fmt rewrites nothing outside', async () => {
    config('include: ["../outside/*.journey.yaml"]\n');
    const result = await cjm(['fmt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`cjm: cjm.config.yaml:1:11: invalid pattern "../outside/*.journey.yaml": it reaches outside with ..; ${HINT}\n`);
    expect(readFileSync(join(outside, 'o.journey.yaml'), 'utf8')).toBe(UNFORMATTED);
  });

  it('--allow-outside lets the same include reach the file', async () => {
    config('include: ["../outside/*.journey.yaml"]\n');
    const result = await cjm(['fmt', '--check', '--allow-outside']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('o.journey.yaml');
  });

  it('include: ["/**/*.journey.yaml"] is anchored to the config folder, not the filesystem root', async () => {
    config('include: ["/**/*.journey.yaml"]\n');
    const result = await cjm(['validate', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
  });

  it('a catalogue outside the folder (absolute, .. or through a link) is refused with its key and line', async () => {
    for (const path of ['/etc/passwd', '../outside/o.journey.yaml', 'link.yaml']) {
      symlinkSync(join(outside, 'o.journey.yaml'), join(repo, 'link.yaml'));
      config(`catalog: [${path}]\n`);
      const result = await cjm(['validate']);
      expect(result.code, path).toBe(2);
      expect(result.stderr, path).toMatch(/^cjm: cjm\.config\.yaml:1:11: catalog file \S+ (?:\(a link to \S+\) )?is outside \S+; cjm reads only below/);
      expect(result.stderr).not.toContain('root:');
      (await import('node:fs')).rmSync(join(repo, 'link.yaml'));
    }
  });

  it('an error about a catalogue that is not YAML quotes none of it, and credentials in a quoted value are masked', async () => {
    writeFileSync(join(repo, 'creds'), `${TOKEN}\n`);
    config('catalog: [creds]\n');
    const whole = await cjm(['validate']);
    expect(whole).toMatchObject({ code: 2, stderr: 'cjm: creds:1:1: invalid catalogue: `(document)` is text; must be a mapping of keys to values\n' });
    writeFileSync(join(repo, 'creds'), `channels: ${TOKEN}\n`);
    const value = await cjm(['validate']);
    expect(value.code).toBe(2);
    expect(value.stderr).not.toContain('ghp_abcdef');
    expect(value.stderr).toContain('"https://bob:***@github.com"');
  });

  it('maskSecrets hides what would let someone use a credential and keeps what tells which it was', () => {
    expect(maskSecrets(TOKEN)).toBe('https://bob:***@github.com');
    expect(maskSecrets('token ghp_abcdefghijklmnop1234567890')).toBe('token ghp_***');
    expect(maskSecrets('password=hunter22')).toBe('password=***');
    expect(maskSecrets('a plain title')).toBe('a plain title');
  });
});

describe('item 14: config odds', () => {
  it('an empty config is a config that sets nothing', async () => {
    config('');
    expect(await cjm(['validate'])).toMatchObject({ code: 0 });
    config('# only a comment\n');
    expect(await cjm(['validate'])).toMatchObject({ code: 0 });
  });

  it('rules: {__proto__: off} is refused, not dropped without a word', async () => {
    config('rules: {__proto__: off}\n');
    expect(await cjm(['lint'])).toMatchObject({ code: 2, stderr: 'cjm: cjm.config.yaml:1:9: invalid configuration: `__proto__` is not a key cjm knows (nor a rule id); remove it\n' });
  });

  it('--rule constructor:off is an unknown rule', async () => {
    const result = await cjm(['lint', '--rule', 'constructor:off']);
    expect(result).toMatchObject({ code: 2, stderr: 'cjm: --rule: unknown rule "constructor" (`cjm rules` lists the rules)\n' });
  });

  it('maxFileSize: 0 names the real lower bound', async () => {
    config('limits: { maxFileSize: 0 }\n');
    const result = await cjm(['validate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`limits.maxFileSize` is 0; must be at least 1024');
  });

  it('a UTF-16 file says so and how to fix it', async () => {
    writeFileSync(join(repo, 'wide.journey.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]));
    const result = await cjm(['validate', 'wide.journey.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('file is UTF-16 text; save it as UTF-8');
  });
});
