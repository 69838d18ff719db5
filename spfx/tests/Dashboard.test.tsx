import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DownloadedFile } from '../src/caseList/accountability';
import { defaultPeriod, periodProblem, tabsFor } from '../src/caseList/accountability';
import { SignaalpuntApp } from '../src/caseList/components/SignaalpuntApp';
import { AccountabilityDashboard } from '../src/caseList/dashboard/AccountabilityDashboard';
import { BAR_AREA, HIDDEN_BAR, barWidth } from '../src/caseList/dashboard/BarChart';
import { ApiProblem } from '@signaalpunt/contract/client';
import { FakeAccountability, report } from './fakeAccountability';
import { FakeSource, summary } from './fakeSource';

const TODAY = new Date(2026, 2, 31, 12); // 31 March 2026
const FORBIDDEN = new ApiProblem('AUTH.FORBIDDEN', 403, { nl: 'U heeft geen toegang tot dit onderdeel.', en: 'You have no access to this part.' });

function app(roles: string[], opts: { locale?: 'nl-NL' | 'en-US'; acc?: FakeAccountability } = {}) {
  const cases = new FakeSource([summary(1), summary(2, { phase: 'VERRIJKING' })], {}, roles);
  const acc = opts.acc ?? new FakeAccountability(roles);
  const saved: DownloadedFile[] = [];
  const utils = render(<SignaalpuntApp cases={cases} accountability={acc} locale={opts.locale ?? 'nl-NL'} today={TODAY} save={(f) => saved.push(f)} />);
  return { cases, acc, saved, ...utils };
}

function dashboard(roles: string[], opts: { locale?: 'nl-NL' | 'en-US'; acc?: FakeAccountability } = {}) {
  const acc = opts.acc ?? new FakeAccountability(roles);
  const saved: DownloadedFile[] = [];
  const utils = render(<AccountabilityDashboard source={acc} roles={roles} locale={opts.locale ?? 'nl-NL'} today={TODAY} save={(f) => saved.push(f)} />);
  return { acc, saved, ...utils };
}

/** The rows of a table (without its header row) as arrays of cell texts. */
function cells(table: HTMLElement): string[][] {
  return Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent || ''));
}

const statisticsShown = (): Promise<HTMLElement> => screen.findByTestId('statistics-report', {}, { timeout: 5000 });

