/**
 * @jest-environment jsdom
 *
 * The chair's suspicion decision in the side panel, saved at once on the real core; two chairs get a
 * conflict message instead of a lost update.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ERROR_CODES } from '../../../src/core/errors';
import { SidePanel } from '../../../teams-app/src/components/SidePanel';
import { U } from '../../support/world';
import { CoreTabApi } from './support/core-api';
import { alertText, clickButton, nl, openItem, pick, renderTab, text } from './support/render';
import type { Session } from './support/session';
import { TEAMS_MEETING_ID, session } from './support/session';

let s: Session;
beforeEach(async () => {
  s = await session();
});
afterEach(() => s.w.close());

const phaseOf = async (caseId: string) => (await s.w.store.transaction((tx) => tx.getCase(caseId)))!.frame;

async function chairForm() {
  renderTab(<SidePanel teamsMeetingId={TEAMS_MEETING_ID} shareStage={async () => undefined} stageUrl="" refreshMs={0} />, new CoreTabApi(s.w, U.voorzitter));
  const ref = await s.reference(s.inbreng);
  const form = await screen.findByLabelText(`${nl.suspicionLegend} ${ref}`);
  return { form, q: within(form) };
}

test('the chair decides “reasonable suspicion: yes” with a rationale; it is saved at once and the case moves to Verrijking', async () => {
  const { form, q } = await chairForm();
  fireEvent.click(q.getByLabelText(nl.yes));
  fireEvent.change(q.getByLabelText(nl.rationale), { target: { value: 'Meerdere signalen van dealen en geld.' } });
  clickButton(form, nl.recordDecision);
  await waitFor(async () => expect((await phaseOf(s.inbreng)).phase).toBe('VERRIJKING'));
  const frame = await phaseOf(s.inbreng);
  expect(frame.decisions.at(-1)).toMatchObject({ kind: 'SUSPICION', outcome: 'YES', rationale: 'Meerdere signalen van dealen en geld.', role: 'voorzitter' });
  // the item now shows the decision taken in this session, and no form any more.
  const item = await screen.findByRole("article", { name: new RegExp(`${await s.reference(s.inbreng)}$`) });
  await waitFor(() => expect(text(item)).toContain(nl.suspicionYes));
  expect(screen.queryByText(nl.recordDecision)).toBeNull();
});

test('“no” needs a rationale and an advised route; without them nothing is stored', async () => {
  const { form, q } = await chairForm();
  fireEvent.click(q.getByLabelText(nl.no));
  clickButton(form, nl.recordDecision);
  await waitFor(() => expect(q.getByLabelText(nl.rationale).getAttribute('aria-invalid')).toBe('true'));
  expect(q.getByLabelText(nl.advisedRoute).getAttribute('aria-invalid')).toBe('true');
  expect(text(q.getByLabelText(nl.rationale).closest('form'))).toContain(nl.required);
  expect((await phaseOf(s.inbreng)).phase).toBe('INBRENG');
  fireEvent.change(q.getByLabelText(nl.rationale), { target: { value: 'Past beter bij het zorgteam van de school.' } });
  await pick(form, nl.advisedRoute, 'Zorgteam van de school');
  clickButton(form, nl.recordDecision);
  await waitFor(async () => expect((await phaseOf(s.inbreng)).exit).toMatchObject({ reason: 'NO_SUSPICION', advisedRoute: 'ZORGTEAM_SCHOOL' }));
});

test('a rationale that identifies a person is refused with the guard’s message, and nothing is stored', async () => {
  const { form, q } = await chairForm();
  fireEvent.click(q.getByLabelText(nl.yes));
  fireEvent.change(q.getByLabelText(nl.rationale), { target: { value: 'Gaat om Mohammed El Amrani, bereikbaar op 06-12345678.' } });
  clickButton(form, nl.recordDecision);
  expect(await alertText(q)).toContain(ERROR_CODES['INTAKE.IDENTIFIER_DETECTED'].nl);
  // the message names the field and what was found there, never the text; the input stays.
  expect(await alertText(q)).toContain('Gevonden: een naam in de onderbouwing.');
  expect(await alertText(q)).toContain('Gevonden: een telefoonnummer in de onderbouwing.');
  expect(await alertText(q)).not.toContain('El Amrani');
  expect((q.getByLabelText(nl.rationale) as HTMLTextAreaElement).value).toBe('Gaat om Mohammed El Amrani, bereikbaar op 06-12345678.');
  expect((await phaseOf(s.inbreng)).phase).toBe('INBRENG');
});

test('two chairs: the second chair’s decision is refused with a conflict message, the first decision stands and the input stays', async () => {
  const { form, q } = await chairForm();
  // the other chair decides first, from the same version.
  const other = new CoreTabApi(s.w, U.regisseur);
  const seen = (await other.agenda(s.meetingId)).items[0]!.case!;
  await other.decideSuspicion(s.inbreng, { suspicion: true, rationale: 'Eerste besluit.', expectedVersion: seen.version }, '00000000-0000-4000-8000-00000000c2c2');

  fireEvent.click(q.getByLabelText(nl.no));
  fireEvent.change(q.getByLabelText(nl.rationale), { target: { value: 'Tweede besluit.' } });
  await pick(form, nl.advisedRoute, 'Wijkteam');
  clickButton(form, nl.recordDecision);
  expect(await alertText(q)).toContain(ERROR_CODES['CASE.VERSION_CONFLICT'].nl);
  expect((q.getByLabelText(nl.rationale) as HTMLTextAreaElement).value).toBe('Tweede besluit.');
  const frame = await phaseOf(s.inbreng);
  expect(frame.phase).toBe('VERRIJKING');
  expect(frame.decisions.filter((d) => d.kind === 'SUSPICION').map((d) => d.rationale)).toEqual(['Eerste besluit.']);
  // “load the latest version” shows what the other chair decided.
  fireEvent.click(q.getByText(nl.conflictReload));
  // the item's summary line says what was decided; opened, it shows the other chair's rationale.
  await waitFor(() => expect(text(screen.getByTestId('agenda-item-1'))).toContain(nl.suspicionYes));
  const item = await openItem(1);
  await waitFor(() => expect(text(item)).toContain('Eerste besluit.'));
});

test('after “Besluit vastleggen” focus moves to the next item to decide, a live region says so, and the next item can be shared on the stage from there', async () => {
  const { form, q } = await chairForm();
  fireEvent.click(q.getByLabelText(nl.yes));
  fireEvent.change(q.getByLabelText(nl.rationale), { target: { value: 'Meerdere signalen van dealen en geld.' } });
  clickButton(form, nl.recordDecision);
  const progress = await screen.findByTestId('agenda-progress');
  const nextHeading = `${nl.item} 2: ${await s.reference(s.bespreking)}`;
  const doneHeading = `${nl.item} 1: ${await s.reference(s.inbreng)}`;
  await waitFor(() => expect(text(progress)).toContain(`${nl.decisionRecordedFor} ${doneHeading}. ${nl.nextItem}: ${nextHeading}.`));
  expect(progress.getAttribute('role')).toBe('status');
  await waitFor(() => expect(document.activeElement?.textContent).toContain(nextHeading));
  expect(document.activeElement?.tagName).toBe('H3');
  fireEvent.click(within(progress).getByText(nl.shareNext).closest('button')!);
  await waitFor(async () => expect((await new CoreTabApi(s.w, U.voorzitter).stage(s.meetingId)).item?.position).toBe(2));
});
