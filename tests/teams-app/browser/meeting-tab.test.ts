/**
 * The meeting tab in headless Chromium, framed by a same-origin Teams test host that answers teams-js's
 * postMessages, against the real server (local mode, port 0, SQLite in a temp dir) serving the real build.
 * Nothing leaves the machine; teams-js's CDN fetch is stubbed.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { meetingEventsFor } from '../../../src/server/meeting-events';
import { buildTab } from '../../../teams-app/build';
import type { TestServer } from '../../server/support/harness';
import { DEMO, driveTo, startTestServer, tempDir } from '../../server/support/harness';
import { browserAvailable, isolatedContext, launch } from './support/browser';
import type { TeamsHostOptions } from './support/teams-host';
import { teamsHostPage } from './support/teams-host';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(120_000);

run('the meeting tab in Teams (test host, headless Chromium, real server)', () => {
  /** The server's clock: real time, shifted by a test that needs a case from weeks ago (tokens keep real time). */
  const clock = { shiftDays: 0, now: () => new Date(Date.now() + clock.shiftDays * 86_400_000) };
  let t: TestServer;
  let pagesDir: string;
  let browser: Browser;
  let context: BrowserContext & { blocked: string[] };

  beforeAll(async () => {
    pagesDir = tempDir('sjv-tab-pages-');
    await buildTab(pagesDir);
    t = await startTestServer({ SJV_PAGES_DIR: pagesDir }, { clock });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    context = await isolatedContext(browser);
  });
  afterEach(async () => {
    // the tab never reached another host than this machine (the stubbed CDN list aside).
    expect(context.blocked).toEqual([]);
    await context.close();
  });

  let meetings = 0;
  /** A signaaltafel session over the API: a new Teams meeting id, agenda of the given cases. */
  async function sessionWith(caseIds: string[], open = false): Promise<{ teamsMeetingId: string; meetingId: string }> {
    const teamsMeetingId = `19:meeting_browser${++meetings}@thread.v2`;
    const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId, title: 'Signaaltafel', scheduledOn: '2026-03-03' } });
    expect(m.status).toBe(201);
    const a = await t.call('POST', `/api/v1/meetings/${m.body.id}/agenda`, { as: DEMO.regisseur, body: { caseIds, expectedVersion: 1 } });
    expect(a.status).toBe(200);
    if (open) expect((await t.call('POST', `/api/v1/meetings/${m.body.id}/start`, { as: DEMO.voorzitter, body: {} })).status).toBe(200);
    return { teamsMeetingId, meetingId: m.body.id };
  }

  /** `tabPath`: the URL Teams loads (a tab saved by the config page carries locale and theme, teams-app/src/host/url.ts). */
  async function openTab(o: Omit<TeamsHostOptions, 'tabPath'>, tabPath = '/pages/index.html'): Promise<{ page: Page; tab: FrameLocator; frame: () => Frame }> {
    const page = await context.newPage();
    const hostUrl = `${t.url}/pages/__teams-host.html`;
    await page.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamsHostPage({ ...o, tabPath }) }));
    await page.goto(hostUrl);
    const frame = () => {
      const f = page.frames().find((x) => x.url().includes('/pages/index.html'));
      if (!f) throw new Error('tab frame missing');
      return f;
    };
    return { page, tab: page.frameLocator('#tab'), frame };
  }

  async function axeViolations(frame: Frame): Promise<string[]> {
    // served from the tab's own origin: the page's content security policy allows no inline script.
    await frame.page().route(`${t.url}/pages/__axe.js`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: AXE_SOURCE }));
    await frame.addScriptTag({ url: '/pages/__axe.js' });
    const result = (await frame.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })`)) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }

  const caseOf = async (caseId: string) => (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body;

  async function eventually(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`not within ${ms} ms: ${what}`);
  }

  test('the chair opens the session, decides a suspicion and records a bespreking in the side panel, and shares an item to the stage', async () => {
    const inbreng = await driveTo(t, 'INBRENG');
    const bespreking = await driveTo(t, 'BESPREKING');
    const { teamsMeetingId } = await sessionWith([inbreng, bespreking]);
    const { page, tab, frame } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 380 });

    await tab.getByRole('button', { name: 'Signaaltafel openen' }).click();
    const refInbreng: string = (await caseOf(inbreng)).reference;
    const suspicion = tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refInbreng}` });
    // WCAG 2.2 target size (2.5.8): each choice's clickable target is at least 24 × 24 CSS px
    await suspicion.locator('.ms-ChoiceField-field').nth(1).waitFor(); // the form renders after the session opens
    const targets = await suspicion.locator('.ms-ChoiceField-field').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) }; }));
    expect(targets).toHaveLength(2);
    for (const box of targets) expect(Math.min(box.w, box.h)).toBeGreaterThanOrEqual(24);
    await suspicion.locator('label').filter({ hasText: /^Ja$/ }).click();
    await suspicion.getByRole('textbox', { name: /Onderbouwing/ }).fill('Meerdere signalen van dealen en geld.');
    await suspicion.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await tab.getByRole('article', { name: new RegExp(refInbreng) }).getByText('Redelijk vermoeden: ja').first().waitFor();
    expect((await caseOf(inbreng)).phase).toBe('VERRIJKING');

    const refBespreking: string = (await caseOf(bespreking)).reference;
    // after the decision on item 1 the next item to decide, the bespreking, is open.
    const talk = tab.getByRole('form', { name: `Bespreking ${refBespreking}` });
    await talk.getByText('Politie basisteam', { exact: true }).click();
    await talk.getByText('Jongerenwerk', { exact: true }).click();
    await talk.getByRole('combobox', { name: /^Zorgelijke leefgebieden/ }).click();
    await tab.getByRole('listbox').getByText('School en werk', { exact: true }).click();
    await page.keyboard.press('Escape');
    await talk.getByRole('combobox', { name: /^Regiehouder/ }).click();
    await tab.getByRole('option', { name: 'Jongerenwerk' }).click();
    await talk.getByRole('button', { name: 'Afronden: naar opvolging' }).click();
    await eventually(async () => (await caseOf(bespreking)).phase === 'OPVOLGING', 'the bespreking is completed');
    const recorded = await caseOf(bespreking);
    expect(recorded.discussion).toMatchObject({ parties: ['politie', 'jongerenwerk'], leadOrganisationId: 'jongerenwerk', lifeDomains: { SCHOOL: 'concerning' } });

    // every item decided: all are one summary line; the chair opens the bespreking to share it
    await tab.getByRole('article', { name: new RegExp(refBespreking) }).getByRole('button', { expanded: false }).click();
    await tab.getByRole('article', { name: new RegExp(refBespreking) }).getByRole('button', { name: /^Delen op het podium/ }).click();
    await eventually(async () => ((await page.evaluate('window.__teamsHost.shared')) as string[]).length === 1, 'the host was asked to share to the stage');
    expect((await page.evaluate('window.__teamsHost.shared')) as string[]).toEqual([expect.stringMatching(/\/pages\/index\.html\?view=stage$/)]);
    expect((await page.evaluate('window.__teamsHost.calls')) as string[]).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'meeting.shareAppContentToStage']));

    expect(await axeViolations(frame())).toEqual([]);
  });

  test('the side panel flags a case whose resident was not informed within a month of identity capture, and not a fresh case', async () => {
    clock.shiftDays = -40; // identity captured 40 days ago …
    let late: string;
    try {
      late = await driveTo(t, 'BESPREKING');
    } finally {
      clock.shiftDays = 0;
    }
    const fresh = await driveTo(t, 'BESPREKING'); // … and today
    const { teamsMeetingId } = await sessionWith([late, fresh], true);
    const refLate: string = (await caseOf(late)).reference;
    const refFresh: string = (await caseOf(fresh)).reference;
    for (const [user, locale, theme, flag] of [
      [DEMO.voorzitter, 'nl-nl', 'default', 'Informeren te laat'],
      [DEMO.regisseur, 'en-us', 'contrast', 'Informing overdue'],
    ] as const) {
      const { tab, frame } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user, width: 380, locale, theme });
      const lateItem = tab.getByRole('article', { name: new RegExp(`${refLate}$`) });
      const freshItem = tab.getByRole('article', { name: new RegExp(`${refFresh}$`) });
      await lateItem.getByTestId('overdue-flags').getByText(flag, { exact: true }).waitFor();
      await freshItem.waitFor();
      expect(await lateItem.getByTestId('overdue-flags').innerText()).not.toMatch(/Verrijking verlopen|Enrichment overdue/);
      expect(await freshItem.getByTestId('overdue-flags').count()).toBe(0);
      expect(await freshItem.innerText()).not.toContain(flag);
      expect(await axeViolations(frame())).toEqual([]);
    }
  });

  test('the stage view of a case with identity shows no name or date of birth — for the chair and for a member', async () => {
    const bespreking = await driveTo(t, 'BESPREKING');
    const identity = (await caseOf(bespreking)).identity;
    expect(identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    const { teamsMeetingId, meetingId } = await sessionWith([bespreking], true);
    const agenda = await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
    expect((await t.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id } })).status).toBe(200);
    const reference: string = (await caseOf(bespreking)).reference;
    // the inbrenger is the member here that reads the concern (B) in Bespreking; a partner only asked for
    // enrichment reads the frame alone, and the stage shows each viewer what the policy gives them now.
    for (const user of [DEMO.voorzitter, DEMO.mentor]) {
      const { tab, frame } = await openTab({ frameContext: 'meetingStage', meetingId: teamsMeetingId, user, width: 1100 });
      await tab.getByText(`Agendapunt 1: ${reference}`).waitFor();
      const shown = (await tab.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(shown).toContain('13–15 jaar');
      expect(shown).toContain('Onverklaarbaar geld of dure spullen');
      for (const personal of ['Test Persoon', 'Persoon', '2011-05-04', '04-05-2011', '4 mei 2011', 'dure kleding']) expect(shown).not.toContain(personal);
      expect(await axeViolations(frame())).toEqual([]);
    }
  });

  test('the stage follows the chair by push: no 3 s polling while the stream is up, one re-fetch after the share, with the new item', async () => {
    const hub = meetingEventsFor(t.server.store);
    const checkEvery = hub.checkEveryMs;
    hub.checkEveryMs = 200; // the server's counter interval, shortened (10 s in production)
    try {
      const bespreking = await driveTo(t, 'BESPREKING');
      const { teamsMeetingId, meetingId } = await sessionWith([bespreking], true);
      const { page, tab } = await openTab({ frameContext: 'meetingStage', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 1100 });
      await tab.getByText('Er is nog geen agendapunt gedeeld.').waitFor();
      // the stream is open (the instance counts it) before the chair shares
      await eventually(async () => hub.open(meetingId) === 1, 'the stage listens to the meeting');
      const stageFetches: number[] = [];
      page.on('request', (r) => {
        if (r.method() === 'GET' && r.url().endsWith(`/api/v1/meetings/${meetingId}/stage`)) stageFetches.push(Date.now());
      });
      // while the stream is up the stage does not poll every 3 s (only a slow safety poll)
      await new Promise((r) => setTimeout(r, 3500));
      expect(stageFetches.length).toBe(0);
      const agenda = await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
      const shared = Date.now();
      expect((await t.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id } })).status).toBe(200);
      await tab.getByText(`Agendapunt 1: ${(await caseOf(bespreking)).reference}`).waitFor({ timeout: 10_000 });
      expect(Date.now() - shared).toBeLessThan(2500);
      await new Promise((r) => setTimeout(r, 500));
      expect(stageFetches.length).toBe(1);
    } finally {
      hub.checkEveryMs = checkEvery;
    }
  });

  test('a member of an organisation not involved in a bespreking case sees that the item exists, not its content', async () => {
    const inbreng = await driveTo(t, 'INBRENG');
    const bespreking = await driveTo(t, 'BESPREKING');
    const { teamsMeetingId } = await sessionWith([inbreng, bespreking], true);
    const { tab, frame } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.leerplicht });
    const item2 = tab.getByRole('article', { name: 'Agendapunt 2' });
    await item2.getByText('Dit agendapunt is er, maar de inhoud is niet voor uw organisatie.').waitFor();
    const shown = await tab.locator('body').innerText();
    expect(shown).not.toContain((await caseOf(bespreking)).reference);
    expect(shown).not.toContain('Politie basisteam');
    expect(shown).toContain((await caseOf(inbreng)).reference);
    expect(await tab.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
    expect(await axeViolations(frame())).toEqual([]);
  });

  test('an anonymous participant (no SSO token) sees nothing of any case, on the side panel or the stage', async () => {
    const bespreking = await driveTo(t, 'BESPREKING');
    const { teamsMeetingId, meetingId } = await sessionWith([bespreking], true);
    const agenda = await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
    await t.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[0].id } });
    for (const frameContext of ['sidePanel', 'meetingStage'] as const) {
      const { tab } = await openTab({ frameContext, meetingId: teamsMeetingId, user: null });
      await tab.getByTestId('no-access').waitFor();
      expect(await tab.locator('body').innerText()).not.toContain('SJV-');
    }
  });

  test('follows the Teams theme (dark, then high contrast when Teams switches) and locale en-US, without accessibility violations', async () => {
    const inbreng = await driveTo(t, 'INBRENG');
    const { teamsMeetingId } = await sessionWith([inbreng], true);
    const { page, tab, frame } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, theme: 'dark', locale: 'en-us' });
    await tab.getByRole('button', { name: 'Record decision' }).waitFor();
    const background = () => frame().evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
    expect(await background()).toBe('rgb(31, 31, 31)');
    expect(await frame().evaluate('document.documentElement.lang')).toBe('en');
    expect(await axeViolations(frame())).toEqual([]);
    await page.evaluate("window.__setTheme('contrast')");
    await eventually(async () => (await background()) === 'rgb(0, 0, 0)', 'the high-contrast theme is applied');
    expect(await axeViolations(frame())).toEqual([]);
  });

  test('loaded from the saved content URL (locale en-us, theme dark), the side panel shows its loading state in English and dark before Teams answers initialize; then the agenda, and it follows Teams’ theme change', async () => {
    const inbreng = await driveTo(t, 'INBRENG');
    const { teamsMeetingId } = await sessionWith([inbreng], true);
    const { page, tab, frame } = await openTab(
      { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, theme: 'dark', locale: 'en-us', holdInitialize: true },
      // what Teams loads for the content URL the config page saved, its placeholders replaced (learn.microsoft.com/microsoftteams/platform/concepts/tabs/tabs-context)
      '/pages/index.html?locale=en-us&theme=dark',
    );
    await tab.getByText('Loading…').waitFor();
    const background = () => frame().evaluate('getComputedStyle(document.body).backgroundColor') as Promise<string>;
    expect(await background()).toBe('rgb(31, 31, 31)');
    expect(await frame().evaluate('document.documentElement.lang')).toBe('en');
    expect(await frame().evaluate("performance.getEntriesByName('sjv:first-render').length")).toBe(1);
    // Teams has been asked, and has not answered: nothing after initialize was asked yet
    expect(await page.evaluate('window.__teamsHost.calls')).toEqual(['initialize']);
    // …and the session's chunks wait for the meeting (while Teams is asked, the main thread is teams-js's):
    // a second is far longer than they take to arrive once asked for
    await page.waitForTimeout(1000);
    expect(await frame().evaluate("performance.getEntriesByType('resource').filter((e) => e.name.includes('/chunks/session-parts-')).length")).toBe(0);
    await page.evaluate('window.__answerInitialize()');
    await tab.getByRole('button', { name: 'Record decision' }).waitFor();
    // told Teams it has rendered (Teams hides its loading indicator), once
    expect(((await page.evaluate('window.__teamsHost.calls')) as string[]).filter((c) => c === 'appInitialization.success')).toHaveLength(1);
    await page.evaluate("window.__setTheme('contrast')");
    await eventually(async () => (await background()) === 'rgb(0, 0, 0)', 'the high-contrast theme is applied');
    expect(await axeViolations(frame())).toEqual([]);
  });

  test('where the saved URL and Teams’ context differ (the user changed theme and language since), the context decides once Teams answers', async () => {
    const inbreng = await driveTo(t, 'INBRENG');
    const { teamsMeetingId } = await sessionWith([inbreng], true);
    const { tab, frame } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, theme: 'dark', locale: 'en-us' }, '/pages/index.html?locale=nl-nl&theme=default');
    await tab.getByRole('button', { name: 'Record decision' }).waitFor();
    expect(await frame().evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(31, 31, 31)');
    expect(await frame().evaluate('document.documentElement.lang')).toBe('en');
  });

  test('loaded from the saved content URL, an anonymous participant (Teams refuses the SSO token asked beside the context) sees "no access" and nothing of any case', async () => {
    const bespreking = await driveTo(t, 'BESPREKING');
    const { teamsMeetingId } = await sessionWith([bespreking], true);
    const { page, tab } = await openTab({ frameContext: 'sidePanel', meetingId: teamsMeetingId, user: null }, '/pages/index.html?locale=nl-nl&theme=default');
    await tab.getByTestId('no-access').waitFor();
    expect(await tab.locator('body').innerText()).not.toContain('SJV-');
    // Teams is asked no more often than a tab saved before asks it (twice: the side panel's two first calls
    // share one request; after the refusal the next asks again)
    expect(((await page.evaluate('window.__teamsHost.calls')) as string[]).filter((c) => c === 'authentication.getAuthToken').length).toBeLessThanOrEqual(2);
  });

  test('outside Teams the page detects standalone at once and offers the demo-user picker (local mode)', async () => {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${t.url}/pages/index.html`);
    await page.getByRole('button', { name: 'Openen' }).waitFor({ timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    await page.getByRole('combobox', { name: /^Demogebruiker/ }).click();
    await page.getByRole('option', { name: /ambtenaar@leerplicht\.demo/ }).click();
    await page.getByRole('button', { name: 'Openen' }).click();
    await page.getByText('Aangemeld als ambtenaar@leerplicht.demo').waitFor();
    await page.getByText('Aan deze vergadering is nog geen signaaltafel gekoppeld.').waitFor();
    expect(await axeViolations(page.mainFrame())).toEqual([]);
  });

  test('in a frame that is not Teams (no answer to initialize) the page goes standalone within seconds, not after 60', async () => {
    const page = await context.newPage();
    const hostUrl = `${t.url}/pages/__silent-host.html`;
    await page.route(hostUrl, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="en"><title>silent</title><iframe id="tab" title="tab" src="/pages/index.html" style="width:600px;height:600px"></iframe></html>' }),
    );
    const started = Date.now();
    await page.goto(hostUrl);
    await page.frameLocator('#tab').getByRole('button', { name: 'Openen' }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
