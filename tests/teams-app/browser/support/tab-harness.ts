/**
 * The parts every browser test of the tab shares: the real server (local mode, port 0, SQLite in a temp dir)
 * serving the real build, a signaaltafel session made over the API, the tab framed by the Teams test host,
 * and axe-core run inside the tab's frame.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { buildTab } from '../../../../teams-app/build';
import type { TestServer } from '../../../server/support/harness';
import { DEMO, startTestServer, tempDir } from '../../../server/support/harness';
import { isolatedContext, launch } from './browser';
import type { TeamsHostOptions } from './teams-host';
import { teamsHostPage } from './teams-host';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface TabHarness {
  t: TestServer;
  browser: Browser;
  context: () => BrowserContext & { blocked: string[] };
  newContext: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startTabHarness(): Promise<TabHarness> {
  const pagesDir = tempDir('sjv-tab-pages-');
  await buildTab(pagesDir);
  const t = await startTestServer({ SJV_PAGES_DIR: pagesDir });
  const browser = await launch();
  let context: (BrowserContext & { blocked: string[] }) | undefined;
  return {
    t,
    browser,
    context: () => {
      if (!context) throw new Error('no browser context');
      return context;
    },
    newContext: async () => {
      await context?.close();
      context = await isolatedContext(browser);
    },
    close: async () => {
      await context?.close();
      await browser.close();
      await t.close();
      rmSync(pagesDir, { recursive: true, force: true });
    },
  };
}

let meetings = 0;
/** A signaaltafel session over the API: a new Teams meeting id, agenda of the given cases, optionally opened. */
export async function sessionWith(t: TestServer, caseIds: string[], opts: { open?: boolean; scheduledOn?: string } = {}): Promise<{ teamsMeetingId: string; meetingId: string }> {
  const teamsMeetingId = `19:meeting_chair${++meetings}_${Date.now()}@thread.v2`;
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId, title: 'Signaaltafel', scheduledOn: opts.scheduledOn ?? '2026-03-03' } });
  if (m.status !== 201) throw new Error(`meeting not created: ${m.status}`);
  // the version the server answered: a new session may start at 2, with items an ended one moved on (setAgenda replaces them)
  const a = await t.call('POST', `/api/v1/meetings/${m.body.id}/agenda`, { as: DEMO.regisseur, body: { caseIds, expectedVersion: m.body.version } });
  if (a.status !== 200) throw new Error(`agenda not set: ${a.status}`);
  if (opts.open) {
    const s = await t.call('POST', `/api/v1/meetings/${m.body.id}/start`, { as: DEMO.voorzitter, body: {} });
    if (s.status !== 200) throw new Error(`not started: ${s.status}`);
  }
  return { teamsMeetingId, meetingId: m.body.id };
}

export async function openTab(h: TabHarness, o: Omit<TeamsHostOptions, 'tabPath'>): Promise<{ page: Page; tab: FrameLocator; frame: () => Frame }> {
  const page = await h.context().newPage();
  const hostUrl = `${h.t.url}/pages/__teams-host.html`;
  await page.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamsHostPage({ tabPath: '/pages/index.html', ...o }) }));
  await page.goto(hostUrl);
  const frame = () => {
    const f = page.frames().find((x) => x.url().includes('/pages/index.html'));
    if (!f) throw new Error('tab frame missing');
    return f;
  };
  return { page, tab: page.frameLocator('#tab'), frame };
}

export async function axeViolations(h: TabHarness, frame: Frame): Promise<string[]> {
  // served from the tab's own origin: the page's content security policy allows no inline script.
  await frame.page().route(`${h.t.url}/pages/__axe.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: AXE_SOURCE }));
  await frame.addScriptTag({ url: '/pages/__axe.js' });
  const result = (await frame.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })`)) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

export async function eventually(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within ${ms} ms: ${what}`);
}
