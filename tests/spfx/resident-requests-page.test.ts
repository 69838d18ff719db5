/**
 * The procesregisseur's side of the resident's status page in the web part (issue 19), on the local
 * coordinator page in headless Chromium against the real API server AND the real resident server on the
 * same SQLite store: a request the resident made on the status page is listed under "Verzoeken van
 * jongeren" with its kind and due date (and an overdue one says so in words), its kenmerk opens the case;
 * a kenmerk locked after wrong codes is listed under "Geblokkeerde codes"; in the case panel the
 * procesregisseur revokes the code (the old code stops opening the status page) and makes a new one,
 * shown once (it opens the page; it is gone from the DOM when the dialog closes); a 409 is shown in Dutch;
 * axe-core finds no WCAG 2.1 A/AA violation on the new parts.
 */
import type { Browser, Page } from 'playwright-core';
import { DEMO, inDays } from '../server/support/harness';
import type { Both } from '../resident/support';
import { caseInVerrijking, letterCode, login, startBoth } from '../resident/support';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/resident-requests-page (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

/** "2027-01-04" → "04-01-2027" (the web part's one day format, dd-mm-jjjj; issue 18 item 11), written out here, not by the web part's formatter. */
const dutchDay = (day: string): string => {
  const [y, m, d] = day.split('-');
  return `${d}-${m}-${y}`;
};

describeIfReady('the resident’s requests, locked codes and the access code in the web part', () => {
  let b: Both;
  let browser: Browser;
  let page: Page;
  let asking: { caseId: string; reference: string; code: string };
  let locked: { caseId: string; reference: string };
  let noLetter: { caseId: string; reference: string };
  let overdueRef: string;

  beforeAll(async () => {
    b = await startBoth({ baseDelayMs: 1, maxDelayMs: 5 }); // the default lock after 5 failures, short gaps
    // a resident signs in with the code from the letter and asks for the full export on the status page
    const a = await caseInVerrijking(b.t);
    asking = { ...a, code: await letterCode(b.t, a.caseId) };
    const session = await login(b.r, asking.reference, asking.code, '10.0.5.1');
    expect(session.status).toBe(303);
    const asked = await fetch(`${b.r.url}/request`, { method: 'POST', headers: { cookie: session.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=access' });
    expect(asked.status).toBe(200);
    // an objection received long ago, its deadline passed (written to the store as the resident server does)
    const old = await caseInVerrijking(b.t);
    overdueRef = old.reference;
    await b.t.server.store.putResidentState(
      'request:overdue-test',
      'request',
      JSON.stringify({ id: 'overdue-test', reference: old.reference, caseId: old.caseId, kind: 'objection', at: '2026-01-05T09:00:00.000Z', dueOn: '2026-02-05', status: 'open' }),
    );
    // someone tries five wrong codes from one address: the kenmerk is locked for that address (default limits)
    locked = await caseInVerrijking(b.t);
    await letterCode(b.t, locked.caseId);
    // (each wrong code from an address also slows that address down by a gap of at most maxDelayMs: wait it out)
    for (let i = 0; i < 5; i++) {
      expect((await login(b.r, locked.reference, '0000-0000-0000-0000', '198.51.100.9')).status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    noLetter = await caseInVerrijking(b.t);
    browser = await launchChromium();
    ({ page } = await localOnlyPage(browser));
    await page.goto(`${b.t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByTestId('resident-requests').getByRole('table').waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await b?.close();
  });

  test('the resident’s request is listed under "Verzoeken van jongeren" as "Inzage (art. 15)" with its one-month due date in Dutch; an overdue objection says "termijn verstreken" in words', async () => {
    const listed = await b.t.call<{ items: { reference: string; dueOn: string }[] }>('GET', '/api/v1/resident/requests', { as: DEMO.regisseur });
    const dueOn = listed.body.items.find((i) => i.reference === asking.reference)!.dueOn;
    const today = new Date();
    const monthLater = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate())).toISOString().slice(0, 10);
    expect([monthLater, inDays(28), inDays(29), inDays(30), inDays(31)]).toContain(dueOn);
    const section = page.getByTestId('resident-requests');
    await expect(section.getByRole('heading', { name: 'Verzoeken van jongeren' }).isVisible()).resolves.toBe(true);
    const row = section.getByRole('row').filter({ hasText: asking.reference });
    const cells = await row.getByRole('cell').allTextContents();
    expect([cells[0], cells[1], cells[3]]).toEqual([asking.reference, 'Inzage (art. 15)', dutchDay(dueOn)]);
    // received today: the municipality's day (Amsterdam), which may already be tomorrow's UTC day late in the evening
    expect([dutchDay(today.toISOString().slice(0, 10)), dutchDay(new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10))]).toContain(cells[2]);
    const late = section.getByRole('row').filter({ hasText: overdueRef });
    await expect(late.getByRole('cell').allTextContents()).resolves.toEqual([overdueRef, 'Bezwaar', '05-01-2026', '05-02-2026 (termijn verstreken)']);
    // most urgent first: the overdue one heads the list
    await expect(section.getByRole('row').nth(1).textContent()).resolves.toContain(overdueRef);
  });

  test('clicking the kenmerk of a request opens that case in the panel', async () => {
    await page.getByTestId('resident-requests').getByRole('button', { name: asking.reference }).click();
    await page.getByRole('heading', { name: `Casus ${asking.reference}` }).waitFor();
    await page.getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('heading', { name: `Casus ${asking.reference}` }).waitFor({ state: 'detached' });
  });

  test('after five wrong codes from one address the kenmerk is listed under "Geblokkeerde codes" with its failures and a locked-until time, under an explanation', async () => {
    const section = page.getByTestId('resident-locks');
    await expect(section.getByRole('heading', { name: 'Geblokkeerde codes' }).isVisible()).resolves.toBe(true);
    await expect(section.getByText(/^Na te veel foute pogingen blokkeert de statuspagina een kenmerk/).isVisible()).resolves.toBe(true);
    const cells = await section.getByRole('row').filter({ hasText: locked.reference }).getByRole('cell').allTextContents();
    expect(cells[0]).toBe(locked.reference);
    expect(cells[1]).toBe('5');
    expect(cells[2]).toMatch(/^\d{2}-\d{2}-\d{4},? (om )?\d{2}:\d{2}$/); // dd-mm-jjjj with the time
  });

  test('axe-core finds no WCAG 2.1 A/AA violation on the requests and locked codes', async () => {
    expect(await axeViolations(page, '[data-testid="resident-sections"]')).toEqual([]);
  });

  test('in the case panel the procesregisseur revokes the code (the old code stops working on the status page), then makes a new one: shown once, it opens the page, and it is gone from the page when the dialog closes', async () => {
    expect((await login(b.r, asking.reference, asking.code, '10.0.5.2')).status).toBe(303);
    await page.locator(`[data-case-id="${asking.caseId}"]`).click();
    const section = page.getByTestId('access-code');
    await section.getByRole('button', { name: 'Toegangscode intrekken' }).click();
    const revoke = page.getByRole('alertdialog', { name: 'Toegangscode intrekken' });
    await revoke.getByRole('button', { name: 'Bevestigen' }).waitFor();
    await expect(revoke.getByText(/werkt hierna niet meer/).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page, '.ms-Dialog-main')).toEqual([]);
    await revoke.getByRole('button', { name: 'Bevestigen' }).click();
    await section.getByText(`De toegangscode van ${asking.reference} is ingetrokken.`).waitFor();
    expect((await login(b.r, asking.reference, asking.code, '10.0.5.3')).status).toBe(401);

    await section.getByRole('button', { name: 'Nieuwe toegangscode maken' }).click();
    const reissue = page.getByRole('alertdialog', { name: 'Nieuwe toegangscode maken' });
    await reissue.getByRole('button', { name: 'Bevestigen' }).click();
    const shown = page.getByRole('alertdialog', { name: 'Nieuwe toegangscode' });
    const value = shown.getByTestId('access-code-value');
    await value.waitFor();
    const code = (await value.textContent())!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await expect(shown.getByText('U ziet deze code alleen nu: hij wordt nergens bewaard. Zet hem in een brief aan de jongere.').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page, '.ms-Dialog-main')).toEqual([]);
    expect((await login(b.r, asking.reference, code, '10.0.5.4')).status).toBe(303);
    expect((await login(b.r, asking.reference, asking.code, '10.0.5.5')).status).toBe(401);
    await shown.getByRole('button', { name: 'Sluiten' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(code);
    // both steps are in the case's audit, by the procesregisseur
    const audit = await b.t.server.store.readAudit({ caseId: asking.caseId, limit: 1000 });
    const purposes = audit.filter((a) => a.actorId === DEMO.regisseur).map((a) => a.purpose);
    expect(purposes).toEqual(expect.arrayContaining(['toegangscode statuspagina ingetrokken', 'toegangscode statuspagina opnieuw uitgegeven']));
    expect(await axeViolations(page, '[data-testid="access-code"]')).toEqual([]);
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('revoking where no code was issued shows the server’s Dutch refusal and what it means in the dialog (409, NO_CODE)', async () => {
    const refusal = await b.t.call<{ code: string; reason: string; messages: { nl: string } }>('POST', `/api/v1/cases/${noLetter.caseId}/access-code/revoke`, { as: DEMO.regisseur, body: {} });
    expect(refusal.status).toBe(409);
    expect(refusal.body.reason).toBe('NO_CODE');
    await page.locator(`[data-case-id="${noLetter.caseId}"]`).click();
    await page.getByTestId('access-code').getByRole('button', { name: 'Toegangscode intrekken' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Toegangscode intrekken' });
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    // Fluent's MessageBar renders an alert's text a moment after the alert itself (for screen readers)
    await dialog.getByRole('alert').filter({ hasText: refusal.body.messages.nl }).waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(`${refusal.body.messages.nl} Voor deze casus is nog geen toegangscode uitgegeven.`);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('when the list cannot be loaded the section says so in Dutch with "Opnieuw proberen", and the retry loads it', async () => {
    const { page: p } = await localOnlyPage(browser);
    // the API is down for this list only: the browser's request is answered 503 until the route is lifted
    await p.route('**/api/v1/resident/requests', (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: '{}' }));
    await p.goto(`${b.t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    const section = p.getByTestId('resident-requests');
    await section.getByRole('alert').filter({ hasText: 'De verzoeken van jongeren konden niet worden geladen.' }).waitFor({ timeout: 60_000 });
    expect(await axeViolations(p, '[data-testid="resident-requests"]')).toEqual([]);
    await p.unroute('**/api/v1/resident/requests');
    await section.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await section.getByRole('row').filter({ hasText: asking.reference }).waitFor();
    await p.close();
  });

  test('in English: the headings, "Access (art. 15)" and the due date in English', async () => {
    const { page: en } = await localOnlyPage(browser);
    await en.goto(`${b.t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}&lang=en`);
    const section = en.getByTestId('resident-requests');
    const late = section.getByRole('row').filter({ hasText: overdueRef });
    await late.waitFor({ timeout: 60_000 });
    await expect(section.getByRole('heading', { name: 'Requests from young people' }).isVisible()).resolves.toBe(true);
    await expect(en.getByTestId('resident-locks').getByRole('heading', { name: 'Locked codes' }).isVisible()).resolves.toBe(true);
    await expect(late.getByRole('cell').allTextContents()).resolves.toEqual([overdueRef, 'Objection', '01/05/2026', '02/05/2026 (deadline passed)']);
    await expect(section.getByRole('row').filter({ hasText: asking.reference }).getByRole('cell').nth(1).textContent()).resolves.toBe('Access (art. 15)');
    await en.close();
  });

  test('the voorzitter gets neither section nor the access-code actions, and the page never asks for the requests or locks', async () => {
    const { page: vz } = await localOnlyPage(browser);
    const asked: string[] = [];
    vz.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await vz.goto(`${b.t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.voorzitter)}`);
    await vz.locator(`[data-case-id="${asking.caseId}"]`).click({ timeout: 60_000 });
    await vz.getByRole('heading', { name: `Casus ${asking.reference}` }).waitFor();
    await vz.getByTestId('commands').waitFor();
    expect(await vz.getByTestId('resident-sections').count()).toBe(0);
    expect(await vz.getByTestId('access-code').count()).toBe(0);
    expect(asked.filter((p) => p.startsWith('/api/v1/resident/'))).toEqual([]);
    await vz.close();
  });
});

if (!ready) test.skip('resident requests in the web part, headless Chromium (skipped: see the line above)', () => undefined);
