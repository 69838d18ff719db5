/**
 * Linking cases on the local coordinator page in headless Chromium against the real server (issue 16, ADR
 * 0018): the procesregisseur opens a case, links it with one click to the similar concern the API's read
 * answers (GET …/similar-cases: the core's duplicate-hint rule), sees the linked case with its phase, opens it
 * from there, unlinks it — and axe-core finds no WCAG 2.1 A/AA violation in the panel with the section.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, cmdId, startTestServer } from '../server/support/harness';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/case-links-page (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

describeIfReady('linking cases on the local coordinator page in headless Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let blocked: string[];
  let first: { caseId: string; reference: string };
  let second: { caseId: string; reference: string };

  const submit = async (): Promise<{ caseId: string; reference: string }> => {
    const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
    expect(r.status).toBe(201);
    return { caseId: r.body.caseId, reference: r.body.reference };
  };
  const linksOf = async (caseId: string): Promise<string[]> =>
    (((await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body.frame.links ?? []) as { reference: string }[]).map((l) => l.reference);

  beforeAll(async () => {
    t = await startTestServer();
    first = await submit();
    second = await submit();
    browser = await launchChromium();
    ({ page, blocked } = await localOnlyPage(browser));
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(DEMO.regisseur)}`);
    await page.getByRole('button', { name: second.reference, exact: true }).waitFor({ timeout: 90_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the similar concern is linked with one click; both cases hold the link; the linked case shows its phase and opens; axe finds nothing', async () => {
    await page.getByRole('button', { name: second.reference, exact: true }).click();
    const section = page.getByTestId('case-links');
    await section.getByText('Deze casus is niet aan een andere casus gekoppeld.').waitFor({ timeout: 30_000 });
    await section.getByTestId('case-links-similar').getByText(new RegExp(`^${first.reference}, ingebracht op `)).waitFor();
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    await section.getByRole('button', { name: `Koppelen aan ${first.reference}` }).click();
    await page.getByText(`Koppeling vastgelegd bij ${second.reference}.`).waitFor();
    await section.getByRole('button', { name: `${first.reference}, Inbreng`, exact: true }).waitFor();
    expect(await linksOf(second.caseId)).toEqual([first.reference]);
    expect(await linksOf(first.caseId)).toEqual([second.reference]);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    await section.getByRole('button', { name: `${first.reference}, Inbreng`, exact: true }).click();
    await page.getByRole('heading', { name: `Casus ${first.reference}` }).waitFor();
    await page.getByTestId('case-links').getByRole('button', { name: `${second.reference}, Inbreng`, exact: true }).waitFor();
    expect(blocked).toEqual([]);
  });

  test('unlinking removes the link from both cases', async () => {
    await page.getByTestId('case-links').getByRole('button', { name: `Ontkoppelen ${second.reference}` }).click();
    await page.getByTestId('case-links').getByText('Deze casus is niet aan een andere casus gekoppeld.').waitFor();
    expect(await linksOf(first.caseId)).toEqual([]);
    expect(await linksOf(second.caseId)).toEqual([]);
  });

  test('by keyboard only: a kenmerk typed in the field and Enter on "Koppelen" links; a concern of another organisation is refused in Dutch and nothing is written', async () => {
    const police = await t.call('POST', '/api/v1/cases', { as: DEMO.agent, body: { commandId: cmdId(), ...CONCERN } });
    expect(police.status).toBe(201);
    const section = page.getByTestId('case-links');
    const field = section.getByRole('textbox', { name: 'Kenmerk van de andere casus' });
    await field.focus();
    await page.keyboard.type(police.body.reference as string);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await section.getByRole('alert').getByText('Alleen casussen van dezelfde inbrengende organisatie kunnen worden gekoppeld.').waitFor();
    expect(await linksOf(first.caseId)).toEqual([]);
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(second.reference);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await section.getByRole('button', { name: `${second.reference}, Inbreng`, exact: true }).waitFor();
    expect(await linksOf(first.caseId)).toEqual([second.reference]);
    expect(await axeViolations(page, '.ms-Panel')).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
