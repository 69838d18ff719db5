/**
 * The chair's meeting tab as the chair uses it (issue 18, items 8, 9, 11 and the scripted task): in headless
 * Chromium, framed by the Teams test host, against the real server serving the real build.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from '../../server/support/harness';
import { DEMO, driveTo } from '../../server/support/harness';
import { browserAvailable } from './support/browser';
import type { TabHarness } from './support/tab-harness';
import { eventually, openTab, sessionWith, startTabHarness } from './support/tab-harness';

const run = browserAvailable() ? describe : describe.skip;
jest.setTimeout(180_000);

run('the chair’s meeting tab (test host, headless Chromium, real server)', () => {
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
    // the tab never reached another host than this machine (the stubbed CDN list aside).
    expect(h.context().blocked).toEqual([]);
  });

  const caseOf = async (caseId: string) => (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body;
  /** an open session of 4 items: two new concerns (anonymous round) and two besprekingen. */
  async function fourItems(): Promise<{ teamsMeetingId: string; meetingId: string; refs: string[]; caseIds: string[] }> {
    const caseIds = [await driveTo(t, 'INBRENG'), await driveTo(t, 'INBRENG'), await driveTo(t, 'BESPREKING'), await driveTo(t, 'BESPREKING')];
    const s = await sessionWith(t, caseIds, { open: true });
    const refs: string[] = [];
    for (const id of caseIds) refs.push((await caseOf(id)).reference);
    return { ...s, refs, caseIds };
  }
  const panelHeight = (page: Page): Promise<number> =>
    page.frameLocator('#tab').locator('html').evaluate((el) => Math.max(el.scrollHeight, el.ownerDocument.body.scrollHeight));

  test('at 320 px the side panel with 4 items stays far below 2,000 px: one summary line per item, only the current item open, and a "Volgende delen" button', async () => {
    const { teamsMeetingId, refs } = await fourItems();
    const { page, tab } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320 });
    await tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refs[0]}` }).waitFor();
    const height = await panelHeight(page);
    console.log(`side panel at 320 px with 4 items: ${height} px high`);
    expect(height).toBeLessThan(1300);
    // only the current item (the first still to decide) is open; the other three are one line each
    expect(await tab.locator('article[data-collapsed="true"]').count()).toBe(3);
    for (const i of [2, 3, 4]) {
      const line = tab.getByTestId(`agenda-item-${i}`);
      expect(await line.getByRole('button', { expanded: false }).count()).toBe(1);
      const box = await line.boundingBox();
      // one summary line (the button's line and its padding), not the item's content
      expect(box!.height).toBeLessThan(90);
      expect(await line.innerText()).toContain(refs[i - 1]);
      expect(await line.innerText()).not.toContain('Risicosignalen');
    }
    // opening another item closes the current one
    await tab.getByTestId('agenda-item-3').getByRole('button', { expanded: false }).click();
    await tab.getByRole('form', { name: `Bespreking ${refs[2]}` }).waitFor();
    expect(await tab.getByRole('form', { name: /Redelijk vermoeden/ }).count()).toBe(0);
    expect(await tab.locator('article[data-collapsed="true"]').count()).toBe(3);
    // "Volgende delen": puts the open item on the stage, then the one after it
    await tab.getByRole('button', { name: `Volgende delen: Agendapunt 3: ${refs[2]}` }).click();
    await eventually(async () => ((await page.evaluate('window.__teamsHost.shared')) as string[]).length === 1, 'the host was asked to share to the stage');
    await tab.getByRole('button', { name: `Volgende delen: Agendapunt 4: ${refs[3]}` }).waitFor();
  });
});
