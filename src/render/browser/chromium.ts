import { accessSync, constants, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/** Binary names tried after --browser and PUPPETEER_EXECUTABLE_PATH, first in /usr/bin, then on PATH. */
const SYSTEM_BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/**
 * Flags for a machine without general internet access: no QUIC, no background
 * fetches (component updates, sync, field trials) that would hang on DNS or
 * leak requests. --no-sandbox because CI containers run as root, where
 * Chromium refuses to start sandboxed. --disable-dev-shm-usage because Docker's
 * default 64 MB /dev/shm makes Chromium tabs crash on large pages.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const INSTALL_HINT =
  'install Chromium (`apt-get install chromium`), or pass --browser PATH, or set PUPPETEER_EXECUTABLE_PATH';

/** No usable browser binary. The message is one line, meant to be printed as is (the CLI exits 2). */
export class BrowserNotFoundError extends Error {
  override readonly name = 'BrowserNotFoundError';
  readonly exitCode = 2;
}

/** A browser binary was found but would not start (missing libraries, not a Chromium, ...). One-line message. */
export class BrowserLaunchError extends Error {
  override readonly name = 'BrowserLaunchError';
  readonly exitCode = 2;
}

type BrowserSource = 'option' | 'env' | 'system';

type BrowserLookup =
  | { found: true; path: string; source: BrowserSource }
  | { found: false; message: string };

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function systemCandidates(pathVariable: string | undefined, usualDirs: readonly string[]): string[] {
  const inUsrBin = usualDirs.flatMap((dir) => SYSTEM_BROWSER_NAMES.map((name) => join(dir, name)));
  const dirs = (pathVariable ?? '').split(delimiter).filter((dir) => dir !== '');
  const onPath = SYSTEM_BROWSER_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
  return [...inUsrBin, ...onPath];
}

/**
 * Looks for a browser: --browser PATH, then PUPPETEER_EXECUTABLE_PATH, then the
 * usual system locations. A path the user named explicitly (option or env) that
 * does not work is an error, not a reason to silently pick another browser.
 */
export function lookupBrowser(
  explicitPath?: string,
  env: Record<string, string | undefined> = process.env,
  usualDirs: readonly string[] = ['/usr/bin'],
): BrowserLookup {
  if (explicitPath !== undefined && explicitPath !== '') {
    if (isExecutableFile(explicitPath)) return { found: true, path: explicitPath, source: 'option' };
    return { found: false, message: `--browser ${explicitPath} is not an executable file: ${INSTALL_HINT}` };
  }
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (isExecutableFile(fromEnv)) return { found: true, path: fromEnv, source: 'env' };
    return { found: false, message: `PUPPETEER_EXECUTABLE_PATH=${fromEnv} is not an executable file: ${INSTALL_HINT}` };
  }
  const path = systemCandidates(env.PATH, usualDirs).find(isExecutableFile);
  if (path !== undefined) return { found: true, path, source: 'system' };
  return { found: false, message: `no Chromium or Chrome found: ${INSTALL_HINT}` };
}

export function findBrowser(explicitPath?: string): string | undefined {
  const lookup = lookupBrowser(explicitPath);
  return lookup.found ? lookup.path : undefined;
}

/** Like findBrowser, but throws BrowserNotFoundError with the one-line install hint. */
export function requireBrowser(explicitPath?: string, env: Record<string, string | undefined> = process.env): string {
  const lookup = lookupBrowser(explicitPath, env);
  if (!lookup.found) throw new BrowserNotFoundError(lookup.message);
  return lookup.path;
}

/**
 * Mermaid SVG needs two optional peer dependencies that a lint-only install
 * does not carry (together with Chromium they are ~500 MB less to install).
 * Checked before anything is written, so a run never stops half-way.
 */
const BROWSER_PACKAGES = ['mermaid', 'puppeteer-core'] as const;

export function requireBrowserPackages(resolve: (name: string) => string = createRequire(import.meta.url).resolve): void {
  const missing = BROWSER_PACKAGES.filter((name) => {
    try {
      resolve(name === 'mermaid' ? 'mermaid/dist/mermaid.min.js' : name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  throw new BrowserNotFoundError(
    `Mermaid diagrams as SVG need the optional package${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}: ` +
      'run `npm install -D mermaid@11 puppeteer-core@24` and install Chromium (`apt-get install chromium`); ' +
      'the journey map and blueprint (--diagram map|blueprint) need neither',
  );
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Closes the browser and removes its temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

/**
 * Starts headless Chromium with a fresh profile in a temp dir. Puppeteer is
 * imported here, not at module load, so commands that never render SVG do not
 * pay its start-up cost.
 */
export async function launchBrowser(executablePath: string): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cjm-chromium-'));
  // If the process dies without close() (Ctrl-C, uncaught error), still drop the profile.
  const removeProfileSync = (): void => rmSync(userDataDir, { recursive: true, force: true });
  process.once('exit', removeProfileSync);
  const removeProfile = async (): Promise<void> => {
    process.removeListener('exit', removeProfileSync);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  let browser: Browser;
  try {
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: [...CHROMIUM_ARGS],
      // A pipe instead of --remote-debugging-port: no TCP port that other local users could connect to.
      pipe: true,
    });
  } catch (error) {
    await removeProfile();
    throw new BrowserLaunchError(`could not start ${executablePath}: ${firstLine(error)}`, { cause: error });
  }
  let closed = false;
  return {
    browser,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await browser.close();
      } finally {
        await removeProfile();
      }
    },
  };
}
