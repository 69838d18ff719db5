/**
 * The local dashboard in a real browser (headless Chromium through playwright-core) against a real
 * server: sign in as the privacy officer and as the procesregisseur, see the anonymous figures, the
 * audit verification and the retention report — and, for the FG, nothing of any case's content.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { User } from '../../src/core/model';
import type { TestServer } from '../server/support/harness';
import { DEMO, inDays, startTestServer } from '../server/support/harness';
import { browserSuiteReady, keepLocal, launchChromium } from '../support/chromium';

const ready = browserSuiteReady('tests/transparency/dashboard');
const suite = ready ? describe : describe.skip;

let t: TestServer;
let browser: Browser;

let blocked: string[] = [];

beforeAll(async () => {
  if (!ready) return;
  t = await startTestServer();
  const user = async (id: string): Promise<User> => (await t.server.store.getUser(id))!;
  // six concerns, each with a resident whose identity the FG must never see
  for (let i = 0; i < 6; i++) {
    const r = await t.server.service.execute('submitConcern', await user(DEMO.mentor), { commandId: randomUUID(), ageYears: 15, riskSignals: ['GELD'], registrationsBand: '0' });
    if (!r.ok) throw r.error;
    const caseId = r.value.caseId;
    for (const [name, as, input] of [
      ['decideSuspicion', DEMO.voorzitter, { suspicion: true, rationale: 'Signalen.' }],
      ['supplyIdentity', DEMO.mentor, { name: `Geheime Naam${i}`, dateOfBirth: '2011-02-02' }],
      ['requestEnrichment', DEMO.regisseur, { organisationIds: ['politie'], dueOn: inDays(14) }],
    ] as const) {
      const c = await t.server.service.execute(name, await user(as), { commandId: randomUUID(), caseId, ...input });
      if (!c.ok) throw c.error;
    }
    if (i === 0) {
      // informing deferred to three days from now: due within the dashboard's look-ahead
      const d = await t.server.service.execute('recordResidentInformed', await user(DEMO.mentor), { commandId: randomUUID(), caseId, deferral: { reason: 'Eerst overleg met school.', until: inDays(3) } });
      if (!d.ok) throw d.error;
    }
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(as: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'nl-NL' });
  blocked = await keepLocal(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // a missing favicon is reported as a console error without its address; responses are checked below
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${t.url}/pages/transparency/`);
  await page.selectOption('#local-user', as);
  await page.click('#local-signin button[type=submit]');
  await page.waitForSelector('#stats-body .tiles');
  return { page, errors };
}

suite('the accountability dashboard', () => {
  test('shows the privacy officer the anonymous figures with charts, the audit check and the retention report, and no case content', async () => {
    const { page, errors } = await signedIn(DEMO.fg);
    expect(await page.textContent('#who')).toContain('Functionaris gegevensbescherming');
    expect(await page.textContent('#stats-body .tiles')).toContain('6');
    expect(await page.locator('#stats-body svg.chart').count()).toBe(3);
    expect(await page.textContent('#stats-body')).toContain('<5');
    expect(await page.isVisible('#reminders')).toBe(false);
    await page.click('#verify');
    await page.waitForSelector('#verification-body .ok');
    expect(await page.textContent('#verification-body')).toMatch(/De hashketen is intact: \d+ regels gecontroleerd\./);
    await page.waitForSelector('#retention-body h3');
    const content = await page.content();
    expect(content).not.toMatch(/Geheime Naam|2011-02-02/);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });

  test('shows the procesregisseur the informing deadlines and downloads the CSV', async () => {
    const { page, errors } = await signedIn(DEMO.regisseur);
    await page.waitForSelector('#reminders-body table');
    expect(await page.locator('#reminders-body tbody tr').count()).toBe(1);
    expect(await page.textContent('#reminders-body tbody')).toMatch(/SJV-\d{4}-0001.*mentor@school\.demo.*binnenkort, uitgesteld/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    expect(download.suggestedFilename()).toMatch(/^statistieken-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.selectOption('#lang', 'en');
    await page.locator('#stats-body h3', { hasText: 'Concerns per month' }).waitFor();
    expect(await page.textContent('#period-h')).toBe('Period');
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
