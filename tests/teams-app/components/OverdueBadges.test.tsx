/**
 * @jest-environment jsdom
 *
 * Overdue deadlines in the meeting tab against the real core: the side panel shows a badge on the item
 * whose resident was not informed within a month of identity capture, in the meeting's language; the
 * stage (the shared screen) does not.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import { StageView } from '../../../teams-app/src/components/StageView';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { en, nl, renderTab, text } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session(); // identity of the bespreking case captured 2026-03-02: informing due 2026-04-02
});
afterEach(() => s.w.close());

test.each([
  ['nl-NL', nl],
  ['en-US', en],
] as const)('the side panel badges the bespreking item once its informing deadline has passed, not the anonymous round (%s)', async (locale, t) => {
  s.w.clock.set('2026-04-03T09:00:00Z');
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, new CoreTabApi(s.w, U.voorzitter), locale);
  const talk = await screen.findByTestId('agenda-item-2');
  const badges = await within(talk).findByTestId('overdue-flags');
  expect(text(badges)).toBe(t.overdueInforming);
  expect(badges.getAttribute('aria-label')).toBe(t.deadlines);
  expect(within(screen.getByTestId('agenda-item-1')).queryByTestId('overdue-flags')).toBeNull();
});

test('before the deadline has passed there is no badge', async () => {
  s.w.clock.set('2026-04-02T20:00:00Z');
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, new CoreTabApi(s.w, U.voorzitter));
  await screen.findByTestId('agenda-item-2');
  expect(screen.queryByTestId('overdue-flags')).toBeNull();
  expect(text(document.body)).not.toContain(nl.overdueInforming);
});

test('the stage shows the shared overdue item without the badge', async () => {
  s.w.clock.set('2026-04-03T09:00:00Z');
  await new CoreTabApi(s.w, U.voorzitter).shareToStage(s.meetingId, s.itemIds[1]!);
  renderTab(<StageView teamsMeetingId={TEAMS_MEETING_ID} refreshMs={0} />, new CoreTabApi(s.w, U.voorzitter));
  const shown = await screen.findByTestId('stage', {}, { timeout: 10_000 });
  await waitFor(() => expect(text(shown)).toContain('SJV-'));
  expect(screen.queryByTestId('overdue-flags')).toBeNull();
  expect(text(document.body)).not.toContain(nl.overdueInforming);
});
