/**
 * The web part's local page, headless Chromium against the real server: search by kenmerk (issue 16) — part
 * of a kenmerk narrows the list, a name is refused in Dutch at the field; a disabled confirmation says what
 * is missing; the case panel and its audit trail show labels, not the stored codes (issue 18 items 7, 13).
 */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, cmdId, command, inDays, startTestServer } from '../server/support/harness';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/coordinator-workbench (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

describeIfReady('the local coordinator page: search, dialogs, readable values', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  const refs: string[] = [];

  beforeAll(async () => {
    t = await startTestServer();
    for (let i = 0; i < 3; i++) {
      const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
      expect(r.status).toBe(201);
      refs.push(r.body.reference);
    }
    browser = await launchChromium();
    ({ page, blocked } = await localOnlyPage(browser));
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByRole('button', { name: refs[0] }).waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('typing the last digits of a kenmerk narrows the list to that case; emptying the box shows all again', async () => {
    const box = page.getByRole('textbox', { name: 'Zoek op kenmerk' });
    await box.fill(refs[1]!.slice(-4));
    await page.getByRole('button', { name: refs[0] }).waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: refs[1] }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('1 casus');
    await box.fill('');
    await page.getByRole('button', { name: refs[0] }).waitFor();
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('3 casussen');
    expect(blocked).toEqual([]);
  });

  test('a name in the search box is refused in Dutch at the field and the list does not change', async () => {
    const box = page.getByRole('textbox', { name: 'Zoek op kenmerk' });
    await box.fill('Jan de Vries');
    await page.getByText('Zoeken op naam kan hier niet.', { exact: false }).waitFor();
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('3 casussen');
    expect(await axeViolations(page)).toEqual([]);
    await box.fill('');
  });

  test('a disabled "Bevestigen" says what is still missing, and the list of missing fields shrinks as they are filled in', async () => {
    await page.getByRole('button', { name: refs[2] }).click();
    await page.getByRole('button', { name: 'Besluit redelijk vermoeden', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Besluit redelijk vermoeden' });
    const confirm = dialog.getByRole('button', { name: 'Bevestigen' });
    await confirm.waitFor();
    await expect(confirm.isDisabled()).resolves.toBe(true);
    const description = async (): Promise<string> => page.locator(`#${await confirm.getAttribute('aria-describedby')}`).innerText();
    expect(await description()).toMatch(/^Nog in te vullen: Redelijk vermoeden[^,]*, Toelichting/);
    await dialog.getByRole('textbox', { name: /Toelichting/ }).fill('Meerdere signalen van dealen.');
    expect(await description()).not.toContain('Toelichting');
    expect(await axeViolations(page, '.ms-Dialog-main')).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
  });

  test('the case panel and its audit trail read as words: statuses, roles, actions and the step taken, never the stored codes', async () => {
    const caseId = (await t.call('GET', `/api/v1/cases?q=${refs[0]}`, { as: DEMO.regisseur })).body.items[0].id as string;
    await command(t, DEMO.voorzitter, 'decideSuspicion', caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    await command(t, DEMO.mentor, 'supplyIdentity', caseId, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    await command(t, DEMO.regisseur, 'requestEnrichment', caseId, { organisationIds: ['politie'], dueOn: inDays(14) });
    await page.reload();
    await page.getByRole('button', { name: refs[0] }).click();
    const panel = page.locator('.ms-Panel');
    await panel.locator('section[data-group="D"]').waitFor();
    const enrichment = await panel.locator('section[data-group="D"]').innerText();
    expect(enrichment).toContain('Open');
    expect(enrichment).not.toMatch(/\bopen\b/);
    await panel.getByRole('button', { name: 'Audittrail tonen' }).click();
    const trail = await panel.getByTestId('audit-trail').innerText();
    expect(trail).toContain('Besluit redelijk vermoeden: Inbreng → Verrijking');
    expect(trail).toContain('Naar een volgende fase');
    expect(trail).toContain('Voorzitter');
    for (const raw of ['decideSuspicion', 'INBRENG', 'transition', 'voorzitter\t', 'requestEnrichment']) expect(trail).not.toContain(raw);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('a list that cannot load shows the error with "Opnieuw proberen" and no "Laden…" beside it; an empty list says "with these filters" only when a filter is set', async () => {
    const list = /\/api\/v1\/cases\?/;
    await page.route(list, (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ code: 'STORE.UNAVAILABLE', status: 503, title: 'x', messages: { nl: 'De opslag is even niet bereikbaar.', en: 'The store is unavailable.' } }) }));
    await page.reload();
    await page.getByRole('button', { name: 'Opnieuw proberen' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Laden');
    await page.unroute(list);
    await page.route(list, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [], total: 0, limit: 50, offset: 0 }) }));
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByText('Er zijn geen open casussen.').waitFor(); // the list opens on the open cases
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByText('Er zijn nog geen casussen.').waitFor();
    await page.getByRole('textbox', { name: 'Zoek op kenmerk' }).fill('0042');
    await page.getByText('Geen casussen gevonden met deze filters.').waitFor();
    await page.unroute(list);
    await page.getByRole('textbox', { name: 'Zoek op kenmerk' }).fill('');
    await page.getByRole('button', { name: refs[0] }).waitFor();
  });

  test('a submit whose answer was lost (timed out) is sent again by itself with the same commandId: the server replays it, the step is taken once', async () => {
    const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
    const ref: string = r.body.reference;
    await page.reload();
    await page.getByRole('button', { name: ref }).click();
    await page.getByRole('button', { name: 'Besluit redelijk vermoeden', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Besluit redelijk vermoeden' });
    await dialog.getByText('Ja, er is een redelijk vermoeden', { exact: true }).click(); // the label: Fluent's radio input sits under it
    await dialog.getByRole('textbox', { name: /Toelichting/ }).fill('Meerdere signalen van dealen.');
    const sent: string[] = [];
    const command = /\/decide-suspicion$/;
    let lose = true;
    await page.route(command, async (route) => {
      sent.push((route.request().postDataJSON() as { commandId: string }).commandId);
      const answer = await route.fetch(); // the server does the step …
      if (lose) {
        lose = false;
        await route.abort('timedout'); // … and the answer is lost on the way back
      } else await route.fulfill({ response: answer });
    });
    // one click: the web part sends the command again by itself when no answer came (apiClient.execute)
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Deze stap was al vastgelegd; er is niets gewijzigd.').waitFor();
    await page.unroute(command);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    const view = await t.call('GET', `/api/v1/cases/${r.body.caseId}`, { as: DEMO.regisseur });
    expect(view.body.frame.decisions.filter((d: { kind: string }) => d.kind === 'SUSPICION')).toHaveLength(1);
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('a version conflict offers "Nieuwste versie laden"; after loading, the same dialog confirms against the newest version', async () => {
    const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
    const ref: string = r.body.reference;
    await command(t, DEMO.voorzitter, 'decideSuspicion', r.body.caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    await command(t, DEMO.mentor, 'supplyIdentity', r.body.caseId, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    await page.reload();
    await page.getByRole('button', { name: ref }).click();
    await page.getByRole('button', { name: 'Informeren inwoner vastleggen' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Informeren inwoner vastleggen' });
    await dialog.locator('input[type="date"]').first().fill(inDays(0));
    // meanwhile a colleague asks the partners for enrichment: the case's version moves on
    await command(t, DEMO.regisseur, 'requestEnrichment', r.body.caseId, { organisationIds: ['politie'], dueOn: inDays(14) });
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await dialog.getByRole('button', { name: 'Nieuwste versie laden' }).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const view = await t.call('GET', `/api/v1/cases/${r.body.caseId}`, { as: DEMO.regisseur });
    expect(view.body.frame.informedOn).toBe(inDays(0));
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('the procesregisseur’s "Partnerregister" tab lists every organisation of the directory with membership today and the days joined and left (dd-mm-jjjj)', async () => {
    const api = (await t.call('GET', '/api/v1/partners', { as: DEMO.regisseur })).body.items as { name: string; member: boolean; joinedOn?: string; leftOn?: string }[];
    expect(api.some((p) => !p.member)).toBe(true); // the demo's sport club never joined
    await page.getByRole('tab', { name: 'Partnerregister' }).click();
    const registry = page.getByTestId('partner-registry');
    await registry.locator('tbody tr').first().waitFor();
    const tr = registry.locator('tbody tr');
    const rows = await Promise.all(Array.from({ length: await tr.count() }, (_, i) => tr.nth(i).locator('td').allTextContents()));
    const ddmmyyyy = (iso?: string): string => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : '—');
    expect(rows.slice().sort()).toEqual(api.map((p) => [p.name, p.member ? 'Ja' : 'Nee', ddmmyyyy(p.joinedOn), ddmmyyyy(p.leftOn)]).sort());
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Zaken' }).click();
  });
});
