/**
 * The chair's status round, attendance list and Word minutes in the meeting tab (issue 16), in headless
 * Chromium framed by the Teams test host, against the real server serving the real build: by keyboard
 * only, axe-core (WCAG 2.1 AA) with 0 violations in Teams' three themes, and the minutes downloaded as a
 * .docx that is opened in the test.
 */
import { readFileSync } from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import type { TestServer } from '../../server/support/harness';
import { BODIES, DEMO, driveTo } from '../../server/support/harness';
import { readDocx } from '../../transparency/support';
import { browserAvailable } from './support/browser';
import type { TabHarness } from './support/tab-harness';
import { axeViolations, eventually, openTab, sessionWith, startTabHarness } from './support/tab-harness';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

run('the chair’s status round, attendees and Word minutes (test host, headless Chromium, real server)', () => {
  let h: TabHarness;
  let t: TestServer;
  beforeAll(async () => {
    h = await startTabHarness();
    t = h.t;
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.newContext();
  });
  afterEach(() => {
    expect(h.context().blocked).toEqual([]);
  });

  /** Presses Tab until the focused element matches, then returns; fails after `max` presses. */
  async function tabTo(page: Page, tab: FrameLocator, locator: ReturnType<FrameLocator['getByRole']>, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await locator.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`not reached by Tab: ${String(locator)}`);
  }

  test('by keyboard only, in Dutch: the chair records a status note and the attendees, ends the session and downloads the minutes as a Word document that holds both', async () => {
    const caseId = await driveTo(t, 'REFLECTIE');
    const reference = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body.reference as string;
    const { teamsMeetingId } = await sessionWith(t, [caseId], { open: true });
    const { page, tab } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320 });
    // the status item is one summary line: open it
    const line = tab.getByTestId('agenda-item-1').getByRole('button', { expanded: false });
    await line.waitFor();
    await tabTo(page, tab, line);
    await page.keyboard.press('Enter');
    const noteField = tab.getByRole('textbox', { name: 'Statusnotitie' });
    await noteField.waitFor();
    await tabTo(page, tab, noteField);
    await page.keyboard.type('Gesprekken lopen volgens plan.');
    await tabTo(page, tab, tab.getByRole('button', { name: `Statusnotitie opslaan: ${reference}` }));
    await page.keyboard.press('Enter');
    await tab.getByText('Statusnotitie opgeslagen.').waitFor();
    // attendees: organisations and roles
    const open = tab.getByRole('button', { name: 'Aanwezigen vastleggen' });
    await tabTo(page, tab, open);
    await page.keyboard.press('Enter');
    const chair = tab.getByRole('checkbox', { name: 'Gemeente (Signaalpunt): Voorzitter' });
    await chair.waitFor();
    await tabTo(page, tab, chair);
    await page.keyboard.press('Space');
    const police = tab.getByRole('checkbox', { name: 'Politie basisteam: Ketenpartner' });
    await tabTo(page, tab, police);
    await page.keyboard.press('Space');
    await tabTo(page, tab, tab.getByRole('button', { name: 'Aanwezigen opslaan' }));
    await page.keyboard.press('Enter');
    await tab.getByText('Aanwezigen opgeslagen.').waitFor();
    await tabTo(page, tab, tab.getByTestId('attendees-editor').getByRole('button', { name: 'Sluiten' }));
    await page.keyboard.press('Enter');
    // end the session, then the minutes
    await tabTo(page, tab, tab.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }));
    await page.keyboard.press('Enter');
    const confirm = tab.getByTestId('confirm-end').getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' });
    await confirm.waitFor();
    await tabTo(page, tab, confirm);
    await page.keyboard.press('Enter');
    const minutes = tab.getByTestId('minutes');
    await minutes.getByText('Gemeente (Signaalpunt) — Voorzitter').waitFor();
    const docxButton = minutes.getByRole('button', { name: 'Notulen downloaden (Word)' });
    await tabTo(page, tab, docxButton);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^notulen-signaaltafel-\d{4}-\d{2}-\d{2}\.docx$/);
    const docx = readDocx(readFileSync((await download.path())!));
    expect(docx.text).toContain(reference);
    expect(docx.text).toContain('Statusnotitie: Gesprekken lopen volgens plan.');
    expect(docx.text).toContain('Gemeente (Signaalpunt) — Voorzitter');
    expect(docx.text).toContain('Politie basisteam — Ketenpartner');
    // nothing of the young person's identity in the minutes
    expect(docx.text).not.toContain(BODIES.supplyIdentity().name);
    expect(docx.text).not.toContain('04-05-2011');
  });

  test.each(['default', 'dark', 'contrast'] as const)('theme %s: the open status item with its actions and note form, the attendance form and the minutes have 0 axe violations (WCAG 2.1 AA)', async (theme) => {
    const caseId = await driveTo(t, 'REFLECTIE');
    const { teamsMeetingId } = await sessionWith(t, [caseId], { open: true });
    // the procesregisseur: the policy gives their view the follow-up's actions (G) in Reflectie, so the item shows them too
    const { tab, frame } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.regisseur, width: 320, theme, locale: 'en-us' });
    await tab.getByTestId('agenda-item-1').getByRole('button', { expanded: false }).click();
    await tab.getByRole('textbox', { name: 'Status note' }).waitFor();
    await tab.getByRole('region', { name: /^Actions \(at status level\)/ }).waitFor();
    await tab.getByRole('button', { name: 'Record attendees' }).click();
    await tab.getByRole('checkbox', { name: 'Politie basisteam: Chain partner' }).waitFor();
    await tab.getByRole('button', { name: 'View minutes' }).click();
    await tab.getByRole('button', { name: 'Download minutes (Word)' }).waitFor();
    await eventually(async () => (await tab.getByTestId('minutes-attendees').count()) === 1, 'the minutes show the attendance list');
    expect(await axeViolations(h, frame())).toEqual([]);
  });
});
