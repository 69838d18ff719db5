/**
 * Issue 16 (review): the supplyIdentity form shows the registrations band (group B, which the command also
 * writes) only to a reader who may write B in the case's phase — in Verrijking the procesregisseur; the
 * inbrenger gave the band at intake and is refused when they send it. Which group a field writes beside
 * the command's own comes from the command table through the contract (COMMAND_RULES alsoWrites); who may
 * write it, from the policy table through the view's access. The views below give the access the policy
 * table gives in Verrijking (src/core/policy.ts, rows B and C).
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import { availableCommands } from '../src/caseList/commandForms';
import type { CaseView } from '../src/caseList/dataSource';
import { FakeSource, summary } from './fakeSource';

const INBRENGER_ACCESS: CaseView['access'] = { A: 'write', B: 'read', C: 'write' };
const REGISSEUR_ACCESS: CaseView['access'] = { A: 'write', B: 'write', C: 'write', D: 'write' };

const fieldsOf = (access: CaseView['access'], roles: string[]): string[] =>
  (availableCommands('VERRIJKING', access, roles).filter((c) => c.name === 'supplyIdentity')[0]?.fields ?? []).map((f) => f.key);

test('the supplyIdentity form has no registrations band field for the inbrenger, who reads group B in Verrijking', () => {
  expect(fieldsOf(INBRENGER_ACCESS, ['partner'])).toEqual(['name', 'dateOfBirth']);
});

test('the supplyIdentity form has the registrations band field for the procesregisseur, who writes group B in Verrijking', () => {
  expect(fieldsOf(REGISSEUR_ACCESS, ['procesregisseur'])).toEqual(['name', 'dateOfBirth', 'registrationsBand']);
});

function view(access: CaseView['access']): CaseView {
  const s = summary(3, { phase: 'VERRIJKING', nextStep: 'SUPPLY_IDENTITY' });
  return { id: s.id, version: 4, reference: s.reference, phase: 'VERRIJKING', access, frame: { reference: s.reference, phase: 'VERRIJKING', inbrengerOrganisationId: 'school' }, concern: { ageBand: '13-15', riskSignals: ['GELD'] } };
}

async function openSupplyIdentity(access: CaseView['access'], roles: string[]): Promise<HTMLElement> {
  const v = view(access);
  const source = new FakeSource([summary(3, { phase: 'VERRIJKING', nextStep: 'SUPPLY_IDENTITY' })], { [v.id]: v }, roles);
  render(<CoordinatorApp source={source} locale="nl-NL" newCommandId={() => 'cmd-1'} />);
  fireEvent.click(await screen.findByRole('button', { name: v.reference }));
  await screen.findByText(`Casus ${v.reference}`);
  const commands = screen.getByTestId('commands');
  const name = 'Naam en geboortedatum vastleggen';
  const direct = within(commands).queryByRole('button', { name });
  if (direct) fireEvent.click(direct);
  else {
    fireEvent.click(within(commands).getByRole('button', { name: 'Meer stappen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name }));
  }
  return screen.findByRole('alertdialog', { name });
}

test('a partner who brought the concern in sees name and date of birth in the dialog, and no registrations band', async () => {
  const dialog = await openSupplyIdentity(INBRENGER_ACCESS, ['partner']);
  expect(within(dialog).getByRole('textbox', { name: /Naam/ })).toBeTruthy();
  expect(within(dialog).queryByText('Registraties ondermijnende criminaliteit')).toBeNull();
});

test('the procesregisseur sees the registrations band in the dialog', async () => {
  const dialog = await openSupplyIdentity(REGISSEUR_ACCESS, ['procesregisseur']);
  expect(within(dialog).getByText('Registraties ondermijnende criminaliteit')).toBeTruthy();
});
