/**
 * Linked cases in the case panel (issue 16, ADR 0018): the procesregisseur sees the cases this one is linked
 * to (kenmerk, phase; each opens that case), unlinks, links to a typed kenmerk, and links at once to a similar
 * concern — the one the API's read answers (GET …/similar-cases, the core's duplicate-hint rule), never one the
 * web part works out itself — against an in-memory source that records the commands sent.
 */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CaseDetailPanel } from '../src/caseList/components/CaseDetailPanel';
import type { Locale } from '../src/caseList/i18n';
import { stringsFor } from '../src/caseList/i18n';
import { makeLabels } from '../src/caseList/labels';
import type { CaseView } from '../src/caseList/dataSource';
import type { SimilarCase } from '../src/caseList/workbench/model';
import { ApiProblem } from '@signaalpunt/contract/client';
import { CATALOGUE, FakeSource, PARTNERS, summary } from './fakeSource';

const LINKED_ID = summary(2).id;
const VIEW: CaseView = {
  id: summary(7).id,
  version: 3,
  reference: 'SJV-2026-0007',
  phase: 'INBRENG',
  access: { A: 'write', B: 'write' },
  frame: {
    reference: 'SJV-2026-0007',
    phase: 'INBRENG',
    inbrengerOrganisationId: 'school',
    decisions: [],
    transitions: [],
    links: [{ caseId: LINKED_ID, reference: 'SJV-2026-0002', linkedAt: '2026-03-03T09:00:00.000Z' }],
  },
  concern: { ageBand: '13-15', riskSignals: ['GELD', 'VERZUIM'], protectiveFactors: [], forms: [], registrationsBand: '0', urgency: 'normal', freeText: '' },
};

const CASES = [
  summary(2, { phase: 'VERRIJKING' }), // linked already
  summary(3), // same organisation, shared signal, same age band: what a rule of the web part's own would offer
  summary(5, { riskSignals: ['LAAT_OP_STRAAT'] }), // no shared signal in the list
  summary(7), // the case itself
];

/** The fake source with the API's read of similar concerns: answers what the test sets, records what was asked. */
class SimilarSource extends FakeSource {
  similar: SimilarCase[] = [{ reference: 'SJV-2026-0005', caseId: summary(5).id, createdAt: '2026-03-06T09:00:00.000Z', phase: 'BESPREKING' }];
  similarAsked: string[] = [];
  async similarCases(caseId: string): Promise<SimilarCase[]> {
    this.similarAsked.push(caseId);
    return this.similar;
  }
}

function panel(opts: { roles?: string[]; locale?: Locale; view?: CaseView } = {}) {
  const view = opts.view ?? VIEW;
  const source = new SimilarSource(CASES, { [view.id]: JSON.parse(JSON.stringify(view)) as CaseView }, opts.roles ?? ['procesregisseur']);
  const opened: string[] = [];
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
      onOpenCase={(id) => opened.push(id)}
      newCommandId={() => `cmd-${++n}`}
    />,
  );
  return { source, opened };
}

describe('linked cases in the case panel', () => {
  test('the linked case is listed with its phase and opens on click; the similar concern the API answers for this case is offered and linked with one click', async () => {
    const { source, opened } = panel();
    const section = await screen.findByTestId('case-links', {}, { timeout: 10_000 });
    const open = await within(section).findByRole('button', { name: 'SJV-2026-0002, Verrijking' });
    fireEvent.click(open);
    expect(opened).toEqual([LINKED_ID]);
    const similar = await within(section).findByTestId('case-links-similar');
    expect(within(similar).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^SJV-2026-0005, ingebracht op /)]);
    expect(source.similarAsked).toEqual([VIEW.id]);
    // the web part works nothing out from the case list: it never lists the organisation's cases for it
    expect(source.lists.filter((f) => f.organisationId !== undefined)).toEqual([]);
    fireEvent.click(within(similar).getByRole('button', { name: 'Koppelen aan SJV-2026-0005' }));
    await screen.findByText('Koppeling vastgelegd bij SJV-2026-0007.');
    expect(source.executed).toEqual([{ name: 'linkCases', caseId: VIEW.id, input: { commandId: 'cmd-1', expectedVersion: 3, linkedReference: 'SJV-2026-0005' } }]);
  });

  test('the API answers no similar concern: no similar section, even where the case list holds one of the same organisation, signal and age band', async () => {
    const { source } = panel();
    source.similar = [];
    const section = await screen.findByTestId('case-links', {}, { timeout: 10_000 });
    await within(section).findByRole('button', { name: 'SJV-2026-0002, Verrijking' });
    expect(source.similarAsked).toEqual([VIEW.id]);
    expect(within(section).queryByTestId('case-links-similar')).toBeNull();
  });

  test('unlinking sends unlinkCases with the linked kenmerk and the version read', async () => {
    const { source } = panel();
    const section = await screen.findByTestId('case-links', {}, { timeout: 10_000 });
    fireEvent.click(await within(section).findByRole('button', { name: 'Ontkoppelen SJV-2026-0002' }));
    await screen.findByText('Koppeling vastgelegd bij SJV-2026-0007.');
    expect(source.executed).toEqual([{ name: 'unlinkCases', caseId: VIEW.id, input: { commandId: 'cmd-1', expectedVersion: 3, linkedReference: 'SJV-2026-0002' } }]);
  });

  test('a typed kenmerk is sent in capitals; a refusal is shown as an alert with the API’s text, and a retry sends the same commandId', async () => {
    const { source } = panel();
    const section = await screen.findByTestId('case-links', {}, { timeout: 10_000 });
    source.failNextCommand = new ApiProblem('CASE.NOT_FOUND', 404, { nl: 'Deze casus bestaat niet of u heeft er geen toegang toe.', en: 'This case does not exist or you have no access to it.' });
    fireEvent.change(within(section).getByLabelText('Kenmerk van de andere casus'), { target: { value: ' sjv-2026-0009 ' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Koppelen aan SJV-2026-0009' }));
    expect((await within(section).findByRole('alert')).textContent).toBe('Deze casus bestaat niet of u heeft er geen toegang toe.');
    fireEvent.click(within(section).getByRole('button', { name: 'Koppelen aan SJV-2026-0009' }));
    await screen.findByText('Koppeling vastgelegd bij SJV-2026-0007.');
    expect(source.executed.map((e) => [e.name, e.input.commandId, e.input.linkedReference])).toEqual([
      ['linkCases', 'cmd-1', 'SJV-2026-0009'],
      ['linkCases', 'cmd-1', 'SJV-2026-0009'],
    ]);
  });

  test('in English: the section, the line with the phase and the buttons', async () => {
    panel({ locale: 'en-US' });
    const section = await screen.findByTestId('case-links', {}, { timeout: 10_000 });
    expect(within(section).getByRole('heading', { level: 3 }).textContent).toBe('Linked cases');
    await within(section).findByRole('button', { name: 'Unlink SJV-2026-0002' });
    await within(section).findByRole('button', { name: 'Link to SJV-2026-0005' });
  });

  test.each([['partner'], ['voorzitter']])('no section for the %s, even on a view that grants write on the frame', async (role) => {
    panel({ roles: [role] });
    await screen.findByTestId('commands', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('case-links')).toBeNull();
  });

  test('no section for the procesregisseur where the view only reads the frame (a purged case)', async () => {
    panel({ view: { ...VIEW, phase: 'PURGED', access: { A: 'read', B: 'read' } } });
    await screen.findByTestId('commands', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('case-links')).toBeNull();
  });
});
