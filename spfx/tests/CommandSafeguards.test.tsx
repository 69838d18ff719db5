/**
 * Issue 18, item 4: the irreversible steps "Verrijking afronden" and "Afsluiten" show what is still open
 * (partners without an answer, actions still planned or running — by organisation and label from the
 * reader's own view), ask an explicit confirmation with a reason when something is open, and mark route
 * and rationale as required where the server requires them.
 */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CoordinatorApp } from '../src/caseList/components/CoordinatorApp';
import type { CaseView, Catalogue, Partner } from '../src/caseList/dataSource';
import { CATALOGUE, FakeSource, PARTNERS, summary } from './fakeSource';

class Source extends FakeSource {
  async catalogue(): Promise<Catalogue> {
    return { ...CATALOGUE, offers: [{ code: 'MENTOR', nl: 'Mentortraject', en: 'Mentoring' }] };
  }
  async partners(): Promise<Partner[]> {
    return PARTNERS.concat([
      { id: 'wijkteam', name: 'Wijkteam Noord', member: true },
      { id: 'leerplicht', name: 'Leerplicht', member: true },
    ]);
  }
}

const id = (i: number): string => summary(i).id;
const request = (organisationId: string, status: string, answer?: { known: boolean; signals: string[] }): Record<string, unknown> => ({
  organisationId,
  requestedAt: '2026-03-02T09:00:00.000Z',
  dueOn: '2026-03-16',
  status,
  ...(answer ? { answer: { ...answer, answeredAt: '2026-03-05T09:00:00.000Z', answeredBy: 'x@leerplicht.demo' } } : {}),
});

function enriching(i: number, requests: ReturnType<typeof request>[]): CaseView {
  return {
    id: id(i),
    version: 7,
    reference: summary(i).reference,
    phase: 'VERRIJKING',
    access: { A: 'write', B: 'read', C: 'write', D: 'write' },
    frame: { reference: summary(i).reference, phase: 'VERRIJKING', inbrengerOrganisationId: 'school' },
    concern: { ageBand: '13-15', riskSignals: ['GELD'] },
    enrichment: { requests: requests as never },
  };
}

function reflecting(i: number, statuses: string[], frame: Record<string, string> = { informedOn: '2026-03-10' }): CaseView {
  return {
    id: id(i),
    version: 11,
    reference: summary(i).reference,
    phase: 'REFLECTIE',
    access: { A: 'write', G: 'read', H: 'write' },
    frame: { reference: summary(i).reference, phase: 'REFLECTIE', inbrengerOrganisationId: 'school', identityCapturedAt: '2026-03-05T09:00:00.000Z', ...frame },
    followUp: { actions: statuses.map((status, n) => ({ id: `act-${n}`, offerCode: 'MENTOR', organisationId: n === 0 ? 'wijkteam' : 'politie', dueOn: '2026-05-01', status })), residentStance: 'POSITIEF' },
    reflection: {},
  };
}

function setup(view: CaseView) {
  const phase = view.phase;
  const nextStep = phase === 'VERRIJKING' ? 'AWAIT_ENRICHMENT' : 'CLOSE_CASE';
  const source = new Source([summary(Number(view.reference.slice(-4)), { phase, nextStep })], { [view.id]: view }, ['procesregisseur']);
  let n = 0;
  render(<CoordinatorApp source={source} locale="nl-NL" newCommandId={() => `cmd-${++n}`} />);
  return source;
}

async function openDialog(reference: string, command: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: reference }));
  await screen.findByText(`Casus ${reference}`);
  const commands = screen.getByTestId('commands');
  const direct = within(commands).queryByRole('button', { name: command });
  if (direct) fireEvent.click(direct);
  else {
    fireEvent.click(within(commands).getByRole('button', { name: 'Meer stappen' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: command }));
  }
  return screen.findByRole('alertdialog', { name: command });
}

const confirmDisabled = (dialog: HTMLElement): boolean => {
  const b = within(dialog).getByText('Bevestigen').closest('button')!;
  return b.disabled || b.getAttribute('aria-disabled') === 'true';
};