describe('the web part’s tabs by role', () => {
  test('the procesregisseur gets three tabs, "Zaken" (the case list, selected), "Evaluatie en verantwoording" (the dashboard) and "Partnerregister"', async () => {
    const { cases, acc } = app(['procesregisseur']);
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => (t.textContent || '').trim())).toEqual(['Zaken', 'Evaluatie en verantwoording', 'Partnerregister']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    await screen.findByText('SJV-2026-0001');
    expect(cases.meCalls).toBe(0); // the roles the tabs were chosen by are handed to the case list, not read again
    expect(acc.statisticsAsked).toHaveLength(0); // the dashboard loads when it is opened
    fireEvent.click(screen.getByRole('tab', { name: 'Evaluatie en verantwoording' }));
    await statisticsShown();
    expect(screen.getByTestId('section-deadlines')).toBeTruthy();
    expect(screen.getByTestId('section-verification')).toBeTruthy();
    expect(screen.getByTestId('section-retention')).toBeTruthy();
    // back to the cases: the list is still there, not fetched again
    const lists = cases.lists.length;
    fireEvent.click(screen.getByRole('tab', { name: 'Zaken' }));
    expect(screen.getByText('SJV-2026-0001')).toBeTruthy();
    expect(cases.lists.length).toBe(lists);
  });

  test('the privacy officer sees no case-list tab and no case content: no tabs, no case-list request, no informing deadlines', async () => {
    const { cases, acc, container } = app(['privacyOfficer']);
    await statisticsShown();
    await screen.findByTestId('section-retention');
    await screen.findByText('3 casussen zijn over de bewaartermijn.');
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(screen.queryByText('Zaken')).toBeNull();
    expect(cases.lists).toEqual([]);
    expect(cases.caseReads).toEqual([]);
    // references only in the retention report (deletion records hold them, PROCESS.md); none of the deadlines
    expect(container.textContent).toContain('SJV-2024-0002');
    expect(container.textContent).not.toContain('SJV-2026-0003');
    // the FG's parts: statistics, audit check, retention, documents — not the informing deadlines (procesregisseur only)
    expect(screen.getByTestId('section-verification')).toBeTruthy();
    expect(screen.getByTestId('section-documents')).toBeTruthy();
    expect(screen.queryByTestId('section-deadlines')).toBeNull();
    expect(acc.calls).not.toContain('informingDeadlines');
  });

  test('a voorzitter gets both tabs, and on the dashboard only the statistics and the documents (what the API allows)', async () => {
    const { acc } = app(['voorzitter']);
    fireEvent.click(await screen.findByRole('tab', { name: 'Evaluatie en verantwoording' }));
    await statisticsShown();
    expect(screen.getByTestId('section-documents')).toBeTruthy();
    for (const id of ['section-deadlines', 'section-verification', 'section-retention']) expect(screen.queryByTestId(id)).toBeNull();
    expect(acc.calls.filter((c) => c !== 'me' && c !== 'statistics')).toEqual([]);
  });

  test('a user without a dashboard role (a chain partner) gets the case list as before, without tabs', async () => {
    const { acc } = app(['ketenpartner']);
    await screen.findByText('SJV-2026-0001');
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(screen.queryByText('Evaluatie en verantwoording')).toBeNull();
    expect(acc.calls).toEqual(['me']);
  });

  test('when /me fails, an error with the API’s code and a retry; nothing else is fetched', async () => {
    const acc = new FakeAccountability(['procesregisseur']);
    acc.failWith.me = new ApiProblem('AUTH.UNAUTHENTICATED', 401, { nl: 'Uw aanmelding is niet geldig.', en: 'Your sign-in is not valid.' });
    const { cases } = app(['procesregisseur'], { acc });
    await screen.findByText('Uw aanmelding is niet geldig. (foutcode: AUTH.UNAUTHENTICATED)');
    expect(cases.lists).toEqual([]);
    delete acc.failWith.me;
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findAllByRole('tab');
  });

  test('tabsFor mirrors the rule: FG never the case list (unless also procesregisseur); no dashboard role, no dashboard', () => {
    expect(tabsFor(['privacyOfficer'])).toEqual({ cases: false, dashboard: true });
    expect(tabsFor(['privacyOfficer', 'voorzitter'])).toEqual({ cases: false, dashboard: true });
    expect(tabsFor(['procesregisseur', 'privacyOfficer'])).toEqual({ cases: true, dashboard: true });
    expect(tabsFor(['voorzitter'])).toEqual({ cases: true, dashboard: true });
    expect(tabsFor(['ketenpartner'])).toEqual({ cases: true, dashboard: false });
  });
});

