/**
 * @jest-environment jsdom
 *
 * The side panel's agenda against the real core: two parts, and per item only what the policy table
 * gives the viewer's organisation.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import { formatDay } from '../../../teams-app/src/i18n';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { clickButton, en, nl, openItem, renderTab, text } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

const panel = (api: CoreTabApi, locale: 'nl-NL' | 'en-US' = 'nl-NL') =>
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="/pages/index.html?view=stage" refreshMs={0} />, api, locale);

test('the chair sees the anonymous round (age band, signals, forms, free text) and then the bespreking with enrichment answers', async () => {
  panel(new CoreTabApi(s.w, U.voorzitter));
  const round = await screen.findByLabelText(nl.partAnonymous);
  const talk = screen.getByLabelText(nl.partBespreking);
  expect(round.compareDocumentPosition(talk) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  const item1 = round.querySelector('article');
  expect(text(item1)).toContain(await s.reference(s.inbreng));
  expect(text(item1)).toContain('13–15 jaar');
  expect(text(item1)).toContain('Onverklaarbaar geld of dure spullen');
  expect(text(item1)).toContain('Dealen');
  expect(text(item1)).toContain('dure kleding en veel contant geld');
  // one item open at a time: the bespreking is a summary line until the chair opens it
  expect(text(talk.querySelector('article'))).toContain(await s.reference(s.bespreking));
  expect(text(talk.querySelector('article'))).not.toContain('Politie basisteam');
  const item2 = await openItem(2);
  expect(text(item2)).toContain(await s.reference(s.bespreking));
  expect(text(item2)).toContain("Politie basisteam: bekend — 's Avonds laat op bekende dealplekken");
  expect(text(item2)).toContain('Wijkteam Centrum: niet bekend');
  // the chair holds no identity under the policy table, so the side panel shows none.
  expect(text(document.body)).not.toContain('Test Persoon');
  for (const dob of ['2011-05-04', '04-05-2011']) expect(text(document.body)).not.toContain(dob);
});

test('a member of an organisation not involved in a bespreking case sees that the item exists, not its content', async () => {
  panel(new CoreTabApi(s.w, U.leerplicht));
  const talk = await screen.findByLabelText(nl.partBespreking);
  const item2 = talk.querySelector('article');
  expect(text(item2)).toContain(`${nl.item} 2`);
  expect(text(item2)).toContain(nl.noContent);
  expect(text(document.body)).not.toContain(await s.reference(s.bespreking));
  expect(text(document.body)).not.toContain('Politie basisteam');
  // the anonymous round is for every member of the table (opened from its summary line).
  await openItem(1);
  expect(text(screen.getByLabelText(nl.partAnonymous))).toContain('Dealen');
  // a member gets no decision forms and no stage controls.
  expect(screen.queryByText(nl.recordDecision)).toBeNull();
  expect(screen.queryByText(nl.shareToStage)).toBeNull();
});

test('a guest or anonymous participant sees nothing of any case', async () => {
  panel(new CoreTabApi(s.w, { id: 'gast@extern.example', organisationId: 'extern', roles: [] }));
  // Fluent's MessageBar renders its text a tick later (a live region): wait for the message itself.
  const box = await screen.findByTestId('no-access');
  await waitFor(() => expect(text(box)).toContain(nl.noAccessGuest));
  expect(text(document.body)).not.toContain('SJV-');
  expect(text(document.body)).not.toContain('Dealen');
});

test('the panel follows the locale: en-US labels for parts, codes and answers', async () => {
  panel(new CoreTabApi(s.w, U.voorzitter), 'en-US');
  const round = await screen.findByLabelText(en.partAnonymous);
  expect(text(round)).toContain('Unexplained money or goods');
  expect(screen.getByText(en.recordDecision)).toBeTruthy();
  await openItem(2);
  expect(text(screen.getByLabelText(en.partBespreking))).toContain('Politie basisteam: known');
});

test('the procesregisseur links a session to a new meeting and prepares its agenda from the cases in inbreng and bespreking', async () => {
  const api = new CoreTabApi(s.w, U.regisseur);
  renderTab(<SidePanel teamsMeetingId="19:another_meeting@thread.v2" shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.createSession);
  clickButton(document.body, nl.createSession);
  await screen.findByText(nl.editAgenda);
  clickButton(document.body, nl.editAgenda);
  const inbrengRef = await s.reference(s.inbreng);
  fireEvent.click(await screen.findByLabelText(new RegExp(inbrengRef)));
  clickButton(document.body, nl.saveAgenda);
  const round = await screen.findByLabelText(nl.partAnonymous);
  expect(text(round)).toContain(inbrengRef);
  const found = await api.findMeeting('19:another_meeting@thread.v2');
  expect(found?.itemCount).toBe(1);
});

test('preparing the agenda, the procesregisseur sees which candidate cases have a passed deadline', async () => {
  s.w.clock.advanceDays(40); // the bespreking case's resident was never informed: one month after identity capture has passed
  const api = new CoreTabApi(s.w, U.regisseur);
  renderTab(<SidePanel teamsMeetingId="19:another_meeting@thread.v2" shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.createSession);
  clickButton(document.body, nl.createSession);
  await screen.findByText(nl.editAgenda);
  clickButton(document.body, nl.editAgenda);
  const late = (await screen.findByLabelText(new RegExp(await s.reference(s.bespreking)))).closest('.ms-Stack')!;
  const fresh = (await screen.findByLabelText(new RegExp(await s.reference(s.inbreng)))).closest('.ms-Stack')!;
  expect(text(late as HTMLElement)).toContain(nl.overdueInforming);
  expect(text(fresh as HTMLElement)).not.toContain(nl.overdueInforming);
});

test('each item’s summary, stage and decision buttons carry their item in the accessible name, starting with the visible text, so a screen reader can tell them apart (WCAG 2.5.3, 2.4.6)', async () => {
  panel(new CoreTabApi(s.w, U.voorzitter));
  await screen.findByLabelText(nl.partBespreking);
  const names = (): string[] => screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
  const ref2 = await s.reference(s.bespreking);
  // the folded item: its summary line is the button, named by its visible text
  expect(names()).toContain(`${nl.item} 2: ${ref2} · ${nl.toDecide}`);
  expect(names().filter((n) => n.startsWith(nl.shareToStage))).toEqual([`${nl.shareToStage}: ${nl.item} 1: ${await s.reference(s.inbreng)}`]);
  await openItem(2);
  const share = names().filter((n) => n.startsWith(nl.shareToStage));
  expect(share).toEqual([`${nl.shareToStage}: ${nl.item} 2: ${ref2}`]);
  expect(names().filter((n) => n.startsWith(nl.closeForm))).toEqual([`${nl.closeForm}: ${nl.item} 2: ${ref2}`]);
  expect(names()).toContain(`${nl.shareNextShort}: ${nl.item} 2: ${ref2}`);
});

test('dates read as in the web part: the session day as dd-mm-jjjj in Dutch and mm/dd/yyyy in English, never as an ISO date', async () => {
  panel(new CoreTabApi(s.w, U.voorzitter));
  await screen.findByLabelText(nl.partBespreking);
  expect(text(document.body)).toContain('03-03-2026');
  expect(text(document.body)).not.toContain('2026-03-03');
  s.w.close();
  s = await session();
  document.body.innerHTML = '';
  panel(new CoreTabApi(s.w, U.voorzitter), 'en-US');
  await screen.findByLabelText(en.partBespreking);
  expect(text(document.body)).toContain('03/03/2026');
  // day and month apart: 4 May 2011
  expect([formatDay('2011-05-04', 'nl-NL'), formatDay('2011-05-04', 'en-US')]).toEqual(['04-05-2011', '05/04/2011']);
});
