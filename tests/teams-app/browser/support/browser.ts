/**
 * Headless Chromium for the browser tests and the benchmark (playwright-core with Debian's chromium):
 * nothing leaves the machine — requests to other hosts than this machine are blocked, and teams-js's CDN
 * fetch of valid origins is answered with a stub.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { browserSuiteReady, keepLocal } from '../../../support/chromium';
import { VALID_ORIGINS_STUB, VALID_ORIGINS_URL } from './teams-host';

export { chromiumPath } from '../../../support/chromium';
export { launchChromium as launch } from '../../../support/chromium';

/**
 * Whether browser tests can run. Without Chromium: one loud line and the suite is skipped — except in CI
 * (CI=true), where a missing browser is a failure, not a skip.
 */
export function browserAvailable(): boolean {
  return browserSuiteReady('tests/teams-app/browser');
}

/** A browser context that reaches only this machine, with teams-js's CDN fetch stubbed. */
export async function isolatedContext(browser: Browser, opts: { locale?: string } = {}): Promise<BrowserContext & { blocked: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'nl-NL', viewport: { width: 1200, height: 1000 } });
  const blocked = await keepLocal(context, (url) =>
    url.startsWith(VALID_ORIGINS_URL) ? { status: 200, contentType: 'application/json', body: VALID_ORIGINS_STUB } : undefined,
  );
  return Object.assign(context, { blocked });
}
