/**
 * The chair's meeting tab as the chair uses it (issue 18, items 8, 9, 11 and the scripted task): in headless
 * Chromium, framed by the Teams test host, against the real server serving the real build.
 */
import type { Page } from 'playwright-core';
import type { TestServer } from '../../server/support/harness';
import { DEMO, driveTo } from '../../server/support/harness';
import { browserAvailable } from './support/browser';
import type { TabHarness } from './support/tab-harness';
import { axeViolations, eventually, openTab, sessionWith, startTabHarness } from './support/tab-harness';

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

  /** every visible element with a border: its colour's relative luminance (WCAG 2.1 definition) and what it is. */
  const BORDERS = `(() => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
      for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
        if (cs['border' + side + 'Style'] === 'none' || parseFloat(cs['border' + side + 'Width']) === 0) continue;
        const m = cs['border' + side + 'Color'].match(/[0-9.]+/g).map(Number);
        if (m.length === 4 && m[3] === 0) continue;
        const lum = 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
        out.push({ what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + (el.dataset.testid ? '#' + el.dataset.testid : ''), color: cs['border' + side + 'Color'], lum: Math.round(lum * 100) / 100 });
        break;
      }
    }
    return out;
  })()`;

  test('the dark theme draws no harsh white borders (none lighter than luminance 0.6), while high contrast keeps white outlines on the items', async () => {
    const { teamsMeetingId, refs } = await fourItems();
    const { page, tab, frame } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320, theme: 'dark' });
    await tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refs[0]}` }).waitFor();
    const borders = (await frame().evaluate(BORDERS)) as { what: string; color: string; lum: number }[];
    const harsh = borders.filter((b) => b.lum > 0.6);
    console.log(`dark theme: ${borders.length} bordered elements, ${harsh.length} harsh: ${JSON.stringify(harsh.slice(0, 5))}`);
    expect(harsh).toEqual([]);
    // the item frames are still there, as a soft line
    expect(borders.filter((b) => b.what.startsWith('article')).length).toBe(4);
    await page.evaluate("window.__setTheme('contrast')");
    await eventually(async () => (await frame().evaluate('getComputedStyle(document.body).backgroundColor')) === 'rgb(0, 0, 0)', 'the high-contrast theme is applied');
    const hc = (await frame().evaluate(BORDERS)) as { what: string; color: string; lum: number }[];
    expect(hc.filter((b) => b.what.startsWith('article')).map((b) => b.color)).toEqual(Array(4).fill('rgb(255, 255, 255)'));
  });

  test('the stage is made for a shared screen: the item uses the full width, with large type for labels and values', async () => {
    const { teamsMeetingId, meetingId } = await fourItems();
    const agenda = await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
    expect((await t.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[2].id } })).status).toBe(200);
    const { tab, frame } = await openTab(h, { frameContext: 'meetingStage', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 1100 });
    const item = tab.getByTestId('stage').locator('section');
    await item.waitFor();
    // a string: the root tsconfig has no DOM types (the same as BORDERS)
    const m = (await frame().evaluate(`(() => {
      const el = document.querySelector('[data-testid="stage"] section');
      const px = (e) => (e ? parseFloat(getComputedStyle(e).fontSize) : 0);
      return {
        width: el.getBoundingClientRect().width,
        viewport: document.documentElement.clientWidth,
        heading: px(el.querySelector('h2')),
        label: px(el.querySelector('dt')),
        value: px(el.querySelector('dd span, dd li')),
      };
    })()`)) as { width: number; viewport: number; heading: number; label: number; value: number };
    console.log(`stage at ${m.viewport} px: item ${Math.round(m.width)} px wide, heading ${m.heading} px, labels ${m.label} px, values ${m.value} px`);
    expect(m.width / m.viewport).toBeGreaterThan(0.9);
    expect(m.heading).toBeGreaterThanOrEqual(40);
    expect(m.label).toBeGreaterThanOrEqual(24);
    expect(m.value).toBeGreaterThanOrEqual(28);
  });

  /** The chair's task (issue 18): open the session, share and decide items 1–3, leave item 4, end with the warning and move it on. */
  test('scripted task, mouse: the chair runs a signaaltafel of 4 items to its end, through the undecided-items warning (prints the clicks)', async () => {
    const caseIds = [await driveTo(t, 'INBRENG'), await driveTo(t, 'INBRENG'), await driveTo(t, 'BESPREKING'), await driveTo(t, 'BESPREKING')];
    const { teamsMeetingId, meetingId } = await sessionWith(t, caseIds);
    const refs: string[] = [];
    for (const id of caseIds) refs.push((await caseOf(id)).reference);
    const { page, tab } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320 });
    let clicks = 0;
    const click = async (l: { click(): Promise<void> }) => {
      clicks++;
      await l.click();
    };
    await click(tab.getByRole('button', { name: 'Signaaltafel openen' }));
    for (const i of [0, 1]) {
      await click(tab.getByRole('button', { name: `Volgende delen: Agendapunt ${i + 1}: ${refs[i]}` }));
      const form = tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refs[i]}` });
      await click(form.locator('label').filter({ hasText: /^Ja$/ }));
      await form.getByRole('textbox', { name: /Onderbouwing/ }).fill('Meerdere signalen van dealen en geld.');
      await click(form.getByRole('button', { name: 'Besluit vastleggen' }));
      await eventually(async () => (await caseOf(caseIds[i]!)).phase === 'VERRIJKING', `item ${i + 1} decided`);
    }
    await click(tab.getByRole('button', { name: `Volgende delen: Agendapunt 3: ${refs[2]}` }));
    const talk = tab.getByRole('form', { name: `Bespreking ${refs[2]}` });
    await click(talk.getByText('Jongerenwerk', { exact: true }));
    await click(talk.getByRole('combobox', { name: /^Regiehouder/ }));
    await click(tab.getByRole('option', { name: 'Jongerenwerk' }));
    await click(talk.getByRole('button', { name: 'Afronden: naar opvolging' }));
    await eventually(async () => (await caseOf(caseIds[2]!)).phase === 'OPVOLGING', 'item 3 completed');
    // item 4 is left: ending warns and names it
    await click(tab.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }));
    const warning = tab.getByTestId('confirm-end').getByRole('alert');
    expect(await warning.innerText()).toContain(`Agendapunt 4: ${refs[3]}`);
    expect(await warning.innerText()).not.toContain(`Agendapunt 3:`);
    await click(tab.getByRole('button', { name: 'Verplaatsen naar volgende signaaltafel en sluiten' }));
    await tab.getByTestId('minutes').getByText('Definitief.').waitFor();
    console.log(`voorzitter: ${clicks} clicks (4 items: 3 shared and decided, 1 moved on at the end)`);
    expect((await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter })).body.meeting.status).toBe('ended');
    expect(((await page.evaluate('window.__teamsHost.shared')) as string[]).length).toBe(3);
    expect(clicks).toBeLessThanOrEqual(16);
  });

  /** The accessible name of the focused element in the tab (aria-label, aria-labelledby, its label, or its text). */
  const FOCUSED = `(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return '';
    const by = a.getAttribute('aria-labelledby');
    const byText = by ? by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    return (a.getAttribute('aria-label') || byText || (a.labels && a.labels[0] ? a.labels[0].textContent : '') || a.textContent || '').replace(/\\s+/g, ' ').trim();
  })()`;

  test('scripted task, keyboard only: the same signaaltafel run with Tab, Enter, Space and arrow keys alone (no mouse click; prints the key presses)', async () => {
    const caseIds = [await driveTo(t, 'INBRENG'), await driveTo(t, 'INBRENG'), await driveTo(t, 'BESPREKING'), await driveTo(t, 'BESPREKING')];
    const { teamsMeetingId, meetingId } = await sessionWith(t, caseIds);
    const refs: string[] = [];
    for (const id of caseIds) refs.push((await caseOf(id)).reference);
    const { page, tab, frame } = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320 });
    await tab.getByRole('button', { name: 'Signaaltafel openen' }).waitFor();
    let keys = 0;
    const press = async (key: 'Tab' | 'Shift+Tab' | 'Enter' | ' ' | 'ArrowDown' | 'ArrowUp') => {
      keys++;
      await page.keyboard.press(key);
    };
    const focused = async () => (await frame().evaluate(FOCUSED)) as string;
    /** Tab (forward, then back) until the focused control's name matches. */
    const tabTo = async (name: RegExp) => {
      for (const key of ['Tab', 'Shift+Tab'] as const) {
        for (let i = 0; i < 40; i++) {
          if (name.test(await focused())) return;
          await press(key);
        }
      }
      throw new Error(`keyboard: never reached ${name} (focus on "${await focused()}")`);
    };
    await tabTo(/^Signaaltafel openen$/);
    await press('Enter');
    const shared = async () => ((await page.evaluate('window.__teamsHost.shared')) as string[]).length;
    /** "Volgende delen" on item n, and wait until the share went through (the agenda re-renders after it). */
    const shareNext = async (n: number) => {
      const before = await shared();
      await tabTo(new RegExp(`^Volgende delen: Agendapunt ${n}:`));
      await press('Enter');
      await eventually(async () => (await shared()) === before + 1, `item ${n} shared`);
    };
    for (const i of [0, 1]) {
      await shareNext(i + 1);
      await tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refs[i]}` }).waitFor();
      await tabTo(/^Ja$/);
      await press(' ');
      await tabTo(/^Onderbouwing/);
      await page.keyboard.type('Meerdere signalen van dealen en geld.');
      await tabTo(/^Besluit vastleggen$/);
      await press('Enter');
      await eventually(async () => (await caseOf(caseIds[i]!)).phase === 'VERRIJKING', `item ${i + 1} decided`);
    }
    await shareNext(3);
    const talk = tab.getByRole('form', { name: `Bespreking ${refs[2]}` });
    await talk.waitFor();
    await tabTo(/^Jongerenwerk$/);
    await press(' ');
    await eventually(() => talk.getByRole('checkbox', { name: 'Jongerenwerk' }).isChecked(), 'Jongerenwerk ticked');
    await tabTo(/^Regiehouder/);
    await press('Enter');
    await tab.getByRole('listbox').waitFor();
    // the open list moves focus to its option a moment later: Enter before that chooses nothing
    await eventually(async () => /Jongerenwerk/.test(await focused()), 'the option Jongerenwerk focused in the open list');
    await press('Enter');
    await tab.getByRole('listbox').waitFor({ state: 'detached' });
    // the dropdown shows the choice after it re-renders (a loaded machine takes longer): wait for it
    await eventually(async () => (await talk.getByRole('combobox', { name: /^Regiehouder/ }).innerText()).includes('Jongerenwerk'), 'Jongerenwerk chosen as regiehouder');
    await tabTo(/^Afronden: naar opvolging$/);
    await press('Enter');
    try {
      await eventually(async () => (await caseOf(caseIds[2]!)).phase === 'OPVOLGING', 'item 3 completed');
    } catch (e) {
      console.log(`keyboard run stuck at item 3: focus on "${await focused()}"; form: ${(await tab.getByRole('form', { name: `Bespreking ${refs[2]}` }).innerText()).replace(/\s+/g, ' ').slice(-400)}`);
      throw e;
    }
    expect((await caseOf(caseIds[2]!)).discussion).toMatchObject({ parties: ['jongerenwerk'], leadOrganisationId: 'jongerenwerk' });
    await tabTo(/^Signaaltafel sluiten en notulen maken$/);
    await press('Enter');
    await tab.getByTestId('confirm-end').getByRole('alert').getByText(`Agendapunt 4: ${refs[3]}`).waitFor();
    await tabTo(/^Verplaatsen naar volgende signaaltafel en sluiten$/);
    await press('Enter');
    await tab.getByTestId('minutes').getByText('Definitief.').waitFor();
    console.log(`voorzitter, keyboard only: ${keys} key presses (Tab, Enter, Space, arrows; typing the rationale not counted)`);
    expect((await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter })).body.meeting.status).toBe('ended');
  });

  test('axe finds 0 WCAG 2.1 AA violations in the side panel (an open form, three summary lines, the end warning) and on the stage, in the light, dark and high-contrast themes', async () => {
    const { teamsMeetingId, meetingId, refs } = await fourItems();
    const agenda = await t.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
    expect((await t.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[2].id } })).status).toBe(200);
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      const panel = await openTab(h, { frameContext: 'sidePanel', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 320, theme });
      await panel.tab.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${refs[0]}` }).waitFor();
      await panel.tab.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await panel.tab.getByTestId('confirm-end').getByRole('alert').waitFor();
      expect({ theme, surface: 'side panel', violations: await axeViolations(h, panel.frame()) }).toEqual({ theme, surface: 'side panel', violations: [] });
      const stage = await openTab(h, { frameContext: 'meetingStage', meetingId: teamsMeetingId, user: DEMO.voorzitter, width: 1100, theme });
      await stage.tab.getByTestId('stage').locator('section').waitFor();
      expect({ theme, surface: 'stage', violations: await axeViolations(h, stage.frame()) }).toEqual({ theme, surface: 'stage', violations: [] });
      await panel.page.close();
      await stage.page.close();
    }
  });
});
