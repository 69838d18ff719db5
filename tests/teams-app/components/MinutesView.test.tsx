/**
 * @jest-environment jsdom
 *
 * Ending the session in the side panel: minutes at process level from the decisions taken while it was open.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingService } from '../../../src/core/meetings';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { clickButton, nl, renderTab, text } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

test('the chair ends the session and sees final minutes: reference, decision, rationale, follow-up, responsible organisation — no personal data', async () => {
  const api = new CoreTabApi(s.w, U.voorzitter);
  const seen = (await api.agenda(s.meetingId)).items[0]!.case!;
  await api.decideSuspicion(s.inbreng, { suspicion: true, rationale: 'Signalen van dealen.', expectedVersion: seen.version }, '00000000-0000-4000-8000-0000000000a1');
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.endSession);
  clickButton(document.body, nl.endSession);
  await screen.findByText(nl.confirmEnd);
  // the bespreking item is undecided: the confirmation says so and offers closing without moving it
  fireEvent.click(screen.getByText(nl.endAnyway).closest('button')!);
  const minutes = await screen.findByTestId('minutes');
  await waitFor(() => expect(text(minutes)).toContain(nl.minutesFinal));
  const shown = text(minutes);
  expect(shown).toContain(`${nl.reference} ${await s.reference(s.inbreng)}`);
  expect(shown).toContain(`${nl.suspicionYes} — Signalen van dealen.`);
  expect(shown).toContain(nl.nextSupplyIdentity);
  expect(shown).toContain(`${nl.responsible}: Het Baken College`);
  expect(shown).toContain(nl.notDecided); // the bespreking item was not decided
  for (const personal of ['Test Persoon', '2011-05-04', '04-05-2011', 'dure kleding', 'mentor@school.demo']) expect(shown).not.toContain(personal);
  expect((await api.findMeeting(TEAMS_MEETING_ID))?.status).toBe('ended');
});

test('ending a session with undecided items names them first (item and kenmerk), offers to move them to the next signaaltafel, and going back ends nothing', async () => {
  const api = new CoreTabApi(s.w, U.voorzitter);
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.endSession);
  clickButton(document.body, nl.endSession);
  const confirm = await screen.findByTestId('confirm-end');
  const warning = within(confirm).getByRole('alert');
  expect(text(warning)).toContain(nl.undecidedWarning);
  expect(text(warning)).toContain(`${nl.item} 1: ${await s.reference(s.inbreng)}`);
  expect(text(warning)).toContain(`${nl.item} 2: ${await s.reference(s.bespreking)}`);
  expect(text(warning)).toContain(nl.undecidedStayOpen);
  fireEvent.click(within(confirm).getByText(nl.backToAgenda).closest('button')!);
  await waitFor(() => expect(screen.queryByTestId('confirm-end')).toBeNull());
  expect((await api.findMeeting(TEAMS_MEETING_ID))?.status).toBe('open');
});

test('an item decided in the session leaves the warning; only the undecided one is named', async () => {
  const api = new CoreTabApi(s.w, U.voorzitter);
  const inbreng = (await api.agenda(s.meetingId)).items[0]!.case!;
  await api.decideSuspicion(s.inbreng, { suspicion: true, rationale: 'Signalen van dealen.', expectedVersion: inbreng.version }, '00000000-0000-4000-8000-0000000000b1');
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.endSession);
  clickButton(document.body, nl.endSession);
  const warning = within(await screen.findByTestId('confirm-end')).getByRole('alert');
  expect(text(warning)).toContain(`${nl.item} 2: ${await s.reference(s.bespreking)}`);
  expect(text(warning)).not.toContain(`${nl.item} 1:`);
});

test('ending with undecided items, the chair moves them to the next planned signaaltafel: they are on its agenda and the minutes say where they went', async () => {
  const ms = new MeetingService(s.w.sp, s.w.store, s.w.clock);
  const next = await ms.create(U.regisseur, { teamsMeetingId: '19:meeting_april@thread.v2', title: 'Signaaltafel april', scheduledOn: '2026-04-07' });
  if (!next.ok) throw new Error(next.error.code);
  const api = new CoreTabApi(s.w, U.voorzitter);
  const inbreng = (await api.agenda(s.meetingId)).items[0]!.case!;
  await api.decideSuspicion(s.inbreng, { suspicion: true, rationale: 'Signalen van dealen.', expectedVersion: inbreng.version }, '00000000-0000-4000-8000-0000000000c1');
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, api);
  await screen.findByText(nl.endSession);
  clickButton(document.body, nl.endSession);
  const confirm = await screen.findByTestId('confirm-end');
  fireEvent.click(within(confirm).getByText(nl.moveAndEnd).closest('button')!);
  const minutes = await screen.findByTestId('minutes');
  await waitFor(() => expect(text(minutes)).toContain(`${nl.carriedOverTo} Signaaltafel april (07-04-2026): 1`));
  expect((await api.findMeeting(TEAMS_MEETING_ID))?.status).toBe('ended');
  // only the undecided bespreking moved; the decided concern did not
  const april = await new CoreTabApi(s.w, U.regisseur).agenda(next.value.id);
  expect(april.items.map((i) => i.case?.id)).toEqual([s.bespreking]);
});
