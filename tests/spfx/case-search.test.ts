/**
 * Search by kenmerk in the web part's local page, headless Chromium against the real server (issue 16):
 * the procesregisseur types part of a kenmerk and the list narrows to it; a name is refused in Dutch, in the
 * field, and the list stays as it was; emptying the box shows every case again; axe finds no violation.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, cmdId, startTestServer } from '../server/support/harness';
import { axeViolations, launchChromium, localOnlyPage, spfxBrowserSuiteReady } from './browser';

const ready = spfxBrowserSuiteReady('tests/spfx/case-search (headless Chromium)');
const describeIfReady = ready ? describe : describe.skip;
jest.setTimeout(120_000);

describeIfReady('search by kenmerk in the local coordinator page', () => {
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
    await page.getByRole('button', { name: 'Besluit redelijk vermoeden' }).click();
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
});
