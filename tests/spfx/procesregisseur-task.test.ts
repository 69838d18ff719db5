/**
 * The procesregisseur's web part as she uses it (issue 18, items 4, 6, 7), headless Chromium against the
 * real server (local mode, SQLite): the scripted task "decide suspicion on the most urgent new concern from
 * the list's first screen" counts every click (≤ 4) and prints the count; "Verrijking afronden" lists the
 * partners that have not answered (from the server's own view); a date of informing before the registration
 * gets its own Dutch sentence, not "De invoer is ongeldig."; at 480 px the page has no horizontal scrollbar;
 * axe-core finds no WCAG 2.1 A/AA violation. The web part has one theme (Fluent's default, the SharePoint
 * page's on SharePoint): there is no dark or contrast theme of its own to check.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, cmdId, command, inDays, startTestServer } from '../server/support/harness';
import { keepLocal } from '../support/chromium';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/procesregisseur-task (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

interface Made {
  caseId: string;
  reference: string;
}

describeIfReady('the procesregisseur’s task in the web part: next step, safeguards, specific errors, a narrow column', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let older: Made;
  let urgent: Made;
  let identified: Made;

  const submit = async (extra: Record<string, unknown> = {}): Promise<Made> => {
    const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN, ...extra } });
    expect(r.status).toBe(201);
    return { caseId: r.body.caseId, reference: r.body.reference };
  };

  beforeAll(async () => {
    t = await startTestServer();
    older = await submit();
    urgent = await submit({ urgency: 'high' });
    await submit();
    identified = await submit();
    await command(t, DEMO.voorzitter, 'decideSuspicion', identified.caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
    await command(t, DEMO.mentor, 'supplyIdentity', identified.caseId, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    browser = await launchChromium();
    ({ page, blocked } = await localOnlyPage(browser));
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByRole('button', { name: urgent.reference }).waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('scripted task: the procesregisseur decides suspicion on the most urgent new concern from the list’s first screen in at most 4 clicks', async () => {
    let clicks = 0;
    const click = async (target: Locator): Promise<void> => {
      clicks += 1;
      await target.click();
    };
    // the first screen: the list in work order; the first row is the most urgent new concern
    const first = page.getByRole('row').nth(1);
    await expect(first.getByRole('button', { name: urgent.reference }).isVisible()).resolves.toBe(true);
    await click(first.getByRole('button', { name: 'Besluit redelijk vermoeden', exact: true }));
    const dialog = page.getByRole('alertdialog', { name: 'Besluit redelijk vermoeden' });
    await click(dialog.getByText('Ja, er is een redelijk vermoeden', { exact: true }));
    await click(dialog.getByRole('textbox', { name: /Toelichting/ }));
    await page.keyboard.type('Spoed: meerdere signalen van dealen.');
    await click(dialog.getByRole('button', { name: 'Bevestigen' }));
    await page.getByText(`Stap vastgelegd. ${urgent.reference} staat nu in fase Verrijking.`).waitFor();
    console.log(`procesregisseur: ${clicks} clicks`);
    expect(clicks).toBeLessThanOrEqual(4);
    const view = await t.call('GET', `/api/v1/cases/${urgent.caseId}`, { as: DEMO.regisseur });
    expect(view.body.phase).toBe('VERRIJKING');
    expect(view.body.frame.decisions.at(-1)).toMatchObject({ kind: 'SUSPICION', outcome: 'YES', rationale: 'Spoed: meerdere signalen van dealen.', actorId: DEMO.regisseur });
    const older_ = await t.call('GET', `/api/v1/cases/${older.caseId}`, { as: DEMO.regisseur });
    expect(older_.body.phase).toBe('INBRENG'); // the step went to the urgent case, not the first one brought in
    await page.getByRole('button', { name: 'Sluiten' }).click();
    expect(blocked).toEqual([]);
  });

  test('axe-core finds no violation on the list with its next-step buttons, nor on the case panel with the "Meer stappen" menu', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: older.reference }).click();
    const panel = page.locator('.ms-Panel');
    await panel.getByTestId('commands').waitFor();
    await expect(panel.getByRole('button', { name: 'Casus intrekken' }).count()).resolves.toBe(0);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    await panel.getByRole('button', { name: 'Meer stappen' }).click();
    await page.getByRole('menuitem', { name: 'Casus intrekken' }).waitFor();
    expect(await axeViolations(page, '.ms-ContextualMenu')).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('a date of informing before the registration gets its own Dutch sentence from the API’s field and issue code, not "De invoer is ongeldig."', async () => {
    await page.reload();
    await page.getByRole('button', { name: identified.reference }).click();
    await page.getByRole('button', { name: 'Informeren inwoner vastleggen' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Informeren inwoner vastleggen' });
    await dialog.locator('input[type="date"]').first().fill(inDays(-3));
    const [answer] = await Promise.all([page.waitForResponse(/\/record-resident-informed$/), dialog.getByRole('button', { name: 'Bevestigen' }).click()]);
    // what the API says: a field path and an issue code, never the value
    expect(answer.status()).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'VALIDATION.INVALID_INPUT', fields: [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }] });
    const alert = dialog.getByRole('alert');
    await alert.getByText('De datum van informeren kan niet vóór de registratie van naam en geboortedatum liggen, en niet in de toekomst.').waitFor();
    expect(await alert.innerText()).not.toContain('De invoer is ongeldig.');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('"Verrijking afronden" lists the partners that have not answered, from the server’s view, and needs route, rationale and an explicit confirmation; axe', async () => {
    await command(t, DEMO.regisseur, 'requestEnrichment', identified.caseId, { organisationIds: ['politie', 'wijkteam', 'leerplicht'], dueOn: inDays(14) });
    await command(t, DEMO.leerplicht, 'answerEnrichment', identified.caseId, { known: false, signals: [] });
    await page.reload();
    await page.getByRole('button', { name: identified.reference }).click();
    await page.getByRole('button', { name: 'Verrijking afronden', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Verrijking afronden' });
    const open = dialog.getByTestId('open-items');
    await open.waitFor();
    const partners = (await t.call('GET', '/api/v1/partners', { as: DEMO.regisseur })).body.items as { id: string; name: string }[];
    const name = (id: string): string => partners.find((p) => p.id === id)!.name;
    const lines = await open.getByRole('listitem').allInnerTexts();
    expect(lines.map((l) => l.replace(/ \(antwoord uiterlijk .*\)$/, ''))).toEqual([name('politie'), name('wijkteam')]);
    const confirm = dialog.getByRole('button', { name: 'Bevestigen' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    expect(await page.locator(`#${await confirm.getAttribute('aria-describedby')}`).innerText()).toBe(
      'Nog in te vullen: Geadviseerde route, Toelichting (zonder namen of andere herleidbare gegevens), bevestiging dat u doorgaat terwijl er nog iets open staat',
    );
    expect(await axeViolations(page, '.ms-Dialog-main')).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('at 480 px wide the page has no horizontal scrollbar: the table keeps kenmerk, phase and next step; axe', async () => {
    const narrow = await browser.newContext({ locale: 'nl-NL', viewport: { width: 480, height: 900 } });
    const narrowBlocked = await keepLocal(narrow);
    const small = await narrow.newPage();
    try {
      await small.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
      await small.getByRole('button', { name: older.reference }).waitFor({ timeout: 60_000 });
      await small.locator('[data-testid="case-table"][data-narrow="true"]').waitFor();
      const overflow = await small.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth };
      });
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      const row = small.getByRole('row').filter({ has: small.getByRole('button', { name: older.reference }) });
      await expect(row.getByRole('button', { name: 'Besluit redelijk vermoeden', exact: true }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(small)).toEqual([]);
      expect(narrowBlocked).toEqual([]);
    } finally {
      await narrow.close();
    }
  });
});
