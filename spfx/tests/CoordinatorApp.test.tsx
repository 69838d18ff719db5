import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import type { CaseView } from '../src/caseList/dataSource';
import { ApiProblem } from '@signaalpunt/contract/client';
import { FakeSource, summary } from './fakeSource';

const VIEW_INBRENG: CaseView = {
  id: summary(1).id,
  version: 3,
  reference: 'SJV-2026-0001',
  phase: 'INBRENG',
  access: { A: 'write', B: 'write' },
  frame: { reference: 'SJV-2026-0001', phase: 'INBRENG', inbrengerOrganisationId: 'school', decisions: [], transitions: [] },
  concern: { ageBand: '13-15', riskSignals: ['GELD', 'VERZUIM'], forms: ['DEALEN'], freeText: 'Dure kleding, veel contant geld.' },
};
const VIEW_VERRIJKING: CaseView = {
  id: summary(2).id,
  version: 5,
  reference: 'SJV-2026-0002',
  phase: 'VERRIJKING',
  access: { A: 'write', B: 'write', C: 'write', D: 'write', H: 'write' },
  frame: { reference: 'SJV-2026-0002', phase: 'VERRIJKING', inbrengerOrganisationId: 'school' },
  concern: { ageBand: '13-15', riskSignals: ['GELD'] },
  identity: { name: 'Test Persoon', dateOfBirth: '2011-05-04' },
  enrichment: { requests: [{ organisationId: 'politie', requestedAt: '2026-03-02T09:00:00.000Z', dueOn: '2026-03-16', status: 'open' }] },
  reflection: { lettersSent: [] },
};

function setup(opts: { roles?: string[]; cases?: ReturnType<typeof summary>[]; pageSize?: number; locale?: 'nl-NL' | 'en-US' } = {}) {
  const cases = opts.cases ?? [
    summary(1),
    summary(2, { phase: 'VERRIJKING', nextStep: 'AWAIT_ENRICHMENT', overdue: { informing: true, enrichment: false }, inbrengerOrganisationId: 'politie', riskSignals: ['VERZUIM'] }),
    summary(3, { phase: 'CLOSED', status: 'closed', nextStep: 'AWAIT_RETENTION' }),
  ];
  const source = new FakeSource(cases, { [VIEW_INBRENG.id]: VIEW_INBRENG, [VIEW_VERRIJKING.id]: VIEW_VERRIJKING }, opts.roles ?? ['procesregisseur'], [
    { seq: 1, at: '2026-03-02T09:00:00.000Z', actorId: 'mentor@school.demo', role: 'ketenpartner', phase: 'INBRENG', action: 'create', groups: ['B'], purpose: 'submitConcern: anonieme inbreng van een zorg' },
  ]);
  let n = 0;
  const utils = render(<CoordinatorApp source={source} locale={opts.locale ?? 'nl-NL'} pageSize={opts.pageSize ?? 50} newCommandId={() => `cmd-test-${++n}`} />);
  return { source, ...utils };
}

async function rows(): Promise<HTMLElement[]> {
  await screen.findByText('SJV-2026-0001', {}, { timeout: 5000 }).catch(() => undefined);
  return screen.queryAllByRole('row').slice(1);
}

