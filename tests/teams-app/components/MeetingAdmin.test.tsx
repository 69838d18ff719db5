/**
 * @jest-environment jsdom
 *
 * The chair's status round, attendance list and Word minutes in the side panel (issue 16), against the
 * real core on in-memory SQLite: the status-round item shows its actions at status level and records the
 * table's note (guarded against identifiers); the attendance list records organisations and roles; the
 * minutes list the attendees and offer the docx download.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingService } from '../../../src/core/meetings';
import type { Result } from '../../../src/core/errors';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import type { World } from '../../support/world';
import { U, makeWorld } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { alertText, clickButton, renderTab, text } from './support/render';
import { TEAMS_MEETING_ID } from './support/session';

const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
};

let w: World;
let ms: MeetingService;
let meetingId: string;
let reference: string;
beforeEach(async () => {
  w = await makeWorld();
  const caseId = await w.driveTo('REFLECTIE');
  reference = (await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;
  w.clock.advanceDays(1);
  ms = new MeetingService(w.sp, w.store, w.clock);
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: TEAMS_MEETING_ID, title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
  meetingId = m.id;
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [caseId], expectedVersion: m.version }));
  value(await ms.start(U.voorzitter, m.id));
});
afterEach(() => w.close());

/** The status item is one summary line until opened (it asks no decision): open it as the chair would. */
async function openItem(): Promise<void> {
  const line = await screen.findByTestId('agenda-item-1', {}, { timeout: 10_000 });
  fireEvent.click(within(line).getByRole('button'));
}

const panel = (locale: 'nl-NL' | 'en-US' = 'nl-NL', user = U.voorzitter) => {
  const api = new CoreTabApi(w, user);
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="/pages/index.html?view=stage" refreshMs={0} />, api, locale);
  return api;
};

test('nl: the chair records a status note on a Reflectie item; the agenda and the minutes hold it', async () => {
  panel('nl-NL');
  await openItem();
  const form = await screen.findByRole('form', { name: `Statusnotitie: ${reference}` }, { timeout: 10_000 });
  fireEvent.change(within(form).getByLabelText('Statusnotitie'), { target: { value: 'Gesprekken lopen volgens plan.' } });
  clickButton(form, 'Statusnotitie opslaan');
  expect(await alertText(within(form), 'status')).toContain('Statusnotitie opgeslagen.');
  const agenda = value(await ms.agenda(U.voorzitter, meetingId));
  expect(agenda.items[0]!.statusNote).toBe('Gesprekken lopen volgens plan.');
  const minutes = value(await ms.minutes(U.regisseur, meetingId));
  expect(minutes.entries[0]).toMatchObject({ statusNote: 'Gesprekken lopen volgens plan.' });
});

test('en: the status-round item shows its action at status level (offer, organisation, due date, status)', async () => {
  panel('en-US', U.regisseur);
  await openItem();
  const actions = await screen.findByRole('region', { name: `Actions (at status level): ${reference}` }, { timeout: 10_000 });
  expect(text(actions)).toContain('Talks with a youth worker');
  expect(text(actions)).toContain('Planned');
  expect(text(actions)).toMatch(/04\/01\/2026/);
});

test('a status note naming someone is refused with the coded message, and nothing is stored', async () => {
  panel('nl-NL');
  await openItem();
  const form = await screen.findByRole('form', { name: `Statusnotitie: ${reference}` }, { timeout: 10_000 });
  fireEvent.change(within(form).getByLabelText('Statusnotitie'), { target: { value: 'Gesprek met Test Persoon, 06-12345678' } });
  clickButton(form, 'Statusnotitie opslaan');
  expect(await alertText(within(form))).not.toBe('');
  expect(value(await ms.agenda(U.voorzitter, meetingId)).items[0]!.statusNote).toBeUndefined();
});

test('nl: the chair records the attendees as organisations and roles; the minutes list them, and offer the Word download', async () => {
  const api = panel('nl-NL');
  fireEvent.click(await screen.findByText('Aanwezigen vastleggen', { selector: 'button *, button' }, { timeout: 10_000 }));
  const editor = await screen.findByRole('form', { name: 'Aanwezigen' }, { timeout: 10_000 });
  // the list recorded so far is read first: the choices appear once it is there
  fireEvent.click(await within(editor).findByLabelText('Gemeente (Signaalpunt): Voorzitter', {}, { timeout: 10_000 }));
  fireEvent.click(within(editor).getByLabelText('Politie basisteam: Ketenpartner'));
  clickButton(editor, 'Aanwezigen opslaan');
  expect(await alertText(within(editor), 'status')).toContain('Aanwezigen opgeslagen.');
  expect(value(await ms.minutes(U.regisseur, meetingId)).attendees).toEqual([
    { organisationId: 'gemeente', role: 'voorzitter' },
    { organisationId: 'politie', role: 'ketenpartner' },
  ]);
  // a second save in the same editor goes with the session's new version (no conflict)
  fireEvent.click(within(editor).getByLabelText('Politie basisteam: Ketenpartner'));
  clickButton(editor, 'Aanwezigen opslaan');
  await waitFor(async () => expect(value(await ms.minutes(U.regisseur, meetingId)).attendees).toEqual([{ organisationId: 'gemeente', role: 'voorzitter' }]));
  clickButton(editor, 'Sluiten');
  clickButton(document.body, 'Notulen bekijken');
  const attendees = await screen.findByRole('region', { name: 'Aanwezigen' }, { timeout: 10_000 });
  expect(text(attendees)).toContain('Gemeente (Signaalpunt) — Voorzitter');
  const docx = jest.spyOn(api, 'minutesDocx');
  // jsdom has no object URLs: the download's link is what a browser would follow (tests/teams-app/browser opens the file)
  URL.createObjectURL = () => 'blob:test';
  URL.revokeObjectURL = () => undefined;
  clickButton(document.body, 'Notulen downloaden (Word)');
  await waitFor(() => expect(docx).toHaveBeenCalledWith(meetingId, 'nl-NL'));
});
