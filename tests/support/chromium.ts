/**
 * Headless Chromium for every browser test and browser benchmark: Debian's chromium driven by
 * playwright-core, with the flags this machine needs, pages that reach only this machine, and ONE rule
 * for a missing browser — one loud line naming the install command and the suite skipped, except in CI
 * (CI=true), where a missing browser fails the suite.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export const CHROMIUM_INSTALL = 'apt-get install -y chromium';

/** CHROME_PATH, else Debian's /usr/bin/chromium; undefined when neither exists. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p));
}

/**
 * Whether a browser suite can run. `alsoMissing` names other things the suite needs that are absent.
 * When something is missing: in CI an error; elsewhere one loud line and false (skip the suite).
 */
export function browserSuiteReady(suite: string, alsoMissing: string[] = []): boolean {
  const missing = [...(chromiumPath() ? [] : [`Chromium (${CHROMIUM_INSTALL}, or set CHROME_PATH)`]), ...alsoMissing];
  if (missing.length === 0) return true;
  const line = `!!!!! ${suite}: BROWSER SUITE SKIPPED — missing ${missing.join(' and ')} !!!!!`;
  if (process.env.CI === 'true') throw new Error(line.replace('BROWSER SUITE SKIPPED', 'cannot run in CI'));
  // reason: the one loud line a skipped browser suite must print.
  console.warn(line);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`Chromium not found: ${CHROMIUM_INSTALL} (or set CHROME_PATH)`);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLocalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:' || LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Aborts every request of the context that would leave this machine; returns the list of what was blocked
 * (tests assert it stays empty, or holds only what they expect). `stub` may answer a known URL instead.
 */
export async function keepLocal(context: BrowserContext, stub?: (url: string) => { status: number; contentType: string; body: string } | undefined): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const answer = stub?.(url);
    if (answer) return route.fulfill(answer);
    if (isLocalUrl(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}
