/**
 * The procesregisseur's workbench in the case panel (issue 16): letters and the re-registration check,
 * against an in-memory source that records what the components send. The browser test
 * (tests/spfx/procesregisseur-workbench.test.ts at the root) drives the same screens against the real API.
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { DownloadedFile, InformingDeadline } from '../src/caseList/accountability';
import { CaseDetailPanel } from '../src/caseList/components/CaseDetailPanel';
import type { Locale } from '../src/caseList/i18n';
import { stringsFor } from '../src/caseList/i18n';
import { makeLabels } from '../src/caseList/labels';
import type { CaseView } from '../src/caseList/dataSource';
import { ApiProblem } from '@signaalpunt/contract/client';
import type { AccessRequest, EarlierCase, LetterRequest } from '../src/caseList/workbench/model';
import { CATALOGUE, FakeSource, PARTNERS } from './fakeSource';

const BESPREKING: CaseView = {
  id: '00000000-0000-4000-8000-000000000007',
  version: 9,
  reference: 'SJV-2026-0007',
  phase: 'BESPREKING',
  access: { A: 'write', B: 'read', C: 'read', D: 'read', E: 'write', H: 'write' },
  frame: { reference: 'SJV-2026-0007', phase: 'BESPREKING', inbrengerOrganisationId: 'school', decisions: [], transitions: [] },
  identity: { name: 'Test Persoon', dateOfBirth: '2011-05-04' },
  reflection: { lettersSent: [{ kind: 'INFORMATION', at: '2026-03-02T09:00:00.000Z', by: 'regisseur@gemeente.demo' }] },
};

class WorkbenchSource extends FakeSource {
  letters: { caseId: string; request: LetterRequest }[] = [];
  failLetters = 0;
  earlierCalls: string[] = [];
  earlier: EarlierCase[] = [];
  async generateLetter(caseId: string, request: LetterRequest): Promise<DownloadedFile> {
    this.letters.push({ caseId, request });
    if (this.failLetters > 0) {
      this.failLetters -= 1;
      throw new ApiProblem('INTERNAL.ERROR', 503, { nl: 'De Signaalpunt-API gaf een fout.', en: 'The Signaalpunt API returned an error.' });
    }
    return { fileName: `${request.kind}.docx`, contentType: 'application/octet-stream', blob: new Blob(['x']) };
  }
  async informingDeadlineOf(reference: string): Promise<InformingDeadline | undefined> {
    return { reference, dueOn: '2026-04-02', overdue: false, deferred: false, daysLeft: 12 };
  }
  async earlierCases(caseId: string): Promise<EarlierCase[]> {
    this.earlierCalls.push(caseId);
    return this.earlier;
  }
}

function panel(view: CaseView, opts: { roles?: string[]; locale?: Locale } = {}) {
  const source = new WorkbenchSource([], { [view.id]: view }, opts.roles ?? ['procesregisseur']);
  const saved: DownloadedFile[] = [];
  const locale = opts.locale ?? 'nl-NL';
  let n = 0;
  render(
    <CaseDetailPanel
      caseId={view.id}
      api={source}
      labels={makeLabels(locale, stringsFor(locale), CATALOGUE, PARTNERS)}
      roles={opts.roles ?? ['procesregisseur']}
      catalogue={CATALOGUE}
      members={PARTNERS}
      onClose={() => undefined}
      onChanged={() => undefined}
      newCommandId={() => `cmd-${++n}`}
      save={(f) => saved.push(f)}
    />,
  );
  return { source, saved };
}

describe('letters in the case panel', () => {
  test('in Bespreking the information letter and the invitation are offered with the deadline and the letters sent so far (English)', async () => {
    panel(BESPREKING, { locale: 'en-US' });
    const letters = await screen.findByTestId('letters', {}, { timeout: 10_000 });
    await within(letters).findByText('Inform by 04/02/2026 (12 days left).');
    expect(within(letters).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Information letter', 'Invitation to the signaaloverleg', 'Recorded as sent']);
    expect(within(letters).getByTestId('letters-sent').textContent).toMatch(/^Information letter, 03\/02\/2026, 10:00/);
  });

  test('the invitation stays disabled until date, time and place are filled in, and sends them as the meeting', async () => {
    const { source, saved } = panel(BESPREKING);
    const letters = await screen.findByTestId('letters', {}, { timeout: 10_000 });
    const button = within(letters).getByRole('button', { name: 'Uitnodiging signaaloverleg downloaden (docx) en vastleggen als verzonden' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(within(letters).getByLabelText(/Datum overleg/), { target: { value: '2026-04-10' } });
    fireEvent.change(within(letters).getByLabelText(/Tijd overleg/), { target: { value: '15:30' } });
    fireEvent.change(within(letters).getByLabelText(/Plaats overleg/), { target: { value: ' Stadhuis, kamer 2 ' } });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(button);
    await screen.findByText('Uitnodiging signaaloverleg gedownload en vastgelegd als verzonden.');
    expect(source.letters).toEqual([{ caseId: BESPREKING.id, request: { kind: 'invitation', locale: 'nl', commandId: 'cmd-1', meeting: { date: '2026-04-10', time: '15:30', location: 'Stadhuis, kamer 2' } } }]);
    expect(saved.map((f) => f.fileName)).toEqual(['invitation.docx']);
  });

  test('a letter that failed is retried with the same commandId, so the API records it once', async () => {
    const { source } = panel(BESPREKING);
    source.failLetters = 1;
    const letters = await screen.findByTestId('letters', {}, { timeout: 10_000 });
    const button = within(letters).getByRole('button', { name: 'Informatiebrief downloaden (docx) en vastleggen als verzonden' });
    fireEvent.click(button);
    await within(letters).findByRole('alert');
    fireEvent.click(within(letters).getByRole('button', { name: 'Informatiebrief downloaden (docx) en vastleggen als verzonden' }));
    await screen.findByText('Informatiebrief gedownload en vastgelegd als verzonden.');
    expect(source.letters.map((l) => l.request.commandId)).toEqual(['cmd-1', 'cmd-1']);
  });

  test('a partner (no procesregisseur) sees no letters, even with the API offering them', async () => {
    panel({ ...BESPREKING, access: { A: 'read', B: 'read', E: 'read' } }, { roles: ['ketenpartner'] });
    await screen.findByText('Fasestappen', {}, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500)); // time for an on-demand section to load, were it offered
    expect(screen.queryByTestId('letters')).toBeNull();
    expect(screen.queryByText(/downloaden \(docx\)/)).toBeNull();
  });
});

describe('the access export form', () => {
  test('in English: required who-asked and why, then the request goes to the API with the chosen format', async () => {
    const { AccessRequestForm } = await import('../src/caseList/components/AccessRequestForm');
    const sent: { request: AccessRequest; format: string }[] = [];
    const saved: string[] = [];
    render(
      <AccessRequestForm
        api={{
          accessExport: async (request, format) => {
            sent.push({ request, format });
            return { fileName: `access-2026-04-01.${format}`, contentType: 'application/json', blob: new Blob(['{}']) };
          },
        }}
        locale="en-US"
        save={(f) => saved.push(f.fileName)}
      />,
    );
    const json = screen.getByRole('button', { name: 'Download as JSON' });
    expect(json.getAttribute('aria-disabled')).toBe('true'); // disabled but focusable: the reason is read out
    expect(screen.getByText('Still to fill in: Name of the young person, Date of birth, Who asked for access, Why / how the request came in')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Name of the young person/), { target: { value: ' Test Persoon ' } });
    fireEvent.change(screen.getByLabelText(/Date of birth/), { target: { value: '2011-05-04' } });
    fireEvent.click(screen.getByRole('combobox', { name: /Who asked for access/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'The young person' }));
    fireEvent.change(screen.getByLabelText(/Why \/ how/), { target: { value: 'Status page request' } });
    expect(json.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(json);
    await screen.findByText('access-2026-04-01.json was downloaded.');
    expect(sent).toEqual([{ request: { name: 'Test Persoon', dateOfBirth: '2011-05-04', locale: 'en', requestedBy: 'resident', reason: 'Status page request' }, format: 'json' }]);
    expect(saved).toEqual(['access-2026-04-01.json']);
  });
});

describe('the re-registration check in the case panel', () => {
  const VERRIJKING: CaseView = { ...BESPREKING, phase: 'VERRIJKING', frame: { ...BESPREKING.frame, phase: 'VERRIJKING' } };

  test('in Verrijking the procesregisseur asks without typing anything and sees kenmerk, phase and closing day (English)', async () => {
    const { source } = panel(VERRIJKING, { locale: 'en-US' });
    source.earlier = [{ reference: 'SJV-2025-0042', phase: 'CLOSED', closedOn: '2025-11-03' }];
    const section = await screen.findByTestId('earlier-cases', {}, { timeout: 10_000 });
    expect(section.querySelectorAll('input, textarea')).toHaveLength(0);
    fireEvent.click(within(section).getByRole('button', { name: 'Search earlier cases' }));
    await within(section).findByText('Earlier case:');
    expect(within(section).getByRole('listitem').textContent).toBe('SJV-2025-0042, Closed, closed on 11/03/2025');
    expect(source.earlierCalls).toEqual([VERRIJKING.id]);
  });

  test('not offered outside Verrijking (here: Bespreking)', async () => {
    panel(BESPREKING);
    await screen.findByTestId('letters', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('earlier-cases')).toBeNull();
  });

  test('not offered to the inbrenger who reads the identity in Verrijking', async () => {
    panel(VERRIJKING, { roles: ['ketenpartner'] });
    await screen.findByText('Fasestappen', {}, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 500)); // time for an on-demand section to load, were it offered
    expect(screen.queryByTestId('earlier-cases')).toBeNull();
  });
});
