/**
 * The resident's status page in headless Chromium (issue 19): a letter is generated, its code is read from
 * the .docx, the resident logs in with kenmerk + code on a phone-sized screen; the page shows the status and
 * the organisations that received data; after the case moves on, the new step; after the purge, only the
 * deletion date. The session cookie is HttpOnly, Secure and SameSite=Strict — and Chromium keeps a Secure
 * cookie on http://127.0.0.1 (a potentially trustworthy origin), so no local exception is needed. axe-core
 * (WCAG 2.1 A/AA) finds no violation on the login and status pages, nl and en. Nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSuiteReady, keepLocal, launchChromium } from '../support/chromium';
import { DEMO, command, inDays } from '../server/support/harness';
import type { Both } from './support';
import { caseInVerrijking, letterCode, startBoth } from './support';
import { dutchDay } from '../support/dutch-day';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const run = browserSuiteReady('resident status page') ? describe : describe.skip;
jest.setTimeout(180_000);

run('the resident status page in Chromium', () => {
  let b: Both;
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  let page: Page;

  beforeAll(async () => {
    b = await startBoth({ baseDelayMs: 1, maxDelayMs: 5 });
    browser = await launchChromium();
    // a phone; CSP bypassed only so that the test can inject axe (the page itself allows no script at all)
    context = await browser.newContext({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, bypassCSP: true });
    blocked = await keepLocal(context);
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await b?.close();
  });

  async function axeViolations(): Promise<string[]> {
    await page.addScriptTag({ content: AXE_SOURCE });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_21_AA)} } })`)) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  const fitsThePhone = async (): Promise<boolean> => (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) as boolean;

  test('letter → code from the .docx → status and recipients; the case moves on → the new step; the purge → the deletion date only', async () => {
    const { caseId, reference } = await caseInVerrijking(b.t);
    const code = await letterCode(b.t, caseId);

    await page.goto(`${b.r.url}/`);
    expect(await page.textContent('h1')).toBe('Hoe staat het met mijn zaak?');
    expect(await axeViolations()).toEqual([]);
    expect(await fitsThePhone()).toBe(true);
    await page.goto(`${b.r.url}/?lang=en`);
    expect(await axeViolations()).toEqual([]);

    await page.goto(`${b.r.url}/`);
    await page.getByLabel('Kenmerk').fill(reference);
    await page.getByLabel('Toegangscode').fill(code);
    await page.getByRole('button', { name: 'Bekijk mijn zaak' }).click();
    await page.waitForURL(/\/status/);
    const body = (await page.textContent('main'))!;
    expect(body).toContain('We verzamelen informatie');
    expect(body).toContain('Politie');
    expect(body).toContain('Wijkteam');
    expect(body).not.toContain('School');
    expect(await axeViolations()).toEqual([]);
    expect(await fitsThePhone()).toBe(true);

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'sjv_resident');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000 + 5000);

    await page.goto(`${b.r.url}/status?lang=en`); // the Secure cookie is sent back over http://127.0.0.1
    expect(await page.textContent('h1')).toBe('We are gathering information');
    expect(await axeViolations()).toEqual([]);

    // the case moves on
    await command(b.t, DEMO.agent, 'answerEnrichment', caseId, { known: true, signals: ['LAAT_OP_STRAAT'] });
    await command(b.t, DEMO.regisseur, 'concludeEnrichment', caseId, {});
    await page.goto(`${b.r.url}/status`);
    expect(await page.textContent('h1')).toBe('De partners bespreken je situatie');
    expect(await page.textContent('ol.steps')).toContain('Bespreking door de partners');

    // closed and purged: only the day the data was destroyed
    await command(b.t, DEMO.regisseur, 'withdrawCase', caseId, { rationale: 'De zorg is weggenomen.', advisedRoute: 'WIJKTEAM' });
    const run = await b.t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf: inDays(1100) } });
    expect(run.status).toBe(200);
    const record = (await b.t.server.store.transaction((tx) => tx.getCase(caseId)))!;
    expect(record.frame.phase).toBe('PURGED');
    await page.goto(`${b.r.url}/status`);
    expect(await page.textContent('h1')).toBe('Je gegevens zijn vernietigd');
    // the page names the day in the Netherlands (Europe/Amsterdam, as letters do): between 23:00 and 24:00 UTC
    // (22:00 in summer) that is the next UTC day
    const [y, m, d] = dutchDay(record.frame.purgedAt!).split('-').map(Number) as [number, number, number];
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const purged = (await page.textContent('main'))!;
    expect(purged).toContain(`${d} ${months[m - 1]} ${y}`);
    for (const gone of ['Politie', 'Wijkteam', 'Bespreking', 'Je rechten']) expect(purged).not.toContain(gone);
    expect(await axeViolations()).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