describe('CoordinatorApp (case list web part)', () => {
  test('shows the columns with Dutch labels: reference, phase, status, organisation, age band, signals, days in phase, next step, overdue flags', async () => {
    setup();
    await screen.findByText('SJV-2026-0002');
    for (const h of ['Kenmerk', 'Fase', 'Status', 'Organisatie inbrenger', 'Leeftijd', 'Signalen', 'Dagen in fase', 'Volgende stap', 'Termijnen']) {
      expect(screen.getAllByText(h).length).toBeGreaterThan(0);
    }
    const row = screen.getByText('SJV-2026-0002').closest('[role="row"]') as HTMLElement;
    expect(within(row).getByText('Verrijking')).toBeTruthy();
    expect(within(row).getByText('Politie basisteam')).toBeTruthy();
    expect(within(row).getByText('13–15 jaar')).toBeTruthy();
    expect(within(row).getByText('Schoolverzuim / spijbelen')).toBeTruthy();
    expect(within(row).getByText('Wachten op verrijking')).toBeTruthy();
    expect(within(row).getByText('Informeren te laat')).toBeTruthy();
    expect(within(row).getByText('2')).toBeTruthy();
    expect(screen.getByTestId('case-count').textContent).toBe('2 casussen'); // open cases first; the closed one after "Filters wissen"
  });

  test('opens on the open cases in work order: urgent new concerns first with a "Spoed" badge, then the longest waiting; the closed case only after "Filters wissen"', async () => {
    const { source } = setup({
      cases: [
        summary(1, { daysInPhase: 1 }),
        summary(2, { urgency: 'high', daysInPhase: 0 }),
        summary(3, { daysInPhase: 5 }),
        summary(4, { phase: 'VERRIJKING', daysInPhase: 9, nextStep: 'AWAIT_ENRICHMENT' }),
        summary(5, { phase: 'CLOSED', status: 'closed', nextStep: 'AWAIT_RETENTION' }),
      ],
    });
    await screen.findByText('SJV-2026-0002');
    expect(source.lists[0]).toMatchObject({ status: 'open' });
    const order = () => screen.getAllByText(/^SJV-2026-000\d$/).map((e) => e.textContent);
    expect(order()).toEqual(['SJV-2026-0002', 'SJV-2026-0003', 'SJV-2026-0001', 'SJV-2026-0004']);
    const urgentRow = screen.getByText('SJV-2026-0002').closest('[role="row"]') as HTMLElement;
    expect(within(urgentRow).getByText('Spoed')).toBeTruthy();
    expect(document.querySelectorAll('[data-urgent="true"]')).toHaveLength(1);
    fireEvent.click(screen.getByText('Filters wissen'));
    await screen.findByText('SJV-2026-0005');
    expect(order().at(-1)).toBe('SJV-2026-0005');
  });

  test('renders English labels for en-US', async () => {
    setup({ locale: 'en-US' });
    await screen.findByText('SJV-2026-0002');
    expect(screen.getAllByText('Days in phase').length).toBeGreaterThan(0);
    expect(screen.getByText('Informing overdue')).toBeTruthy();
    expect(screen.getByText('Awaiting enrichment')).toBeTruthy();
  });

  test('the overdue filter is sent to the data source and narrows the list; clearing the filters resets it', async () => {
    const { source } = setup();
    await screen.findByText('SJV-2026-0001');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Alleen met verlopen termijn' }));
    await waitFor(() => expect(screen.queryByText('SJV-2026-0001')).toBeNull());
    expect(source.lists.at(-1)).toMatchObject({ overdue: true, offset: 0 });
    expect(screen.getByText('SJV-2026-0002')).toBeTruthy();
    fireEvent.click(screen.getByText('Filters wissen'));
    await screen.findByText('SJV-2026-0003');
    expect(source.lists.at(-1)).toEqual({ limit: 50, offset: 0 });
  });

  test('filter by phase through the dropdown', async () => {
    const { source } = setup();
    await screen.findByText('SJV-2026-0001');
    const phase = screen.getAllByRole('combobox')[0]!;
    fireEvent.click(phase);
    fireEvent.click(await screen.findByRole('option', { name: 'Afgesloten' }));
    await waitFor(() => expect(source.lists.at(-1)).toMatchObject({ phases: ['CLOSED'] }));
    expect(source.lists.at(-1)!.status).toBeUndefined(); // "open" would contradict the closed phase
    await waitFor(() => expect(screen.queryByText('SJV-2026-0001')).toBeNull());
    expect(screen.getByText('SJV-2026-0003')).toBeTruthy();
  });

  test('sorts by a column: ascending on the first click, descending on the second', async () => {
    setup();
    fireEvent.click(await screen.findByText('Filters wissen'));
    await screen.findByText('SJV-2026-0003');
    const order = () => screen.getAllByText(/^SJV-2026-000\d$/).map((e) => e.textContent);
    fireEvent.click(screen.getAllByText('Dagen in fase')[0]!);
    await waitFor(() => expect(order()).toEqual(['SJV-2026-0001', 'SJV-2026-0002', 'SJV-2026-0003']));
    fireEvent.click(screen.getAllByText('Dagen in fase')[0]!);
    await waitFor(() => expect(order()).toEqual(['SJV-2026-0003', 'SJV-2026-0002', 'SJV-2026-0001']));
  });

  test('pages through the cases with the data source (limit/offset)', async () => {
    const many = Array.from({ length: 7 }, (_, i) => summary(i + 1));
    const { source } = setup({ cases: many, pageSize: 3 });
    await screen.findByText('Pagina 1 van 3');
    fireEvent.click(screen.getByText('Volgende pagina'));
    await screen.findByText('Pagina 2 van 3');
    expect(source.lists.at(-1)).toMatchObject({ limit: 3, offset: 3 });
    await screen.findByText('SJV-2026-0004');
  });

  test('the detail panel shows exactly the groups of the policy view: identity when the view has it, not otherwise', async () => {
    const { source } = setup();
    fireEvent.click(await screen.findByText('SJV-2026-0002'));
    await screen.findByText('Casus SJV-2026-0002');
    expect(source.caseReads).toEqual([VIEW_VERRIJKING.id]);
    const groups = Array.from(document.querySelectorAll('section[data-group]')).map((s) => s.getAttribute('data-group'));
    expect(groups).toEqual(['A', 'B', 'C', 'D', 'H']);
    expect(screen.getByText('Test Persoon')).toBeTruthy();
    expect(screen.getByText('Identiteit')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Sluiten'));
    fireEvent.click(await screen.findByText('SJV-2026-0001'));
    await screen.findByText('Casus SJV-2026-0001');
    expect(Array.from(document.querySelectorAll('section[data-group]')).map((s) => s.getAttribute('data-group'))).toEqual(['A', 'B']);
    expect(screen.queryByText('Identiteit')).toBeNull();
    expect(screen.queryByText('Test Persoon')).toBeNull();
    // codes are shown as catalogue labels
    expect(screen.getByText('Onverklaarbaar geld of dure spullen, Schoolverzuim / spijbelen')).toBeTruthy();
  });

  test('a phase command asks for confirmation and rationale, then sends the command with its idempotency key and expected version', async () => {
    const { source } = setup();
    fireEvent.click(await screen.findByText('SJV-2026-0001'));
    await screen.findByText('Casus SJV-2026-0001');
    fireEvent.click(within(screen.getByTestId('commands')).getByRole('button', { name: 'Besluit redelijk vermoeden' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Besluit redelijk vermoeden' });
    const confirm = within(dialog).getByText('Bevestigen').closest('button')!;
    // disabled but focusable (so its description of what is missing can be read): aria-disabled
    const disabled = (): boolean => confirm.disabled || confirm.getAttribute('aria-disabled') === 'true';
    expect(disabled()).toBe(true);
    // Ja/Nee is a choice shown at once (one click), not a dropdown (issue 18, item 6)
    expect(within(dialog).queryByRole('combobox', { name: /Redelijk vermoeden/ })).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Ja, er is een redelijk vermoeden' }));
    expect(disabled()).toBe(true); // the rationale is still empty
    fireEvent.change(within(dialog).getByLabelText(/Toelichting/), { target: { value: 'Meerdere signalen van dealen.' } });
    expect(disabled()).toBe(false);
    await act(async () => {
      fireEvent.click(confirm);
    });
    expect(source.executed).toEqual([
      { name: 'decideSuspicion', caseId: VIEW_INBRENG.id, input: { commandId: 'cmd-test-1', expectedVersion: 3, suspicion: true, rationale: 'Meerdere signalen van dealen.' } },
    ]);
    await screen.findByText('Stap vastgelegd. SJV-2026-0001 staat nu in fase Verrijking.');
    expect(source.lists.length).toBeGreaterThanOrEqual(2); // the list reloaded
  });

  test('a refused command shows the API’s Dutch text in the dialog and keeps it open', async () => {
    const { source } = setup();
    source.failNextCommand = new ApiProblem('CASE.VERSION_CONFLICT', 409, { nl: 'Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.', en: 'x' });
    fireEvent.click(await screen.findByText('SJV-2026-0001'));
    fireEvent.click(await screen.findByRole('button', { name: 'Meer stappen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Casus intrekken' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Casus intrekken' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Geadviseerde route/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Wijkteam' }));
    fireEvent.change(within(dialog).getByLabelText(/Toelichting/), { target: { value: 'Ingetrokken door de inbrenger.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByText('Bevestigen'));
    });
    // Fluent's MessageBar renders its text a tick after the alert element: wait for the text itself.
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Iemand anders heeft deze casus intussen gewijzigd. Laad de casus opnieuw.'));
  });

  test('a guard refusal names the field and what was found there, and keeps the input in the open dialog', async () => {
    const { source } = setup();
    source.failNextCommand = new ApiProblem(
      'INTAKE.IDENTIFIER_DETECTED',
      422,
      { nl: 'De tekst bevat mogelijk gegevens waarmee iemand te herkennen is. Haal die weg; er is niets opgeslagen.', en: 'x' },
      [{ path: 'rationale', issue: 'PERSON_NAME' }],
    );
    fireEvent.click(await screen.findByText('SJV-2026-0001'));
    fireEvent.click(await screen.findByRole('button', { name: 'Meer stappen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Casus intrekken' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Casus intrekken' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Geadviseerde route/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Wijkteam' }));
    fireEvent.change(within(dialog).getByLabelText(/Toelichting/), { target: { value: 'Ingetrokken, besproken met Jantje.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByText('Bevestigen'));
    });
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('De tekst bevat mogelijk gegevens waarmee iemand te herkennen is. Haal die weg; er is niets opgeslagen. Gevonden: een naam in de toelichting.'));
    expect((within(dialog).getByLabelText(/Toelichting/) as HTMLTextAreaElement).value).toBe('Ingetrokken, besproken met Jantje.');
  });

  test('only the commands the phase, the role and the view’s write access allow are offered', async () => {
    setup({ roles: ['voorzitter'] });
    fireEvent.click(await screen.findByText('SJV-2026-0002'));
    await screen.findByText('Casus SJV-2026-0002');
    expect(screen.getByText('Er is in deze fase geen stap voor u.')).toBeTruthy();
  });

  test('shows the audit trail of the case', async () => {
    setup();
    fireEvent.click(await screen.findByText('SJV-2026-0001'));
    fireEvent.click(await screen.findByText('Audittrail tonen'));
    const table = await screen.findByTestId('audit-trail');
    expect(within(table).getByText('submitConcern: anonieme inbreng van een zorg')).toBeTruthy();
    expect(within(table).getByText('Zorg (anoniem)')).toBeTruthy();
  });

  test('shows the rows of a large page (virtualised list keeps the DOM small)', async () => {
    const many = Array.from({ length: 500 }, (_, i) => summary(i + 1));
    setup({ cases: many, pageSize: 500 });
    await screen.findByText('500 casussen');
    const rendered = await rows();
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(500);
  });
});
