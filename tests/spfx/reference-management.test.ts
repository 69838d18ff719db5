/**
 * The procesregisseur's "Beheer" tab (issue 16) in the web part's local page, headless Chromium against the
 * real server, no direct API call for the steps the page offers: an offer is retired by keyboard and saved
 * as a new version; a version someone else made in between is refused with the conflict text in Dutch and
 * the newest version is loaded; a catalogue entry is added (its wrong code said at the field first), a label
 * changed and an organisation added to the protocol, by keyboard, as one new version. axe finds no
 * violations in the tab, also with a field error shown.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { DEMO, cmdId, startTestServer } from '../server/support/harness';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/reference-management (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

type Offer = { organisationId: string; code: string; activeUntil?: string };
type Entry = { kind: string; code: string; nl: string; en: string; activeFrom?: string; activeUntil?: string };

describeIfReady('the procesregisseur’s "Beheer" tab on the local page', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];

  beforeAll(async () => {
    t = await startTestServer();
    browser = await launchChromium();
    ({ page, blocked } = await localOnlyPage(browser));
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByRole('tab', { name: 'Beheer' }).waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const current = async (): Promise<{ version: number; data: { catalogue: Entry[]; offers: Offer[]; registry: { organisationId: string; joinedOn: string; leftOn?: string }[] } }> =>
    (await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur })).body;

  test('retiring an offer by keyboard saves a new version with only that offer’s activeUntil changed; axe finds nothing', async () => {
    const before = await current();
    const tab = page.getByRole('tab', { name: 'Beheer' });
    await tab.focus();
    await page.keyboard.press('Enter');
    const section = page.getByTestId('reference-management');
    await section.getByText(`Huidige versie: ${before.version}`).waitFor();
    expect(await axeViolations(page, '[data-testid="reference-management"]')).toEqual([]);

    const offers = section.getByTestId('reference-offers');
    const row = offers.locator('tbody tr').filter({ has: page.getByRole('button', { name: /^Beëindigen: / }) }).first();
    const code = await row.getAttribute('data-code');
    const retire = row.getByRole('button', { name: /^Beëindigen: / });
    await retire.focus();
    await page.keyboard.press('Enter');
    const until = offers.getByLabel(/^Actief tot \(eerste dag niet meer\)/);
    const day = await until.inputValue();
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const save = section.getByRole('button', { name: `Opslaan als versie ${before.version + 1}` });
    await save.focus();
    await page.keyboard.press('Enter');
    await section.getByText(`Opgeslagen als versie ${before.version + 1}.`).waitFor();

    const after = await current();
    expect(after.version).toBe(before.version + 1);
    const index = before.data.offers.findIndex((o) => o.code === code && !o.activeUntil);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(after.data.offers).toEqual(before.data.offers.map((o, i) => (i === index ? { ...o, activeUntil: day } : o)));
    expect(after.data.registry).toEqual(before.data.registry);
    expect(blocked).toEqual([]);
  });

  test('a version made by someone else meanwhile: the save is refused, the page says so in Dutch and shows the newest version', async () => {
    const section = page.getByTestId('reference-management');
    const mine = await current();
    await section.getByText(`Huidige versie: ${mine.version}`).waitFor();
    // another procesregisseur adds an offer in between
    const theirs = { ...mine.data, offers: [...mine.data.offers, { organisationId: 'wijkteam', code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities in the neighbourhood', kind: 'dayActivity', minAge: 12, maxAge: 23 }] };
    expect((await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: mine.version, data: theirs } })).status).toBe(200);

    const leave = section.getByTestId('reference-registry').getByRole('button', { name: /^Uittreden vastleggen: / }).first();
    await leave.focus();
    await page.keyboard.press('Enter');
    await section.getByRole('button', { name: `Opslaan als versie ${mine.version + 1}` }).click();
    await section.getByText(/Iemand anders heeft de catalogus, de sociale kaart of de deelnemers intussen gewijzigd/).waitFor();
    await section.getByText(`Huidige versie: ${mine.version + 1}`).waitFor();
    await section.getByTestId('reference-offers').getByText('Dagbesteding in de wijk').waitFor();
    const now = await current();
    expect(now.version).toBe(mine.version + 1);
    expect(now.data.registry).toEqual(mine.data.registry);
    expect(await axeViolations(page, '[data-testid="reference-management"]')).toEqual([]);
  });
  test('by keyboard: a protective factor added (its wrong code said at the field first), a label changed and an organisation joining, saved as one new version; axe finds nothing', async () => {
    const section = page.getByTestId('reference-management');
    const before = await current();
    await section.getByText(`Huidige versie: ${before.version}`).waitFor();
    const press = async (target: { focus(): Promise<void> }, key = 'Enter'): Promise<void> => {
      await target.focus();
      await page.keyboard.press(key);
    };
    const type = async (target: { focus(): Promise<void> }, text: string): Promise<void> => {
      await target.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    };

    const add = section.getByTestId('reference-add-entry');
    await press(add.getByRole('combobox', { name: /^Soort catalogusregel/ }));
    await press(page.getByRole('option', { name: 'Beschermende factor' }));
    const code = add.getByRole('textbox', { name: /^Code/ });
    await type(code, '1-mentor');
    await type(add.getByRole('textbox', { name: /^Benaming \(Nederlands\)/ }), 'Mentor op school');
    await type(add.getByRole('textbox', { name: /^Benaming \(Engels\)/ }), 'Mentor at school');
    await press(add.getByRole('button', { name: 'Toevoegen aan de catalogus' }));
    await add.getByText('Alleen hoofdletters, cijfers en _, met een hoofdletter vooraan (2 tot 64 tekens).').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page, '[data-testid="reference-management"]')).toEqual([]);
    await type(code, 'mentor_op_school');
    await press(add.getByRole('button', { name: 'Toevoegen aan de catalogus' }));
    const catalogue = section.getByTestId('reference-catalogue');
    await catalogue.locator('tbody tr[data-code="MENTOR_OP_SCHOOL"]').waitFor();

    const geld = before.data.catalogue.find((e) => e.kind === 'riskSignal' && e.code === 'GELD')!;
    await press(catalogue.getByRole('button', { name: `Benaming wijzigen: ${geld.nl} (GELD)` }));
    await type(catalogue.getByRole('textbox', { name: 'Benaming (Nederlands) voor GELD' }), 'Onverklaarbaar veel geld');

    const join = section.getByTestId('reference-add-member');
    await press(join.getByRole('combobox', { name: /^Organisatie die toetreedt/ }));
    await press(page.getByRole('option', { name: 'Sportclub De Sprinters' }));
    await join.getByLabel(/^Toegetreden op/).fill('2026-02-01');
    await press(join.getByRole('button', { name: 'Toevoegen als deelnemer' }));
    await section.getByTestId('reference-registry').locator('tbody tr[data-organisation="sportclub"]').waitFor();
    expect(await axeViolations(page, '[data-testid="reference-management"]')).toEqual([]);

    await press(section.getByRole('button', { name: `Opslaan als versie ${before.version + 1}` }));
    await section.getByText(`Opgeslagen als versie ${before.version + 1}.`).waitFor();
    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.data.catalogue).toEqual([
      ...before.data.catalogue.map((e) => (e.kind === 'riskSignal' && e.code === 'GELD' ? { ...e, nl: 'Onverklaarbaar veel geld' } : e)),
      { kind: 'protectiveFactor', code: 'MENTOR_OP_SCHOOL', nl: 'Mentor op school', en: 'Mentor at school' },
    ]);
    expect(after.data.offers).toEqual(before.data.offers);
    expect(after.data.registry).toEqual([...before.data.registry, { organisationId: 'sportclub', joinedOn: '2026-02-01' }]);
    // the registry's day reaches the organisation: a member from then on
    const partners = await t.call('GET', '/api/v1/partners', { as: DEMO.regisseur });
    expect(partners.body.items.find((p: { id: string }) => p.id === 'sportclub')).toMatchObject({ member: true });
    expect(blocked).toEqual([]);
  });
});
