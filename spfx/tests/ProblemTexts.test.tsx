/**
 * Issue 18, item 7: refusals read as what is wrong. A date the API refuses by field and issue code gets its
 * own Dutch sentence instead of "De invoer is ongeldig."; a version conflict — 409 CASE.VERSION_CONFLICT or a
 * 412 — offers "Nieuwste versie laden" beside the message.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import { fieldIssueLines } from '../src/caseList/problemTexts';
import { STRINGS } from '../src/caseList/i18n';
import type { CaseView } from '../src/caseList/dataSource';
import { ApiProblem } from '@signaalpunt/contract/client';
import { FakeSource, summary } from './fakeSource';

const VIEW: CaseView = {
  id: summary(2).id,
  version: 5,
  reference: 'SJV-2026-0002',
  phase: 'VERRIJKING',
  access: { A: 'write', B: 'read', C: 'write' },
  frame: { reference: 'SJV-2026-0002', phase: 'VERRIJKING', inbrengerOrganisationId: 'school', identityCapturedAt: '2026-03-10T09:00:00.000Z' },
  identity: { name: 'Test Persoon', dateOfBirth: '2011-05-04' },
};

async function refusedInforming(problem: ApiProblem): Promise<HTMLElement> {
  const source = new FakeSource([summary(2, { phase: 'VERRIJKING', nextStep: 'REQUEST_ENRICHMENT' })], { [VIEW.id]: VIEW });
  source.failNextCommand = problem;
  render(<CoordinatorApp source={source} locale="nl-NL" newCommandId={() => 'cmd-1'} />);
  fireEvent.click(await screen.findByRole('button', { name: 'SJV-2026-0002' }));
  await screen.findByText('Casus SJV-2026-0002');
  fireEvent.click(within(screen.getByTestId('commands')).getByRole('button', { name: 'Informeren inwoner vastleggen' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Informeren inwoner vastleggen' });
  fireEvent.change(within(dialog).getByLabelText(/Datum geïnformeerd/), { target: { value: '2026-03-01' } });
  await act(async () => {
    fireEvent.click(within(dialog).getByText('Bevestigen'));
  });
  return dialog;
}

describe('specific texts for refused input and conflicts (issue 18, item 7)', () => {
  test('a date of informing before the registration (VALIDATION.INVALID_INPUT, informedOn OUT_OF_RANGE) is said as such, not "De invoer is ongeldig."', async () => {
    const dialog = await refusedInforming(new ApiProblem('VALIDATION.INVALID_INPUT', 400, { nl: 'De invoer is ongeldig.', en: 'The input is invalid.' }, [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }]));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('De datum van informeren kan niet vóór de registratie van naam en geboortedatum liggen, en niet in de toekomst.'));
    expect(within(dialog).queryByRole('button', { name: 'Nieuwste versie laden' })).toBeNull();
  });

  test('a 412 is a conflict: its message and "Nieuwste versie laden"', async () => {
    const dialog = await refusedInforming(new ApiProblem('HTTP.BAD_REQUEST', 412, { nl: 'De Signaalpunt-API gaf een fout.', en: 'The Signaalpunt API returned an error.' }));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Iemand anders heeft deze casus intussen gewijzigd.'));
    expect(within(dialog).getByRole('button', { name: 'Nieuwste versie laden' })).toBeTruthy();
  });

  test('a 409 CASE.VERSION_CONFLICT keeps the API’s text and offers "Nieuwste versie laden"', async () => {
    const dialog = await refusedInforming(new ApiProblem('CASE.VERSION_CONFLICT', 409, { nl: 'Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.', en: 'x' }));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.'));
    expect(within(dialog).getByRole('button', { name: 'Nieuwste versie laden' })).toBeTruthy();
  });

  test('only a VALIDATION.INVALID_INPUT whose every (path, issue) pair is known replaces the API’s text, in the user’s language', () => {
    const nl = STRINGS['nl-NL'];
    expect(fieldIssueLines('VALIDATION.INVALID_INPUT', [{ path: 'dueOn', issue: 'NOT_IN_FUTURE' }], nl)).toEqual(['Kies een termijn na vandaag.']);
    expect(fieldIssueLines('VALIDATION.INVALID_INPUT', [{ path: 'dueOn', issue: 'NOT_IN_FUTURE' }, { path: 'name', issue: 'too_small' }], nl)).toEqual([]);
    expect(fieldIssueLines('CASE.ADVICE_REQUIRED', [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }], nl)).toEqual([]);
    expect(fieldIssueLines('VALIDATION.INVALID_INPUT', [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }], STRINGS['en-US'])).toEqual([
      'The date of informing cannot be before the registration of name and date of birth, nor in the future.',
    ]);
  });
});
