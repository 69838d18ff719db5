/**
 * @jest-environment jsdom
 *
 * The chair records a bespreking in the side panel on the real core: save keeps it in Bespreking,
 * complete (with a lead partner among the parties) moves it to Opvolging.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { alertText, clickButton, nl, openItem, pick, renderTab } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

const recordOf = async (caseId: string) => (await s.w.store.transaction((tx) => tx.getCase(caseId)))!;

async function discussionForm() {
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, new CoreTabApi(s.w, U.voorzitter));
  const ref = await s.reference(s.bespreking);
  // the chair takes up the bespreking item (the anonymous round's first item is open by default).
  await openItem(2);
  const form = await screen.findByLabelText(`${nl.discussion} ${ref}`);
  return { form, q: within(form) };
}


test('the chair records life domains, parties, follow-up options and the lead partner, and completes: the case moves to Opvolging', async () => {
  const { form, q } = await discussionForm();
  await pick(form, nl.concerningLifeDomains, 'School en werk');
  fireEvent.click(q.getByLabelText('Politie basisteam'));
  fireEvent.click(q.getByLabelText('Jongerenwerk'));
  await pick(form, nl.followUpOptions, 'Gesprekken met een jongerenwerker');
  await pick(form, nl.leadPartner, 'Jongerenwerk');
  clickButton(form, nl.completeDiscussion);
  await waitFor(async () => expect((await recordOf(s.bespreking)).frame.phase).toBe('OPVOLGING'));
  const r = await recordOf(s.bespreking);
  expect(r.discussion).toMatchObject({
    lifeDomains: { SCHOOL: 'concerning', GEZIN: 'unknown' },
    parties: ['politie', 'jongerenwerk'],
    followUpOptions: ['GESPREK_JONGERENWERK'],
    leadOrganisationId: 'jongerenwerk',
  });
  expect(r.frame.decisions.at(-1)).toMatchObject({ kind: 'DISCUSSION', role: 'voorzitter' });
});

test('saving without completing keeps the case in Bespreking; completing without a lead partner stores nothing', async () => {
  const { form, q } = await discussionForm();
  fireEvent.click(q.getByLabelText('Politie basisteam'));
  clickButton(form, nl.completeDiscussion);
  expect(await alertText(q, 'status')).toContain(nl.leadRequired);
  expect((await recordOf(s.bespreking)).discussion).toBeUndefined();
  clickButton(form, nl.saveDiscussion);
  await waitFor(async () => expect((await recordOf(s.bespreking)).discussion?.parties).toEqual(['politie']));
  expect((await recordOf(s.bespreking)).frame.phase).toBe('BESPREKING');
});

test('two chairs saving the same bespreking: the second gets a conflict message, not a lost update', async () => {
  const { form, q } = await discussionForm();
  const other = new CoreTabApi(s.w, U.regisseur);
  const seen = (await other.agenda(s.meetingId)).items[1]!.case!;
  await other.recordDiscussion(
    s.bespreking,
    { lifeDomains: { GEZIN: 'concerning' }, parties: ['wijkteam'], interventions: [], followUpOptions: [], complete: false, expectedVersion: seen.version },
    '00000000-0000-4000-8000-00000000c2c3',
  );
  fireEvent.click(q.getByLabelText('Politie basisteam'));
  clickButton(form, nl.saveDiscussion);
  expect(await alertText(q)).toContain('Iemand anders heeft deze casus intussen gewijzigd');
  expect((await recordOf(s.bespreking)).discussion?.parties).toEqual(['wijkteam']);
  expect((q.getByLabelText('Politie basisteam') as HTMLInputElement).checked).toBe(true);
});

test('life domains are picked as in the web part: one multi-select of the concerning domains, not a dropdown per domain', async () => {
  const { form, q } = await discussionForm();
  // one labelled control for all eight domains; no control is named after a single domain
  expect(q.getAllByLabelText(nl.concerningLifeDomains)).toHaveLength(1);
  expect(q.queryByLabelText('School en werk')).toBeNull();
  expect(q.queryByLabelText('Gezin en opvoeding')).toBeNull();
  await pick(form, nl.concerningLifeDomains, 'School en werk');
  await pick(form, nl.concerningLifeDomains, 'Gezin en opvoeding');
  fireEvent.click(q.getByLabelText('Politie basisteam'));
  clickButton(form, nl.saveDiscussion);
  await waitFor(async () => expect((await recordOf(s.bespreking)).discussion?.lifeDomains).toMatchObject({ SCHOOL: 'concerning', GEZIN: 'concerning', VRIJE_TIJD: 'unknown' }));
});
