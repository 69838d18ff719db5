/**
 * Headless Chromium for the browser tests (playwright-core, Debian's chromium). Pages may reach only
 * 127.0.0.1/localhost: every other request is aborted. Without Chromium (or without spfx/node_modules) the
 * suites print one loud line and are skipped — in CI (CI=true) they fail instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSuiteReady, keepLocal } from '../support/chromium';
export { launchChromium } from '../support/chromium';

export const SPFX_DIR = join(__dirname, '..', '..', 'spfx');


export function spfxInstalled(): boolean {
  return existsSync(join(SPFX_DIR, 'node_modules', 'react', 'package.json')) && existsSync(join(SPFX_DIR, 'node_modules', '@fluentui', 'react', 'package.json'));
}

/**
 * Whether the browser suite can run here. When it cannot, prints ONE loud line saying what to install and
 * returns false (the suite is then skipped); with CI=true the missing piece is an error instead.
 */
export function spfxBrowserSuiteReady(suite: string): boolean {
  return browserSuiteReady(suite, spfxInstalled() ? [] : ['the SPFx package (npm --prefix spfx ci)']);
}

/** A page that may talk to this machine only. Returns the page and the URLs it tried to reach elsewhere. */
export async function localOnlyPage(browser: Browser): Promise<{ page: Page; blocked: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 900 } });
  const blocked = await keepLocal(context);
  const page = await context.newPage();
  return { page, blocked };
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns the violations. */
export async function axeViolations(page: Page, selector?: string): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]> {
  // judge the page at rest: Fluent fades rows and panels in, and a half-faded text fails colour contrast.
  await page.waitForFunction(
    () => (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    { timeout: 10_000 },
  );
  // evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force for the page.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (sel) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(sel ? { include: [[sel]] } : (globalThis as unknown as { document: object }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // a run that checked nothing (wrong selector, empty page) must not count as "no violations"
    if (result.passes.length === 0) throw new Error('axe checked no rule on this page');
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
}