describe('the statistics', () => {
  test('"<5" and "x" render as their marker with the same short stub, never as a bar length', async () => {
    dashboard(['procesregisseur']);
    await statisticsShown();
    const chart = screen.getByTestId('chart-per-month');
    const svg = chart.querySelector('svg')!;
    const bars = Array.from(svg.querySelectorAll('rect'));
    expect(bars.map((b) => b.getAttribute('data-count'))).toEqual(['12', '<5', 'x']);
    // the shown count fills the scale; the hidden ones get the fixed stub, marked as hidden
    expect(Number(bars[0]!.getAttribute('width'))).toBe(BAR_AREA);
    for (const hidden of bars.slice(1)) {
      expect(Number(hidden.getAttribute('width'))).toBe(HIDDEN_BAR);
      expect(hidden.getAttribute('data-hidden-count')).toBe('true');
    }
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['<5', 'x', '12', 'januari 2026', 'februari 2026', 'maart 2026']));
    // the stub does not depend on the scale: a guessed 4 of 5 would be 256 px
    expect(barWidth('<5', 5)).toBe(HIDDEN_BAR);
    expect(barWidth('x', 1000)).toBe(HIDDEN_BAR);
    expect(barWidth(4, 5)).toBe(Math.round((4 / 5) * BAR_AREA));
    expect(barWidth(0, 5)).toBe(0);
  });

  test('each chart is one named image (role="img", aria-label) followed by the same figures as a table', async () => {
    dashboard(['procesregisseur']);
    await statisticsShown();
    const images = screen.getAllByRole('img');
    expect(images.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Zorgen per maand: staafdiagram. Dezelfde cijfers staan in de tabel eronder.',
      'Zorgen per soort partner: staafdiagram. Dezelfde cijfers staan in de tabel eronder.',
      'Redenen van afsluiten: staafdiagram. Dezelfde cijfers staan in de tabel eronder.',
    ]);
    const perPartner = within(screen.getByTestId('chart-per-partner-type')).getByRole('table', { name: 'Zorgen per soort partner' });
    expect(cells(perPartner)).toEqual([
      ['Politie', '9'],
      ['Onderwijs', '14'],
      ['Wijkteam', '0'],
    ]);
    const exits = within(screen.getByTestId('chart-exit-reasons')).getByRole('table');
    expect(cells(exits)).toEqual([
      ['Geen redelijk vermoeden', '13'],
      ['Niet bevestigd door een andere partner', '<5'],
      ['Ingetrokken', 'x'],
    ]);
  });

  test('the figures of a given report appear in the key figures and the tables (Dutch number format, "—" where hidden)', async () => {
    dashboard(['procesregisseur']);
    await statisticsShown();
    const tiles = screen.getByTestId('key-figures');
    const pairs = Array.from(tiles.querySelectorAll('div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(pairs).toEqual([
      ['Ingebrachte zorgen', '23'],
      ['Redelijk vermoeden', '43,5%'],
      ['Bevestigd in verrijking', '—'],
      ['Binnen 30 dagen geïnformeerd', '—'],
      ['Op tijd vernietigd', '100%'],
    ]);
    expect(cells(screen.getByTestId('table-days'))).toEqual([
      ['Inbreng → besluit', '23', '3,5', '11'],
      ['Besluit → bespreking', '6', '17', '29'],
      ['Bespreking → afsluiting', '<5', '—', '—'],
      ['Inbreng → afsluiting', '15', '41', '88'],
    ]);
    expect(cells(screen.getByTestId('table-enrichment'))).toEqual([['31', '24', '7', '0', '6 / 13']]);
    expect(cells(screen.getByTestId('table-informing'))).toEqual([['10', '8', '<5', '0', 'x', '<5']]);
    expect(cells(screen.getByTestId('table-purges'))).toEqual([['6', '6', '0', '0']]);
    expect(within(screen.getByTestId('chart-per-month')).getByRole('table').textContent).toContain('januari 2026');
    expect(screen.getByTestId('suppression-legend').textContent).toContain('"x": verborgen');
    expect(screen.getByText('Periode 01-01-2026 tot en met 31-03-2026; stand per 31-03-2026.')).toBeTruthy();
  });

  test('asks for the last 12 months up to today, then for the period the user picks; a wrong period is not sent', async () => {
    const { acc } = dashboard(['procesregisseur']);
    await statisticsShown();
    expect(acc.statisticsAsked).toEqual([{ period: { from: '2025-04-01', to: '2026-03-31' }, locale: 'nl' }]);
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '2026-02-01' } });
    fireEvent.change(screen.getByLabelText('Tot en met'), { target: { value: '2026-02-28' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toon' }));
    await waitFor(() => expect(acc.statisticsAsked).toHaveLength(2));
    expect(acc.statisticsAsked[1]!.period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    // "Toon" again for the same period asks again (new concerns may have come in)
    await statisticsShown();
    fireEvent.click(screen.getByRole('button', { name: 'Toon' }));
    await waitFor(() => expect(acc.statisticsAsked).toHaveLength(3));
    await statisticsShown();
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toon' }));
    await screen.findByText('De begindatum moet vóór of op de einddatum liggen.');
    expect(acc.statisticsAsked).toHaveLength(3);
    expect(defaultPeriod(new Date(2026, 0, 15, 12))).toEqual({ from: '2025-02-01', to: '2026-01-15' });
    // today is the day in the Netherlands, the day the server's statistics count a concern on: 23:30 UTC on
    // 4 December is 00:30 on 5 December there (and 22:30 UTC on 30 June is 00:30 on 1 July, summer time)
    expect(defaultPeriod(new Date('2026-12-04T23:30:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-05' });
    expect(defaultPeriod(new Date('2026-06-30T22:30:00Z'))).toEqual({ from: '2025-08-01', to: '2026-07-01' });
    expect(periodProblem({ from: '2020-01-01', to: '2026-01-01' })).toBe('tooLong');
  });

  test('Download CSV asks for the statistics URL with format=csv for the period and hands the file to the browser', async () => {
    const { acc, saved } = dashboard(['procesregisseur']);
    await statisticsShown();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(acc.downloads[0]).toEqual({ path: '/api/v1/statistics?from=2025-04-01&to=2026-03-31&locale=nl&format=csv', fallbackName: 'statistieken-2025-04-01-2026-03-31.csv' });
    expect(saved[0]!.fileName).toBe('statistieken-2025-04-01-2026-03-31.csv');
  });

  test('an API error shows a MessageBar with the Dutch text and the API’s code, and a retry that asks again', async () => {
    const acc = new FakeAccountability(['privacyOfficer']);
    acc.failWith.statistics = FORBIDDEN;
    dashboard(['privacyOfficer'], { acc });
    await screen.findByText('U heeft geen toegang tot dit onderdeel. (foutcode: AUTH.FORBIDDEN)');
    expect(screen.queryByTestId('statistics-report')).toBeNull();
    delete acc.failWith.statistics;
    const statsSection = screen.getByRole('region', { name: 'Evaluatie (anoniem)' });
    fireEvent.click(within(statsSection).getByRole('button', { name: 'Opnieuw proberen' }));
    await statisticsShown();
  });

  test('an error without a problem answer (network) says so in Dutch, without a made-up code', async () => {
    const acc = new FakeAccountability(['procesregisseur']);
    acc.failWith.statistics = new TypeError('Failed to fetch');
    dashboard(['procesregisseur'], { acc });
    await screen.findByText('De gegevens konden niet worden geladen.');
  });

  test('loading shows a spinner; a period without concerns says so instead of empty charts', async () => {
    const hanging = new FakeAccountability(['voorzitter']);
    hanging.hang = true;
    const first = dashboard(['voorzitter'], { acc: hanging });
    expect(screen.getByText('Laden…')).toBeTruthy();
    first.unmount();
    const empty = new FakeAccountability(['voorzitter'], report({ concerns: { total: 0, perMonth: [{ month: '2026-01', count: 0 }], perPartnerType: [] } }));
    dashboard(['voorzitter'], { acc: empty });
    await screen.findByText('In deze periode zijn geen zorgen ingebracht.');
    expect(screen.queryByTestId('chart-per-month')).toBeNull();
  });
});

describe('accountability', () => {
  test('the audit check runs when asked and reports an intact or a broken chain', async () => {
    const acc = new FakeAccountability(['privacyOfficer']);
    dashboard(['privacyOfficer'], { acc });
    expect(acc.calls).not.toContain('verifyAudit');
    fireEvent.click(screen.getByRole('button', { name: 'Controleer nu' }));
    await screen.findByText('De hashketen is intact: 1234 regels gecontroleerd.');
    acc.verification = { ok: false, rows: 40, firstBadSeq: 17, problem: 'HASH_MISMATCH' };
    fireEvent.click(screen.getByRole('button', { name: 'Controleer nu' }));
    await screen.findByText('De hashketen is verbroken bij regel 17 (HASH_MISMATCH).');
  });

  test('retention and informing deadlines show the reference with dates and status, and nothing of the case beyond that', async () => {
    const { container } = dashboard(['procesregisseur']);
    await screen.findByText('3 casussen zijn over de bewaartermijn.');
    const retention = screen.getByTestId('section-retention');
    const [due, deletions] = within(retention).getAllByRole('table');
    expect(cells(due!)).toEqual([
      ['SJV-2024-0011', '28-03-2026'],
      ['SJV-2024-0012', '28-03-2026'],
      ['SJV-2024-0015', '30-03-2026'],
    ]);
    expect(cells(deletions!)).toEqual([['SJV-2024-0002', '02-03-2026', 'Identiteit, Contactgegevens, Vrije tekst']]);
    await screen.findByText('1 te laat, 1 binnenkort.');
    expect(cells(within(screen.getByTestId('section-deadlines')).getByRole('table'))).toEqual([
      ['SJV-2026-0003', '20-03-2026', '-11', 'te laat'],
      ['SJV-2026-0005', '03-04-2026', '3', 'binnenkort, uitgesteld'],
    ]);
    expect(container.textContent).not.toMatch(/mentor@|retention-job/);
  });

  test('the register and DPIA annex buttons download their URLs (Markdown and Word); a refusal shows its code', async () => {
    const { acc, saved } = dashboard(['privacyOfficer']);
    for (const name of ['Verwerkingsregister (Markdown)', 'Verwerkingsregister (Word)', 'DPIA-bijlage (Markdown)', 'DPIA-bijlage (Word)']) fireEvent.click(screen.getByRole('button', { name }));
    await waitFor(() => expect(saved).toHaveLength(4));
    expect(acc.downloads).toEqual([
      { path: '/api/v1/privacy/register?format=markdown', fallbackName: 'register.md' },
      { path: '/api/v1/privacy/register?format=docx', fallbackName: 'register.docx' },
      { path: '/api/v1/privacy/dpia-annex?format=markdown', fallbackName: 'dpia-annex.md' },
      { path: '/api/v1/privacy/dpia-annex?format=docx', fallbackName: 'dpia-annex.docx' },
    ]);
    acc.failWith.download = FORBIDDEN;
    fireEvent.click(screen.getByRole('button', { name: 'DPIA-bijlage (Word)' }));
    await within(screen.getByTestId('section-documents')).findByText('U heeft geen toegang tot dit onderdeel. (foutcode: AUTH.FORBIDDEN)');
  });
});

describe('English (en-US)', () => {
  test('tabs, headings, month names, numbers and the statistics language are English', async () => {
    const { acc } = app(['procesregisseur'], { locale: 'en-US' });
    const tabs = await screen.findAllByRole('tab');
    expect(tabs.map((t) => (t.textContent || '').trim())).toEqual(['Cases', 'Evaluation and accountability', 'Partner registry']);
    fireEvent.click(tabs[1]!);
    await statisticsShown();
    expect(acc.statisticsAsked[0]!.locale).toBe('en');
    expect(screen.getByRole('heading', { name: 'Signaalpunt — evaluation and accountability' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Concerns per month: bar chart. The same figures are in the table below it.' })).toBeTruthy();
    expect(within(screen.getByTestId('chart-per-month')).getByRole('table').textContent).toContain('January 2026');
    expect(within(screen.getByTestId('key-figures')).getByText('43.5%')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Processing register (Word)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check now' })).toBeTruthy();
  });
});

describe('opened on the dashboard (the local page\'s ?tab=dashboard, where /pages/transparency/ leads)', () => {
  test('the procesregisseur\'s dashboard tab is selected and loads at once; the case list stays a click away', async () => {
    const cases = new FakeSource([summary(1)], {}, ['procesregisseur']);
    const acc = new FakeAccountability(['procesregisseur']);
    render(<SignaalpuntApp cases={cases} accountability={acc} locale="nl-NL" today={TODAY} initialTab="dashboard" />);
    await statisticsShown();
    expect(screen.getByRole('tab', { name: 'Evaluatie en verantwoording' }).getAttribute('aria-selected')).toBe('true');
    expect(acc.statisticsAsked).toHaveLength(1);
    fireEvent.click(screen.getByRole('tab', { name: 'Zaken' }));
    await screen.findByText('SJV-2026-0001');
  });

  test('a chain partner, who has no dashboard, gets the case list as before', async () => {
    const cases = new FakeSource([summary(1)], {}, ['ketenpartner']);
    const acc = new FakeAccountability(['ketenpartner']);
    render(<SignaalpuntApp cases={cases} accountability={acc} locale="nl-NL" today={TODAY} initialTab="dashboard" />);
    await screen.findByText('SJV-2026-0001');
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(acc.statisticsAsked).toHaveLength(0);
  });
});