describe('irreversible steps show what is still open and ask a confirmation with a reason (issue 18, item 4)', () => {
  test('"Verrijking afronden" with 2 of 3 partners unanswered lists them, marks route and rationale required and needs the explicit confirmation', async () => {
    const view = enriching(2, [request('politie', 'open'), request('wijkteam', 'open'), request('leerplicht', 'answered', { known: false, signals: [] })]);
    const source = setup(view);
    const dialog = await openDialog(view.reference, 'Verrijking afronden');
    const open = within(dialog).getByTestId('open-items');
    expect(open.textContent).toContain('Nog geen antwoord op de verrijkingsvraag van:');
    const lines = within(open).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual(['Politie basisteam (antwoord uiterlijk 16-03-2026)', 'Wijkteam Noord (antwoord uiterlijk 16-03-2026)']);
    // the partner that answered is not listed as open
    expect(open.textContent).not.toContain('Leerplicht');
    // route and rationale are required (the core refuses CASE.ADVICE_REQUIRED without them when not confirmed)
    expect(within(dialog).getByRole('textbox', { name: /Toelichting/ }).getAttribute('required')).not.toBeNull();
    expect(within(dialog).getByRole('combobox', { name: /Geadviseerde route/ }).getAttribute('aria-required')).toBe('true');
    expect(confirmDisabled(dialog)).toBe(true);
    expect(dialog.textContent).toContain('Nog in te vullen: Geadviseerde route, Toelichting');
    fireEvent.click(within(dialog).getByRole('combobox', { name: /Geadviseerde route/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Wijkteam' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Toelichting/ }), { target: { value: 'Termijn verstreken; geen bevestiging.' } });
    expect(confirmDisabled(dialog)).toBe(true); // not yet confirmed that the open answers are left open
    expect(dialog.textContent).toContain('bevestiging dat u doorgaat terwijl er nog iets open staat');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Ik weet dat dit nog open staat/ }));
    expect(confirmDisabled(dialog)).toBe(false);
    await act(async () => {
      fireEvent.click(within(dialog).getByText('Bevestigen'));
    });
    expect(source.executed).toEqual([
      { name: 'concludeEnrichment', caseId: view.id, input: { commandId: 'cmd-1', expectedVersion: 7, advisedRoute: 'WIJKTEAM', rationale: 'Termijn verstreken; geen bevestiging.' } },
    ]);
  });

  test('"Verrijking afronden" confirmed by another partner with nothing open asks no confirmation and needs neither route nor rationale', async () => {
    const view = enriching(3, [request('politie', 'answered', { known: true, signals: ['GELD'] })]);
    const source = setup(view);
    const dialog = await openDialog(view.reference, 'Verrijking afronden');
    expect(within(dialog).queryByTestId('open-items')).toBeNull();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(within(dialog).getByRole('textbox', { name: /Toelichting/ }).getAttribute('required')).toBeNull();
    expect(confirmDisabled(dialog)).toBe(false);
    await act(async () => {
      fireEvent.click(within(dialog).getByText('Bevestigen'));
    });
    expect(source.executed[0]!.input).toEqual({ commandId: 'cmd-1', expectedVersion: 7 });
  });

  test('"Casus afsluiten" with its only action still planned lists it by offer and organisation, warns that the core refuses, and needs the confirmation', async () => {
    const view = reflecting(4, ['planned']);
    setup(view);
    const dialog = await openDialog(view.reference, 'Casus afsluiten');
    const open = within(dialog).getByTestId('open-items');
    expect(open.textContent).toContain('Acties die nog gepland zijn of lopen:');
    expect(within(open).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mentortraject — Wijkteam Noord: Gepland']);
    expect(dialog.textContent).toContain('Nog geen enkele actie is afgerond of geannuleerd.');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Toelichting/ }), { target: { value: 'Traject loopt buiten het Signaalpunt verder.' } });
    expect(confirmDisabled(dialog)).toBe(true);
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /Ik weet dat dit nog open staat/ }));
    await waitFor(() => expect(confirmDisabled(dialog)).toBe(false));
  });

  test('"Casus afsluiten" with one action done and one running lists only the running one and gives no refusal warning', async () => {
    const view = reflecting(5, ['done', 'running']);
    setup(view);
    const dialog = await openDialog(view.reference, 'Casus afsluiten');
    expect(within(within(dialog).getByTestId('open-items')).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mentortraject — Politie basisteam: Loopt']);
    expect(dialog.textContent).not.toContain('Nog geen enkele actie is afgerond');
  });

  test('"Casus afsluiten" for an identified young person without a recorded informing marks the reason not informed as required (CLOSURE.INFORMING_NOT_RECORDED)', async () => {
    const view = reflecting(7, ['done'], {});
    setup(view);
    const dialog = await openDialog(view.reference, 'Casus afsluiten');
    const reason = within(dialog).getByRole('textbox', { name: /Reden dat de jongere niet is geïnformeerd/ });
    expect(reason.getAttribute('required')).not.toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Toelichting/ }), { target: { value: 'Opvolging afgerond.' } });
    expect(confirmDisabled(dialog)).toBe(true);
    expect(dialog.textContent).toContain('Nog in te vullen: Reden dat de jongere niet is geïnformeerd');
    fireEvent.change(reason, { target: { value: 'Jongere verhuisd, niet bereikbaar.' } });
    expect(confirmDisabled(dialog)).toBe(false);
  });

  test('"Casus afsluiten" with the informing recorded leaves the reason not informed optional', async () => {
    const view = reflecting(8, ['done']);
    setup(view);
    const dialog = await openDialog(view.reference, 'Casus afsluiten');
    expect(within(dialog).getByRole('textbox', { name: /Reden dat de jongere niet is geïnformeerd/ }).getAttribute('required')).toBeNull();
  });

  test('"Casus afsluiten" with every action done shows nothing open and asks no confirmation', async () => {
    const view = reflecting(6, ['done', 'cancelled']);
    setup(view);
    const dialog = await openDialog(view.reference, 'Casus afsluiten');
    expect(within(dialog).queryByTestId('open-items')).toBeNull();
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
  });
});
