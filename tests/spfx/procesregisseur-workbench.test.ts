/**
 * The procesregisseur's workbench in the web part's local page (issue 16), headless Chromium against the
 * real server, no direct API call for the steps the page offers: a letter is downloaded from the case panel
 * and opened with the docx reader; the informing deadline stands beside the letters; the access export
 * (art. 15) is downloaded as docx and JSON; the re-registration check answers at process level only.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { BODIES, CONCERN, DEMO, command, driveTo, startTestServer } from '../server/support/harness';
import { readDocx } from '../transparency/support';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';
import { dutchDay } from '../support/dutch-day';

const ready = spfxBrowserSuiteReady('tests/spfx/procesregisseur-workbench (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

/** dd-mm-jjjj, as nl-NL shows a date. */
const ddmmyyyy = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describeIfReady('the procesregisseur’s workbench on the local page', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let verrijking: { caseId: string; reference: string };

  beforeAll(async () => {
    t = await startTestServer();
    const created = await command(t, DEMO.mentor, 'submitConcern', undefined, CONCERN);
    await command(t, DEMO.voorzitter, 'decideSuspicion', created.caseId, BODIES.decideSuspicion());
    await command(t, DEMO.mentor, 'supplyIdentity', created.caseId, BODIES.supplyIdentity());
    await command(t, DEMO.regisseur, 'requestEnrichment', created.caseId, BODIES.requestEnrichment());
    verrijking = { caseId: created.caseId, reference: created.reference };
    browser = await launchChromium();
    ({ page, blocked } = await localOnlyPage(browser));
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByRole('button', { name: verrijking.reference }).waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('in Verrijking the panel offers the information letter only, with the informing deadline beside it; its preview records nothing; downloaded by keyboard, the docx names the kenmerk and the letter is recorded as sent', async () => {
    await page.getByRole('button', { name: verrijking.reference }).click();
    const panel = page.locator('.ms-Panel');
    const letters = panel.getByTestId('letters');
    await letters.waitFor();
    const identityCapturedAt: string = (await t.call('GET', `/api/v1/cases/${verrijking.caseId}`, { as: DEMO.regisseur })).body.frame.identityCapturedAt;
    const due = new Date(`${identityCapturedAt.slice(0, 10)}T00:00:00Z`);
    due.setUTCMonth(due.getUTCMonth() + 1); // the demo's informing deadline: one month after identity capture
    // the deadline is fetched after the letters show: wait for it (a loaded machine answers later)
    await letters.getByTestId('informing-deadline').filter({ hasText: `Informeren uiterlijk ${ddmmyyyy(due.toISOString())}` }).waitFor();
    expect(await letters.getByRole('heading', { level: 4 }).allInnerTexts()).toEqual(['Informatiebrief', 'Vastgelegd als verzonden']);
    await expect(letters.innerText()).resolves.toContain('Nog geen brief vastgelegd als verzonden.');
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);

    // the preview: the letter's text, nothing recorded
    await letters.getByRole('button', { name: 'Voorbeeld van de informatiebrief tonen' }).focus();
    await page.keyboard.press('Enter');
    const preview = letters.getByRole('region', { name: 'Voorbeeld: Informatiebrief' });
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toContain(verrijking.reference);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    expect((await t.call('GET', `/api/v1/cases/${verrijking.caseId}`, { as: DEMO.regisseur })).body.reflection.lettersSent).toEqual([]);

    const button = letters.getByRole('button', { name: 'Informatiebrief downloaden (docx) en vastleggen als verzonden' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`informatiebrief-${verrijking.reference}.docx`);
    const docx = readDocx(readFileSync((await download.path())!));
    expect(docx.text + docx.header).toContain(verrijking.reference);

    await page.getByText('Informatiebrief gedownload en vastgelegd als verzonden.').waitFor();
    await panel.getByTestId('letters-sent').waitFor();
    await expect(panel.getByTestId('letters-sent').innerText()).resolves.toMatch(/^Informatiebrief, \d\d-\d\d-\d{4}/);
    const view = await t.call('GET', `/api/v1/cases/${verrijking.caseId}`, { as: DEMO.regisseur });
    expect(view.body.reflection.lettersSent.map((l: { kind: string }) => l.kind)).toEqual(['INFORMATION']);
    expect(blocked).toEqual([]);
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });
  test('the access export (art. 15): the buttons say what is missing until who asked and why are filled in; the docx and the JSON download name the case and who asked', async () => {
    await page.getByRole('tab', { name: 'Inzageverzoek' }).click();
    const form = page.getByTestId('access-request');
    await form.waitFor();
    const docxButton = form.getByRole('button', { name: 'Downloaden als Word (docx)' });
    await expect(docxButton.isDisabled()).resolves.toBe(true);
    const missing = async (): Promise<string> => page.locator(`#${await docxButton.getAttribute('aria-describedby')}`).innerText();
    expect(await missing()).toBe('Nog in te vullen: Naam van de jongere, Geboortedatum, Wie vroeg om inzage, Waarom / hoe kwam het verzoek binnen');
    await form.getByRole('textbox', { name: /Naam van de jongere/ }).fill('test  persoon');
    await form.locator('input[type="date"]').fill(BODIES.supplyIdentity().dateOfBirth);
    expect(await missing()).toBe('Nog in te vullen: Wie vroeg om inzage, Waarom / hoe kwam het verzoek binnen');
    await form.getByRole('combobox', { name: /Wie vroeg om inzage/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Ouder of voogd' }).click();
    await form.getByRole('textbox', { name: /Waarom/ }).fill('Brief van 3 april');
    await expect(docxButton.isDisabled()).resolves.toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await docxButton.focus();
    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(docxDownload.suggestedFilename()).toMatch(/^inzage-\d{4}-\d{2}-\d{2}\.docx$/);
    const docx = readDocx(readFileSync((await docxDownload.path())!));
    expect(docx.text).toContain(`Dossier ${verrijking.reference}`);
    expect(docx.text).toContain('Gevraagd door: ouder of voogd');
    expect(docx.text).toContain('Reden van het verzoek: Brief van 3 april');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Downloaden als JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { request: Record<string, unknown>; cases: { reference: string }[] };
    expect(json.request).toEqual({ name: 'test  persoon', dateOfBirth: BODIES.supplyIdentity().dateOfBirth, requestedBy: { code: 'guardian', label: 'ouder of voogd' }, reason: 'Brief van 3 april' });
    expect(json.cases.map((c) => c.reference)).toEqual([verrijking.reference]);
    await page.getByText(/is gedownload\.$/).waitFor();
    const audit = await t.call('GET', `/api/v1/cases/${verrijking.caseId}/audit`, { as: DEMO.regisseur });
    expect(audit.body.items.filter((a: { action: string; purpose: string }) => a.action === 'export' && a.purpose.endsWith('verzoek van: guardian'))).toHaveLength(2);
    expect(blocked).toEqual([]);
    await page.getByRole('tab', { name: 'Zaken' }).click();
  });
  test('the re-registration check in Verrijking answers kenmerk, phase and closing day of the earlier case — nothing else — and is audited with its purpose', async () => {
    // an earlier case of the same young person (same name and date of birth), walked to closure
    const earlierId = await driveTo(t, 'CLOSED');
    const earlier = (await t.call('GET', `/api/v1/cases/${earlierId}`, { as: DEMO.regisseur })).body;
    await page.reload();
    await page.getByRole('button', { name: verrijking.reference }).click();
    const section = page.locator('.ms-Panel').getByTestId('earlier-cases');
    await section.waitFor();
    expect(await section.locator('input, textarea').count()).toBe(0); // nothing to type: the case's own identity is compared
    await section.getByRole('button', { name: 'Eerdere casussen zoeken' }).focus();
    await page.keyboard.press('Enter');
    const answer = section.getByTestId('earlier-cases-answer');
    await answer.getByRole('listitem').first().waitFor();
    expect((await answer.innerText()).replace(/\n+/g, '\n')).toBe(`Eerdere casus:\n${earlier.reference}, Afgesloten, gesloten op ${ddmmyyyy(earlier.frame.closedAt)}`);
    const panelText = await page.locator('.ms-Panel').innerText();
    // the earlier case appears twice, each time with nothing of its content: in the answer, and — same organisation,
    // signal and age band, brought in the same day — as a similar concern offered for linking (kenmerk and day, ADR 0018)
    expect(panelText.split(earlier.reference)).toHaveLength(3);
    const similar = page.locator('.ms-Panel').getByTestId('case-links-similar');
    expect(await similar.getByRole('listitem').filter({ hasText: earlier.reference }).innerText()).toContain(`${earlier.reference}, ingebracht op ${ddmmyyyy(dutchDay(earlier.frame.createdAt))}`);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    const audit = await t.call('GET', `/api/v1/cases/${earlierId}/audit`, { as: DEMO.regisseur });
    expect(audit.body.items.at(-1)).toMatchObject({ action: 'read', groups: ['C'], purpose: `herregistratiecheck: eerdere signaalpuntcasussen (naam + geboortedatum): gevonden bij ${verrijking.reference}` });
    expect(blocked).toEqual([]);
    await page.getByRole('button', { name: 'Sluiten' }).click();
  });

  test('a case outside Verrijking has no re-registration check, and the inbrenger, who reads the identity in Verrijking, never sees it', async () => {
    const closed = (await t.call('GET', '/api/v1/cases?status=closed', { as: DEMO.regisseur })).body.items[0].reference as string;
    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await page.getByRole('button', { name: closed }).click();
    await page.locator('.ms-Panel').getByTestId('letters').waitFor(); // the closure letter: the panel's sections are loaded
    expect(await page.locator('.ms-Panel').getByTestId('earlier-cases').count()).toBe(0);
    await page.getByRole('button', { name: 'Sluiten' }).click();
    const inbrenger = await localOnlyPage(browser); // the inbrenger (mentor) of the case
    await inbrenger.page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.mentor)}`);
    await inbrenger.page.getByRole('button', { name: verrijking.reference }).click({ timeout: 90_000 });
    await inbrenger.page.locator('.ms-Panel section[data-group="C"]').waitFor();
    await inbrenger.page.waitForTimeout(500); // time for an on-demand section to load, were it offered
    expect(await inbrenger.page.locator('.ms-Panel').getByTestId('earlier-cases').count()).toBe(0);
    expect(await inbrenger.page.getByText('Herregistratiecheck').count()).toBe(0);
    expect(inbrenger.blocked).toEqual([]);
    await inbrenger.page.context().close();
  });
});
