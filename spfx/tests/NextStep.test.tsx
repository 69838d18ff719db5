/**
 * Issue 18, item 6: one clear next step. The list's "Volgende stap" is a primary button that opens the case
 * with that step's dialog; in the case panel the next step is the one primary button and withdrawing sits in
 * a menu ("Meer stappen"); deciding suspicion on a new concern takes at most 4 clicks (Ja/Nee as a choice).
 */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import type { CaseView } from '../src/caseList/dataSource';
import { FakeSource, summary } from './fakeSource';

const VIEW: CaseView = {
  id: summary(1).id,
  version: 3,
  reference: 'SJV-2026-0001',
  phase: 'INBRENG',
  access: { A: 'write', B: 'write' },
  frame: { reference: 'SJV-2026-0001', phase: 'INBRENG', inbrengerOrganisationId: 'school', decisions: [], transitions: [] },
  concern: { ageBand: '13-15', riskSignals: ['GELD'] },
};

function setup(roles = ['procesregisseur']) {
  const source = new FakeSource(
    [summary(1), summary(2, { phase: 'VERRIJKING', nextStep: 'AWAIT_ENRICHMENT' })],
    { [VIEW.id]: VIEW },
    roles,
  );
  let n = 0;
  render(<CoordinatorApp source={source} locale="nl-NL" newCommandId={() => `cmd-${++n}`} />);
  return source;
}

const isPrimary = (b: HTMLElement): boolean => b.className.indexOf('ms-Button--primary') >= 0;

describe('the next step is the primary action; withdrawing is in a menu (issue 18, item 6)', () => {
  test('the list shows "Volgende stap" as a primary button where the user can take it, and as text where the case waits on others', async () => {
    setup();
    const step = await screen.findByRole('button', { name: 'Besluit redelijk vermoeden', description: 'SJV-2026-0001' });
    expect(isPrimary(step)).toBe(true);
    expect(step.closest('[role="row"]')!.textContent).toContain('SJV-2026-0001');
    const waiting = screen.getByText('SJV-2026-0002').closest('[role="row"]') as HTMLElement;
    expect(within(waiting).getByText('Wachten op verrijking').closest('button')).toBeNull();
  });

  test('a role that may not take the step sees it as text, not as a button', async () => {
    setup(['ketenpartner']);
    await screen.findByText('SJV-2026-0001');
    expect(screen.queryByRole('button', { name: 'Besluit redelijk vermoeden' })).toBeNull();
    expect(screen.getByText('Besluit redelijk vermoeden')).toBeTruthy();
  });

  test('in the case panel the next step is the one primary button and "Casus intrekken" is only in the "Meer stappen" menu', async () => {
    setup();
    fireEvent.click(await screen.findByRole('button', { name: 'SJV-2026-0001' }));
    await screen.findByText('Casus SJV-2026-0001');
    const commands = screen.getByTestId('commands');
    const buttons = within(commands).getAllByRole('button');
    expect(buttons.filter(isPrimary).map((b) => b.textContent)).toEqual(['Besluit redelijk vermoeden']);
    expect(within(commands).queryByRole('button', { name: 'Casus intrekken' })).toBeNull();
    fireEvent.click(within(commands).getByRole('button', { name: 'Meer stappen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Casus intrekken' }));
    await screen.findByRole('alertdialog', { name: 'Casus intrekken' });
  });

  test('deciding suspicion on a new concern from the list takes 4 clicks: the step, "Ja", the rationale box, "Bevestigen"', async () => {
    const source = setup();
    let clicks = 0;
    const click = (el: Element): void => {
      clicks += 1;
      fireEvent.click(el);
    };
    click(await screen.findByRole('button', { name: 'Besluit redelijk vermoeden', description: 'SJV-2026-0001' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Besluit redelijk vermoeden' });
    click(within(dialog).getByRole('radio', { name: 'Ja, er is een redelijk vermoeden' }));
    const rationale = within(dialog).getByRole('textbox', { name: /Toelichting/ });
    click(rationale);
    fireEvent.change(rationale, { target: { value: 'Meerdere signalen van dealen.' } });
    await act(async () => {
      click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await screen.findByText('Stap vastgelegd. SJV-2026-0001 staat nu in fase Verrijking.');
    expect(source.executed).toEqual([
      { name: 'decideSuspicion', caseId: VIEW.id, input: { commandId: 'cmd-1', expectedVersion: 3, suspicion: true, rationale: 'Meerdere signalen van dealen.' } },
    ]);
    expect(clicks).toBeLessThanOrEqual(4);
  });
});
