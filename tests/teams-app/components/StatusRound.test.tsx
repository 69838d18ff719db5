/**
 * @jest-environment jsdom
 *
 * The side panel's status round (issue 16) against the real core: a case in Reflectie is on the agenda
 * under its own label, as a status item — no decision form.
 */
import { screen } from '@testing-library/react';
import { MeetingService } from '../../../src/core/meetings';
import type { Result } from '../../../src/core/errors';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import type { World } from '../../support/world';
import { U, makeWorld } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { en, nl, renderTab, text } from './support/render';
import { TEAMS_MEETING_ID } from './support/session';

const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
};

let w: World;
let reference: string;
beforeEach(async () => {
  w = await makeWorld();
  const caseId = await w.driveTo('REFLECTIE');
  reference = (await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;
  w.clock.advanceDays(1);
  const ms = new MeetingService(w.sp, w.store, w.clock);
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: TEAMS_MEETING_ID, title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [caseId], expectedVersion: m.version }));
  value(await ms.start(U.voorzitter, m.id));
});
afterEach(() => w.close());

const panel = (locale: 'nl-NL' | 'en-US') =>
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="/pages/index.html?view=stage" refreshMs={0} />, new CoreTabApi(w, U.regisseur), locale);

test.each([
  ['nl-NL', nl, 'Statusronde'],
  ['en-US', en, 'Status round'],
] as const)('%s: a case in Reflectie shows under the status round label, without a decision form', async (locale, t, label) => {
  panel(locale);
  const round = await screen.findByLabelText(t.partStatusRound, {}, { timeout: 10_000 });
  expect(t.partStatusRound).toContain(label);
  expect(text(round.querySelector('article'))).toContain(reference);
  expect(screen.queryByText(t.recordDecision)).toBeNull();
});
