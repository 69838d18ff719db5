/**
 * @jest-environment jsdom
 *
 * The meeting stage against the real core: only groups A and B of the shared item — never a name, date
 * of birth or contact data, whoever looks — and nothing at all for a guest.
 */
import { screen, waitFor } from '@testing-library/react';
import { StageView } from '../../../teams-app/src/components/StageView';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { en, nl, renderTab, text } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

// The stage renders after its first fetch; under a loaded CI that can take longer than findBy's 1 s default.
const stage = (api: CoreTabApi, locale: 'nl-NL' | 'en-US' = 'nl-NL') => renderTab(<StageView teamsMeetingId={TEAMS_MEETING_ID} refreshMs={0} />, api, locale);

test.each([
  ['the chair', U.voorzitter],
  ['the procesregisseur', U.regisseur],
  ['the inbrenger', U.mentor],
])('the stage of a case with identity shows reference, age band, signals and decisions, and no name or date of birth, to %s', async (_who, viewer) => {
  const record = (await s.w.store.transaction((tx) => tx.getCase(s.bespreking)))!;
  expect(record.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  await new CoreTabApi(s.w, U.voorzitter).shareToStage(s.meetingId, s.itemIds[1]!);
  stage(new CoreTabApi(s.w, viewer));
  const shown = await screen.findByTestId('stage', {}, { timeout: 10_000 });
  await waitFor(() => expect(text(shown)).toContain(record.frame.reference));
  const all = text(document.body);
  expect(all).toContain('13–15 jaar');
  expect(all).toContain('Schoolverzuim / spijbelen');
  expect(all).toContain(nl.suspicionYes);
  for (const personal of ['Test Persoon', '2011-05-04', '04-05-2011', '4 mei 2011', 'dure kleding']) expect(all).not.toContain(personal);
});

// The stage follows the policy for the viewer and the case's current phase (PROCESS.md): in Bespreking,
// before the discussion names the parties, a partner asked for enrichment reads the frame (A) only, and a
// member that was never asked reads nothing of the case.
test('the stage of a bespreking case shows a partner that was asked the reference and decisions but not the concern', async () => {
  const record = (await s.w.store.transaction((tx) => tx.getCase(s.bespreking)))!;
  await new CoreTabApi(s.w, U.voorzitter).shareToStage(s.meetingId, s.itemIds[1]!);
  stage(new CoreTabApi(s.w, U.agent));
  const shown = await screen.findByTestId('stage', {}, { timeout: 10_000 });
  await waitFor(() => expect(text(shown)).toContain(record.frame.reference));
  const all = text(document.body);
  expect(all).toContain(nl.suspicionYes);
  expect(all).not.toContain('13–15 jaar');
  expect(all).not.toContain('Schoolverzuim / spijbelen');
});

test('the stage of a bespreking case shows a member that was never asked nothing of it', async () => {
  const record = (await s.w.store.transaction((tx) => tx.getCase(s.bespreking)))!;
  await new CoreTabApi(s.w, U.voorzitter).shareToStage(s.meetingId, s.itemIds[1]!);
  stage(new CoreTabApi(s.w, U.leerplicht));
  const shown = await screen.findByTestId('stage', {}, { timeout: 10_000 });
  await waitFor(() => expect(text(shown)).toContain(nl.stageNothing));
  expect(text(document.body)).not.toContain(record.frame.reference);
});

test('before the chair shares an item the stage says so, in the meeting’s language', async () => {
  stage(new CoreTabApi(s.w, U.agent), 'en-US');
  const shown = await screen.findByTestId('stage', {}, { timeout: 10_000 });
  expect(text(shown)).toContain(en.stageNothing);
  expect(text(shown)).not.toContain('SJV-');
});

test('a guest looking at the stage sees nothing of any case', async () => {
  await new CoreTabApi(s.w, U.voorzitter).shareToStage(s.meetingId, s.itemIds[1]!);
  stage(new CoreTabApi(s.w, { id: 'gast@extern.example', organisationId: 'extern', roles: [] }));
  // Fluent's MessageBar renders its text a tick later (a live region): wait for the message itself.
  const box = await screen.findByTestId('no-access');
  await waitFor(() => expect(text(box)).toContain(nl.noAccessGuest));
  expect(text(document.body)).not.toContain('SJV-');
});
