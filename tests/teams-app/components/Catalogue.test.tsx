/**
 * @jest-environment jsdom
 *
 * The tab's choices and labels come from the server's versioned catalogue (issue 16), on the real core: an
 * offer the procesregisseur added is offered under its label, one they retired is no longer offered, and an
 * old case's action with an offer retired since still shows that offer's label — not its code.
 */
import { randomUUID } from 'node:crypto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingService } from '../../../src/core/meetings';
import type { Result } from '../../../src/core/errors';
import type { ReferenceData } from '../../../src/core/reference-data';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import type { World } from '../../support/world';
import { U, makeWorld } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { nl, openItem, renderTab, text } from './support/render';
import { TEAMS_MEETING_ID } from './support/session';

const value = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
};

const STRAATCOACH = { organisationId: 'jongerenwerk', code: 'STRAATCOACH', nl: 'Straatcoach op het plein', en: 'Street coach on the square', kind: 'help', minAge: 10, maxAge: 23 } as const;
const BOKSCLUB = { organisationId: 'jongerenwerk', code: 'BOKSCLUB', nl: 'Boksclub De Ring', en: 'Boxing club De Ring', kind: 'dayActivity', minAge: 10, maxAge: 23 } as const;

async function changeReference(w: World, edit: (d: ReferenceData) => void): Promise<void> {
  const latest = await w.sp.reference.latest();
  const data = structuredClone(latest.data);
  edit(data);
  value(await w.sp.reference.change(U.regisseur, { commandId: randomUUID(), expectedVersion: latest.version, data }));
}

let w: World;
let bespreking: string;
let oldCase: string;
const referenceOf = async (caseId: string) => (await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;

beforeEach(async () => {
  w = await makeWorld();
  // a municipality's own offer, used in a case's follow-up, then retired with a constant one; a new one added
  await changeReference(w, (d) => d.offers.push({ ...STRAATCOACH }));
  oldCase = await w.driveTo('OPVOLGING');
  value(
    await w.sp.execute('recordFollowUp', U.jongerenwerk, {
      commandId: randomUUID(),
      caseId: oldCase,
      actions: [{ offerCode: 'STRAATCOACH', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }],
      residentStance: 'agrees',
      complete: true,
    }),
  );
  bespreking = await w.driveTo('BESPREKING');
  await changeReference(w, (d) => {
    d.offers = d.offers.filter((o) => o.code !== 'STRAATCOACH' && o.code !== 'GESPREK_JONGERENWERK');
    d.offers.push({ ...BOKSCLUB });
  });
  w.clock.advanceDays(1);
  const ms = new MeetingService(w.sp, w.store, w.clock);
  const m = value(await ms.create(U.regisseur, { teamsMeetingId: TEAMS_MEETING_ID, title: 'Signaaltafel april', scheduledOn: '2026-04-06' }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds: [bespreking, oldCase], expectedVersion: m.version }));
  value(await ms.start(U.voorzitter, m.id));
});
afterEach(() => w.close());

test('an added offer is offered under its label, a retired one is not, and an old case still shows its retired offer by label', async () => {
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, new CoreTabApi(w, U.regisseur));
  // the bespreking's follow-up options: the added offer with its label, the retired ones not
  const form = await screen.findByLabelText(`${nl.discussion} ${await referenceOf(bespreking)}`);
  fireEvent.click(within(form).getByLabelText(nl.followUpOptions));
  // the catalogue may arrive after the first render: the options follow it
  await waitFor(() => expect(text(screen.getByRole('listbox'))).toContain('Boksclub De Ring'));
  const listbox = screen.getByRole('listbox');
  const offered = text(listbox);
  expect(offered).toContain('Sport- en beweegmaatje');
  expect(offered).not.toContain('Gesprekken met een jongerenwerker');
  expect(offered).not.toContain('Straatcoach');
  fireEvent.keyDown(listbox, { key: 'Escape', code: 'Escape', keyCode: 27, which: 27 });
  await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());

  // the old case's action in the status round: the retired municipality offer by its label, not its code
  const round = await screen.findByLabelText(nl.partStatusRound);
  expect(text(round)).toContain(await referenceOf(oldCase));
  await openItem(2);
  await waitFor(() => expect(text(round)).toContain('Straatcoach op het plein'));
  expect(text(round)).not.toContain('STRAATCOACH');
});
