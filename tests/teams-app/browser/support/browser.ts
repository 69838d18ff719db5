/**
 * Headless Chromium for the browser tests and the benchmark (playwright-core with Debian's chromium):
 * nothing leaves the machine — requests to other hosts than this machine are blocked, and teams-js's CDN
 * fetch of valid origins is answered with a stub.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { VALID_ORIGINS_STUB, VALID_ORIGINS_URL } from './teams-host';

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

/** CHROME_PATH, else Debian's /usr/bin/chromium; undefined when neither exists. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

let warned = false;
/**
 * Whether browser tests can run. Without Chromium: one loud line and the suite is skipped — except in CI
 * (CI=true), where a missing browser is a failure, not a skip.
 */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.CI === 'true') throw new Error('Chromium is missing: the browser tests cannot run in CI. Install it: apt-get install -y chromium (or set CHROME_PATH).');
  if (!warned) {
    warned = true;
    console.warn('!!!!! BROWSER TESTS SKIPPED: Chromium not found — install it with `apt-get install -y chromium` (or set CHROME_PATH) !!!!!');
  }
  return false;
}

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROME_PATH)');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A browser context that reaches only this machine, with teams-js's CDN fetch stubbed. */
export async function isolatedContext(browser: Browser, opts: { locale?: string } = {}): Promise<BrowserContext & { blocked: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'nl-NL', viewport: { width: 1200, height: 1000 } });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(VALID_ORIGINS_URL)) return route.fulfill({ status: 200, contentType: 'application/json', body: VALID_ORIGINS_STUB });
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      host = '';
    }
    if (LOCAL_HOSTS.has(host) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return Object.assign(context, { blocked });
}
