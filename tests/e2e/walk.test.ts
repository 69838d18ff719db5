/**
 * Issue 16, "done when": a case walked from the bot's intake to closure through the three surfaces only —
 * no call to the product's API from this test for any step of the process:
 * - partners in a simulated Teams chat: activities posted to the server's bot endpoint (/api/messages) as
 *   Teams posts them, the bot's replies and proactive messages received by the Bot Connector stand-in
 *   (tests/support/bot-connector.ts), every card rendered in headless Chromium by the `adaptivecards`
 *   renderer, filled in there and submitted as an `adaptiveCard/action` invoke;
 * - the procesregisseur in the web part's local page (the SPFx web part's own components);
 * - the chair (and the procesregisseur preparing the agenda) in the meeting tab, framed by the Teams test host:
 *   the anonymous round, the bespreking, and the status round with its note, the attendees and the docx minutes;
 * - the lead partner's action status in the bot;
 * - the letters and the art. 15 export downloaded from the web part and opened with the docx reader.
 * Outside the process: the servers are started here, and the scheduler's reminders job is run once in
 * process where the product runs it on a timer (it queues the lead partner's action card). Each step waits
 * on what the surface shows, never on a timer.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { buildTab } from '../../teams-app/build';
import { DEMO_USERS } from '../../src/demo/tenant';
import { runJob } from '../../src/jobs';
import type { ConnectorStandIn, ReceivedActivity } from '../support/bot-connector';
import { startConnector } from '../support/bot-connector';
import { keepLocal } from '../support/chromium';
import type { TestServer } from '../server/support/harness';
import { DEMO, inDays, startTestServer, tempDir } from '../server/support/harness';
import { launchChromium, spfxBrowserSuiteReady } from '../spfx/browser';
import { teamsHostPage } from '../teams-app/browser/support/teams-host';
import { readDocx } from '../transparency/support';

const ready = spfxBrowserSuiteReady('tests/e2e/walk (headless Chromium, bot endpoint, web part, tab)');
const run = ready ? describe : describe.skip;
jest.setTimeout(600_000);

type Card = Record<string, unknown>;

run('a case from the bot’s intake to closure through the chat, the web part and the tab', () => {
  let t: TestServer;
  let connector: ConnectorStandIn;
  let browser: Browser;
  let context: BrowserContext;
  let blocked: string[];
  let pagesDir: string;

  beforeAll(async () => {
    pagesDir = tempDir('sjv-walk-pages-');
    await buildTab(pagesDir);
    connector = await startConnector();
    t = await startTestServer({ SJV_PAGES_DIR: pagesDir, SJV_BOT_OUTBOX_POLL_MS: '200' });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    blocked = await keepLocal(context);
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await t?.close();
    await connector?.close();
    rmSync(pagesDir, { recursive: true, force: true });
  });

  // ---- the simulated Teams chat -------------------------------------------------------------------------

  const userOf = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
  const conversationOf = (id: string) => `a:personal-${id.split('@')[0]}`;
  const activity = (userId: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    locale: 'nl-NL',
    id: `in-${Math.random().toString(36).slice(2)}`,
    from: { id: `29:${userId}`, name: userOf(userId).displayName, aadObjectId: userOf(userId).aadObjectId },
    recipient: { id: '28:bot', name: 'Signaalpunt' },
    conversation: { id: conversationOf(userId), conversationType: 'personal' },
    ...extra,
  });
  const post = async (body: Record<string, unknown>): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const cardsIn = (a: ReceivedActivity): Card[] => (a.body.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content);
  /** The first card delivered to a user's chat after `from` (an index into connector.delivered) whose text matches. */
  async function cardFor(userId: string, from: number, text: RegExp): Promise<Card> {
    // generous for a loaded CI: a proactive card goes through the outbox worker first
    const until = Date.now() + 120_000;
    while (Date.now() < until) {
      const found = connector.delivered
        .slice(from)
        .filter((a) => a.conversationId === conversationOf(userId))
        .flatMap(cardsIn)
        .find((c) => text.test(JSON.stringify(c)));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no card ${String(text)} in the chat of ${userId}`);
  }
  /** The partner types in the chat; returns the index from which the bot's answers will be. */
  async function say(userId: string, text: string): Promise<number> {
    const from = connector.delivered.length;
    expect((await post(activity(userId, { type: 'message', text }))).status).toBeLessThan(300);
    return from;
  }
  /** Renders a card in Chromium with the adaptivecards renderer; `act` fills it in; the executed action goes to the bot as Teams sends it. */
  async function useCard(userId: string, card: Card, act: (page: Page) => Promise<void>): Promise<Card> {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="nl"><head><title>Teams-chat</title></head><body><main id="card"></main></body></html>');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.evaluate(`(() => {
      const card = new AdaptiveCards.AdaptiveCard();
      card.parse(${JSON.stringify(card)});
      card.onExecuteAction = (a) => { window.__executed = { verb: a.verb, data: a.data }; };
      document.getElementById('card').appendChild(card.render());
    })()`);
    await act(page);
    await page.waitForFunction('window.__executed !== undefined');
    const executed = (await page.evaluate('window.__executed')) as { verb: string; data: Record<string, unknown> };
    await page.close();
    const answer = await post(activity(userId, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: executed.verb, data: executed.data }, trigger: 'manual' } }));
    expect(answer.status).toBe(200);
    return (answer.json as { value: Card }).value;
  }
  const cardText = (c: Card): string => JSON.stringify(c);

  // ---- the web part's local page and the tab ------------------------------------------------------------

  async function webPart(user: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${t.url}/pages/coordinator/?user=${encodeURIComponent(user)}`);
    return page;
  }
  async function tab(user: string, teamsMeetingId: string): Promise<{ page: Page; tab: FrameLocator }> {
    const page = await context.newPage();
    const hostUrl = `${t.url}/pages/__teams-host.html`;
    await page.route(hostUrl, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamsHostPage({ tabPath: '/pages/index.html', frameContext: 'sidePanel', meetingId: teamsMeetingId, user, width: 420 }) }),
    );
    await page.goto(hostUrl);
    return { page, tab: page.frameLocator('#tab') };
  }
  /** The procesregisseur links a signaaltafel to a Teams meeting in the tab and puts the case on its agenda. */
  async function prepareMeeting(teamsMeetingId: string, reference: string): Promise<void> {
    const { page, tab: regie } = await tab(DEMO.regisseur, teamsMeetingId);
    await regie.getByRole('button', { name: 'Signaaltafel koppelen' }).click();
    await regie.getByRole('button', { name: 'Agenda samenstellen' }).click();
    await regie.locator('label').filter({ hasText: new RegExp(`^${reference}`) }).click();
    await regie.getByRole('button', { name: 'Agenda opslaan' }).click();
    await regie.getByTestId('agenda-item-1').getByText(reference).waitFor();
    await page.close();
  }

  /** Downloads a letter from the open case panel (the web part records it as sent) and opens the docx. */
  async function downloadLetter(regie: Page, kind: string, reference: string): Promise<string> {
    const letters = regie.locator('.ms-Panel').getByTestId('letters');
    await letters.waitFor();
    const [download] = await Promise.all([regie.waitForEvent('download'), letters.getByRole('button', { name: `${kind} downloaden (docx) en vastleggen als verzonden` }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-${reference}\\.docx$`));
    const docx = readDocx(readFileSync((await download.path())!));
    await regie.getByText(`${kind} gedownload en vastgelegd als verzonden.`).waitFor();
    return `${docx.header}\n${docx.text}\n${docx.footer}`;
  }

  test('intake in the chat → Verrijking (identity and answers in the chat, request in the web part) → bespreking in the tab → follow-up, action status in the chat → status round, attendees and docx minutes in the tab → letters, art. 15 export and closure in the web part', async () => {
    // the partners have the bot installed: each has said something in their chat (the bot keeps the conversation)
    for (const u of [DEMO.mentor, DEMO.agent, DEMO.coach, DEMO.jongerenwerk]) await say(u, 'handreiking');

    // 1. the mentor brings in a concern through the intake card
    const intake = await cardFor(DEMO.mentor, await say(DEMO.mentor, 'nieuw signaal'), /intake\.submit/);
    const confirmation = await useCard(DEMO.mentor, intake, async (p) => {
      await p.getByRole('checkbox', { name: 'Onverklaarbaar geld of dure spullen' }).click();
      await p.getByLabel(/^Leeftijd in jaren/).fill('15');
      await p.getByRole('button', { name: 'Signaal inbrengen' }).click();
    });
    const reference = /SJV-\d{4}-\d{4}/.exec(cardText(confirmation))?.[0];
    expect(reference).toBeDefined();
    const ref = reference!;

    // 2. the anonymous round: the procesregisseur prepares it in the tab, the chair decides there
    const firstMeeting = `19:meeting_walk1_${Date.now()}@thread.v2`;
    await prepareMeeting(firstMeeting, ref);
    const beforeIdentity = connector.delivered.length;
    {
      const { page, tab: chair } = await tab(DEMO.voorzitter, firstMeeting);
      await chair.getByRole('button', { name: 'Signaaltafel openen' }).click();
      const form = chair.getByRole('form', { name: `Redelijk vermoeden van jeugdondermijning? ${ref}` });
      await form.locator('label').filter({ hasText: /^Ja$/ }).click();
      await form.getByRole('textbox', { name: /Onderbouwing/ }).fill('Meerdere signalen van geld en spijbelen.');
      await form.getByRole('button', { name: 'Besluit vastleggen' }).click();
      await chair.getByText(new RegExp(`Besluit vastgelegd bij Agendapunt 1: ${ref}`)).waitFor();
      await chair.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await chair.getByTestId('confirm-end').getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await chair.getByTestId('minutes').getByText('Definitief.').waitFor();
      await page.close();
    }

    // 3. Verrijking: the mentor gives name and date of birth in the chat (the bot asks)
    const identityCard = await cardFor(DEMO.mentor, beforeIdentity, /identity\.supply/);
    const recorded = await useCard(DEMO.mentor, identityCard, async (p) => {
      await p.getByLabel('Naam van de jongere').fill('Test Persoon');
      await p.getByLabel('Geboortedatum').fill('2011-05-04');
      await p.getByRole('button', { name: 'Versturen' }).click();
    });
    expect(cardText(recorded)).toContain(`Vastgelegd bij **${ref}**`);

    // 4. the procesregisseur asks police and wijkteam in the web part
    const regie = await webPart(DEMO.regisseur);
    await regie.getByRole('button', { name: ref }).waitFor({ timeout: 120_000 });
    const beforeEnrichment = connector.delivered.length;
    await regie.getByRole('button', { name: ref }).click();
    await regie.getByRole('button', { name: 'Verrijking uitvragen', exact: true }).click();
    {
      const dialog = regie.getByRole('alertdialog', { name: 'Verrijking uitvragen' });
      await dialog.getByRole('combobox', { name: /Partnerorganisaties/ }).click();
      // a multiple-choice dropdown: its options are checkboxes, chosen by their label
      const option = (name: string) => regie.locator('label[for^="sjv-cmd-requestEnrichment-organisationIds-list"]').filter({ hasText: name });
      await option('Politie basisteam').click();
      await option('Wijkteam Centrum').click();
      await regie.keyboard.press('Escape');
      await dialog.locator('input[type="date"]').first().fill(inDays(14));
      await dialog.getByRole('button', { name: 'Bevestigen' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    // the information letter (PROCESS.md: what is shared, with whom, why, legal basis, retention, rights, contact)
    const information = await downloadLetter(regie, 'Informatiebrief', ref);
    // what PROCESS.md says it holds: what is shared, with whom, why, legal basis, retention, rights, contact
    for (const part of [ref, 'Wat hebben we gedeeld?', 'Politie basisteam', 'Wijkteam Centrum', 'Waarom doen we dit?', 'Artikel 6, lid 1, onder e', 'Hoe lang bewaren we je gegevens?', 'Wat zijn je rechten?', 'signaalpunt@gemeente.demo']) {
      expect(information).toContain(part);
    }
    // informing was not recorded before this letter: it does not say an earlier letter was sent
    expect(information).not.toContain('Eerder kreeg je een brief');
    await regie.getByRole('button', { name: 'Sluiten' }).click();

    // 5. police and wijkteam answer in the chat
    const police = await cardFor(DEMO.agent, beforeEnrichment, /enrichment\.answer/);
    const answered = await useCard(DEMO.agent, police, async (p) => {
      await p.getByRole('radio', { name: 'Bekend, met risicosignalen' }).click();
      await p.getByRole('checkbox', { name: 'Onverklaarbaar geld of dure spullen' }).click();
      await p.getByRole('button', { name: 'Antwoord versturen' }).click();
    });
    expect(cardText(answered)).toContain('Verrijkingsvraag beantwoord');
    const wijkteam = await cardFor(DEMO.coach, beforeEnrichment, /enrichment\.answer/);
    await useCard(DEMO.coach, wijkteam, async (p) => {
      await p.getByRole('radio', { name: 'Niet bekend' }).click();
      await p.getByRole('button', { name: 'Antwoord versturen' }).click();
    });

    // 6. the procesregisseur concludes the enrichment: to Bespreking
    await regie.reload();
    await regie.getByRole('button', { name: ref }).click();
    await regie.getByRole('button', { name: 'Verrijking afronden', exact: true }).click();
    {
      const dialog = regie.getByRole('alertdialog', { name: 'Verrijking afronden' });
      await dialog.getByRole('button', { name: 'Bevestigen' }).click();
      await dialog.waitFor({ state: 'detached' });
    }

    // 7. the bespreking in the tab: parties and lead partner, completed to Opvolging
    const secondMeeting = `19:meeting_walk2_${Date.now()}@thread.v2`;
    await prepareMeeting(secondMeeting, ref);
    {
      const { page, tab: chair } = await tab(DEMO.voorzitter, secondMeeting);
      await chair.getByRole('button', { name: 'Signaaltafel openen' }).click();
      const talk = chair.getByRole('form', { name: `Bespreking ${ref}` });
      await talk.getByText('Jongerenwerk', { exact: true }).click();
      await talk.getByRole('combobox', { name: /^Regiehouder/ }).click();
      await chair.getByRole('option', { name: 'Jongerenwerk' }).click();
      await talk.getByRole('button', { name: 'Afronden: naar opvolging' }).click();
      await chair.getByText(new RegExp(`Besluit vastgelegd bij Agendapunt 1: ${ref}`)).waitFor();
      await chair.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await chair.getByTestId('confirm-end').getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await chair.getByTestId('minutes').getByText('Definitief.').waitFor();
      await page.close();
    }

    // 8. the invitation to the signaaloverleg, and the follow-up agreed with the lead partner, recorded in the web part: to Reflectie
    await regie.reload();
    await regie.getByRole('button', { name: ref }).click();
    {
      // the invitation names the meeting with the young person: date, time and place
      const letters = regie.locator('.ms-Panel').getByTestId('letters');
      await letters.getByRole('textbox', { name: /^Datum overleg/ }).fill(inDays(7));
      await letters.getByRole('textbox', { name: /^Tijd overleg/ }).fill('15:30');
      await letters.getByRole('textbox', { name: /^Plaats overleg/ }).fill('Jongerencentrum De Brug');
    }
    const invitation = await downloadLetter(regie, 'Uitnodiging signaaloverleg', ref);
    for (const part of [ref, 'Uitnodiging voor een gesprek', `Datum: ${new Date(`${inDays(7)}T00:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}`, 'Tijd: 15:30 uur', 'Plaats: Jongerencentrum De Brug', 'Jongerenwerk', 'Je kiest zelf of je komt.']) {
      expect(invitation).toContain(part);
    }
    // the information letter was sent (and recorded) before: the invitation may say so
    expect(invitation).toContain('Eerder kreeg je een brief van ons.');
    await regie.getByRole('button', { name: 'Opvolging vastleggen', exact: true }).click();
    {
      const dialog = regie.getByRole('alertdialog', { name: 'Opvolging vastleggen' });
      await dialog.getByRole('combobox', { name: /Actie \(aanbod\)/ }).click();
      await regie.getByRole('option', { name: 'Gesprekken met een jongerenwerker' }).click();
      await dialog.getByRole('combobox', { name: /Uitvoerende organisatie/ }).click();
      await regie.getByRole('option', { name: 'Jongerenwerk' }).click();
      await dialog.locator('input[type="date"]').first().fill(inDays(3));
      await dialog.getByRole('combobox', { name: /Standpunt van de inwoner/ }).click();
      await regie.getByRole('option', { name: 'Stemt in met de vervolgstappen' }).click();
      await dialog.locator('label[for="sjv-cmd-recordFollowUp-complete"]').click();
      await dialog.getByRole('button', { name: 'Bevestigen' }).click();
      await dialog.waitFor({ state: 'detached' });
    }

    // 9. the lead partner sets the action's status in the chat (the reminders job queues the action card)
    const beforeAction = connector.delivered.length;
    await runJob('reminders', { store: t.server.store, service: t.server.service, meetings: t.server.meetings.service, config: t.config, asOf: new Date() }, { holder: 'walk' });
    const actionCard = await cardFor(DEMO.jongerenwerk, beforeAction, /action\.status/);
    const saved = await useCard(DEMO.jongerenwerk, actionCard, async (p) => {
      await p.getByRole('radio', { name: 'Afgerond' }).click();
      await p.getByRole('button', { name: 'Status opslaan' }).click();
    });
    expect(cardText(saved)).toContain('Status opgeslagen');

    // 10. the status round in the tab: the chair records the table's status note and who attended, and downloads the minutes
    const thirdMeeting = `19:meeting_walk3_${Date.now()}@thread.v2`;
    await prepareMeeting(thirdMeeting, ref);
    {
      const { page, tab: chair } = await tab(DEMO.voorzitter, thirdMeeting);
      await chair.getByRole('button', { name: 'Signaaltafel openen' }).click();
      await chair.getByTestId('agenda-item-1').getByRole('button', { expanded: false }).click();
      const note = chair.getByRole('form', { name: `Statusnotitie: ${ref}` });
      await note.getByRole('textbox', { name: 'Statusnotitie' }).fill('Gesprekken afgerond volgens plan.');
      await note.getByRole('button', { name: `Statusnotitie opslaan: ${ref}` }).click();
      await note.getByText('Statusnotitie opgeslagen.').waitFor();
      await chair.getByRole('button', { name: 'Aanwezigen vastleggen' }).click();
      const attendees = chair.getByTestId('attendees-editor');
      await attendees.getByRole('checkbox', { name: 'Gemeente (Signaalpunt): Voorzitter' }).waitFor();
      for (const name of ['Gemeente (Signaalpunt): Voorzitter', 'Gemeente (Signaalpunt): Procesregisseur', 'Jongerenwerk: Ketenpartner']) {
        await attendees.getByRole('checkbox', { name }).focus();
        await page.keyboard.press('Space');
        await attendees.getByRole('checkbox', { name, checked: true }).waitFor();
      }
      await attendees.getByRole('button', { name: 'Aanwezigen opslaan' }).click();
      await attendees.getByText('Aanwezigen opgeslagen.').waitFor();
      await attendees.getByRole('button', { name: 'Sluiten' }).click();
      await chair.getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      await chair.getByTestId('confirm-end').getByRole('button', { name: 'Signaaltafel sluiten en notulen maken' }).click();
      const minutes = chair.getByTestId('minutes');
      await minutes.getByText('Jongerenwerk — Ketenpartner').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), minutes.getByRole('button', { name: 'Notulen downloaden (Word)' }).click()]);
      const docx = readDocx(readFileSync((await download.path())!));
      for (const part of [ref, 'Statusnotitie: Gesprekken afgerond volgens plan.', 'Gemeente (Signaalpunt) — Voorzitter', 'Gemeente (Signaalpunt) — Procesregisseur', 'Jongerenwerk — Ketenpartner']) {
        expect(docx.text).toContain(part);
      }
      // the minutes are at process level: nothing of the young person's identity
      expect(docx.text).not.toContain('Test Persoon');
      await page.close();
    }

    // 11. in the web part: informing recorded, the letters and the art. 15 export downloaded, the case closed
    await regie.reload();
    await regie.getByRole('button', { name: ref }).click();
    await regie.getByRole('button', { name: 'Informeren inwoner vastleggen', exact: true }).click();
    {
      const dialog = regie.getByRole('alertdialog', { name: 'Informeren inwoner vastleggen' });
      await dialog.locator('input[type="date"]').first().fill(inDays(0));
      await dialog.getByRole('button', { name: 'Bevestigen' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await regie.getByRole('button', { name: 'Casus afsluiten', exact: true }).click();
    {
      const dialog = regie.getByRole('alertdialog', { name: 'Casus afsluiten' });
      await dialog.getByRole('textbox', { name: /Toelichting/ }).fill('Opvolging afgerond volgens afspraak.');
      await dialog.getByRole('button', { name: 'Bevestigen' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    // the closure letter, offered only once the case is closed (PROCESS.md: closure, archiving, retention period)
    const closure = await downloadLetter(regie, 'Afsluitbrief', ref);
    // PROCESS.md: closure, archiving, retention period (24 months after closing, in the demo's configuration)
    for (const part of [ref, 'We hebben je dossier gesloten', 'We archiveren je dossier.', 'We bewaren je gegevens nog 24 maanden na het sluiten van je dossier.']) {
      expect(closure).toContain(part);
    }
    await regie.getByRole('button', { name: 'Sluiten' }).click();

    // the access request (AVG art. 15) of the young person, exported from the web part as docx
    await regie.getByRole('tab', { name: 'Inzageverzoek' }).click();
    const form = regie.getByTestId('access-request');
    await form.getByRole('textbox', { name: /Naam van de jongere/ }).fill('Test Persoon');
    await form.locator('input[type="date"]').fill('2011-05-04');
    await form.getByRole('combobox', { name: /Wie vroeg om inzage/ }).click();
    await regie.getByRole('option', { name: 'Ouder of voogd' }).click();
    await form.getByRole('textbox', { name: /Waarom/ }).fill('Brief van de ouders');
    const [accessDownload] = await Promise.all([regie.waitForEvent('download'), form.getByRole('button', { name: 'Downloaden als Word (docx)' }).click()]);
    const access = readDocx(readFileSync((await accessDownload.path())!));
    expect(access.text).toContain(`Dossier ${ref}`);
    expect(access.text).toContain('Gevraagd door: ouder of voogd');
    expect(blocked).toEqual([]);
  });
});
