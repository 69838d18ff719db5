import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiProblem } from '@signaalpunt/contract/client';
import { ReferenceDataManagement } from '../src/caseList/components/ReferenceDataManagement';
import { SignaalpuntApp } from '../src/caseList/components/SignaalpuntApp';
import { MANAGEMENT_STRINGS } from '../src/caseList/management/strings';
import { FakeAccountability } from './fakeAccountability';
import { DATA_V3, FakeReferenceData } from './referenceFake';
import { FakeSource, PARTNERS, summary } from './fakeSource';

const TODAY = new Date('2026-03-10T12:00:00Z');
let ids = 0;
const nextId = (): string => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function show(api: FakeReferenceData, locale: 'nl-NL' | 'en-US' = 'nl-NL') {
  return render(<ReferenceDataManagement api={api} partners={async () => PARTNERS} locale={locale} today={TODAY} newCommandId={nextId} />);
}

function cells(testId: string): string[][] {
  return Array.from(screen.getByTestId(testId).querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent || '').trim()));
}

const SAVED_AS_4 = 'Opgeslagen als versie 4.';

test('the procesregisseur sees the local offer and the registry of the current version, with its number, in Dutch', async () => {
  show(new FakeReferenceData());
  expect(await screen.findByText('Huidige versie: 3')).toBeTruthy();
  await screen.findByText('Het Baken College', { selector: '[data-testid="reference-offers"] td' });
  expect(cells('reference-offers').map((r) => r.slice(0, 6))).toEqual([
    ['Het Baken College', 'Huiswerkbegeleiding (HUISWERKBEGELEIDING)', 'Hulp', '12–18 jaar', '01-01-2026', '—'],
    ['Politie basisteam', 'Halt-afdoening (HALT)', 'Interventie', '12–17 jaar', '—', '—'],
  ]);
  expect(cells('reference-registry').map((r) => r.slice(0, 3))).toEqual([
    ['Het Baken College', '01-09-2025', '—'],
    ['Politie basisteam', '01-09-2025', '—'],
  ]);
  expect(screen.getByRole('button', { name: 'Opslaan als versie 4' })).toHaveProperty('disabled', true);
});

test('retiring an offer sends the whole data with expectedVersion and only that offer changed, and shows the new version', async () => {
  const api = new FakeReferenceData();
  show(api);
  fireEvent.click(await screen.findByRole('button', { name: 'Beëindigen: Halt-afdoening (Politie basisteam)' }));
  const until = screen.getByLabelText('Actief tot (eerste dag niet meer) voor Halt-afdoening bij Politie basisteam') as HTMLInputElement;
  expect(until.value).toBe('2026-03-10');
  fireEvent.change(until, { target: { value: '2026-04-01' } });
  fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
  expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
  expect(api.sent).toHaveLength(1);
  expect(api.sent[0]!.expectedVersion).toBe(3);
  expect(api.sent[0]!.data).toEqual({
    catalogue: [],
    offers: [DATA_V3.offers[0], { organisationId: 'politie', code: 'HALT', nl: 'Halt-afdoening', en: 'Halt referral', kind: 'intervention', minAge: 12, maxAge: 17, activeUntil: '2026-04-01' }],
    registry: DATA_V3.registry,
  });
  expect(await screen.findByText('Huidige versie: 4')).toBeTruthy();
  expect(cells('reference-offers')[1]![5]).toBe('01-04-2026');
});

test('a retirement undone before saving leaves nothing to save', async () => {
  show(new FakeReferenceData());
  fireEvent.click(await screen.findByRole('button', { name: 'Beëindigen: Huiswerkbegeleiding (Het Baken College)' }));
  expect(screen.getByRole('button', { name: 'Opslaan als versie 4' })).toHaveProperty('disabled', false);
  fireEvent.click(screen.getByRole('button', { name: 'Ongedaan maken' }));
  expect(screen.getByRole('button', { name: 'Opslaan als versie 4' })).toHaveProperty('disabled', true);
  expect(screen.getByText('Geen wijzigingen.')).toBeTruthy();
});

test('a version made by someone else in between: the save is refused, the conflict is said in Dutch and the newest version is loaded', async () => {
  const api = new FakeReferenceData();
  show(api);
  fireEvent.click(await screen.findByRole('button', { name: 'Beëindigen: Halt-afdoening (Politie basisteam)' }));
  // another procesregisseur adds an offer meanwhile (version 4)
  api.othersChange({ ...DATA_V3, offers: [...DATA_V3.offers, { organisationId: 'school', code: 'MENTOR', nl: 'Mentorproject', en: 'Mentoring', kind: 'help', minAge: 12, maxAge: 16 }] });
  const readsBefore = api.reads;
  fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
  expect(await screen.findByText(/Iemand anders heeft de sociale kaart of de deelnemers intussen gewijzigd/)).toBeTruthy();
  expect(await screen.findByText('Huidige versie: 4')).toBeTruthy();
  expect(api.reads).toBe(readsBefore + 1);
  expect(api.sent.map((c) => c.expectedVersion)).toEqual([3]);
  expect(api.version.version).toBe(4);
  // the newest version is shown, without the refused retirement
  expect(cells('reference-offers').map((r) => r[1])).toEqual(['Huiswerkbegeleiding (HUISWERKBEGELEIDING)', 'Halt-afdoening (HALT)', 'Mentorproject (MENTOR)']);
  expect(cells('reference-offers')[1]![5]).toBe('—');
  expect(screen.queryByText(SAVED_AS_4)).toBeNull();
});

test('REFERENCE.INVALID shows each refused field next to it, and nothing is saved', async () => {
  const api = new FakeReferenceData();
  show(api);
  fireEvent.click(await screen.findByRole('button', { name: 'Beëindigen: Huiswerkbegeleiding (Het Baken College)' }));
  fireEvent.change(screen.getByLabelText('Actief tot (eerste dag niet meer) voor Huiswerkbegeleiding bij Het Baken College'), { target: { value: '2025-12-01' } });
  api.refuseNext = new ApiProblem('REFERENCE.INVALID', 400, undefined, [
    { path: 'data.offers.0.activeUntil', issue: 'UNTIL_NOT_AFTER_FROM' },
    { path: 'data.registry.1.organisationId', issue: 'UNKNOWN_ORGANISATION' },
  ]);
  fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
  expect(await screen.findByText('Niet opgeslagen: controleer de gemarkeerde velden.')).toBeTruthy();
  const offerRow = screen.getByTestId('reference-offers').querySelectorAll('tbody tr')[0] as HTMLElement;
  expect(within(offerRow).getByText('Moet na de datum "actief vanaf" liggen.')).toBeTruthy();
  const memberRow = screen.getByTestId('reference-registry').querySelectorAll('tbody tr')[1] as HTMLElement;
  expect(within(memberRow).getByText('Onbekende organisatie.')).toBeTruthy();
  expect(within(screen.getByTestId('reference-registry').querySelectorAll('tbody tr')[0] as HTMLElement).queryByText('Onbekende organisatie.')).toBeNull();
  expect(screen.getByText('Huidige versie: 3')).toBeTruthy();
  expect(api.version.version).toBe(3);
});

test('an added offer and an organisation leaving the protocol are sent together in one save', async () => {
  const api = new FakeReferenceData();
  show(api);
  const add = await screen.findByTestId('reference-add-offer');
  fireEvent.click(within(add).getByRole('combobox', { name: 'Organisatie' }));
  fireEvent.click(await screen.findByRole('option', { name: 'Politie basisteam' }));
  fireEvent.change(within(add).getByLabelText('Code (hoofdletters, cijfers, _)', { exact: false }), { target: { value: 'buurtsport' } });
  fireEvent.change(within(add).getByLabelText('Benaming (Nederlands)', { exact: false }), { target: { value: 'Buurtsport' } });
  fireEvent.change(within(add).getByLabelText('Benaming (Engels)', { exact: false }), { target: { value: 'Neighbourhood sports' } });
  fireEvent.click(within(add).getByRole('combobox', { name: 'Soort aanbod' }));
  fireEvent.click(await screen.findByRole('option', { name: 'Dagbesteding' }));
  fireEvent.change(within(add).getByLabelText('Vanaf leeftijd', { exact: false }), { target: { value: '10' } });
  fireEvent.change(within(add).getByLabelText('Tot en met leeftijd', { exact: false }), { target: { value: '23' } });
  fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen aan de lijst' }));
  expect(await screen.findByText('Toegevoegd; nog niet opgeslagen.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Uittreden vastleggen: Het Baken College' }));
  fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
  expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
  expect(api.sent[0]!.data.offers[2]).toEqual({ organisationId: 'politie', code: 'BUURTSPORT', nl: 'Buurtsport', en: 'Neighbourhood sports', kind: 'dayActivity', minAge: 10, maxAge: 23 });
  expect(api.sent[0]!.data.registry).toEqual([{ organisationId: 'school', joinedOn: '2025-09-01', leftOn: '2026-03-10' }, DATA_V3.registry[1]]);
});

test('an incomplete new offer is not added, and says what is missing', async () => {
  show(new FakeReferenceData());
  const add = await screen.findByTestId('reference-add-offer');
  fireEvent.change(within(add).getByLabelText('Benaming (Nederlands)', { exact: false }), { target: { value: 'Buurtsport' } });
  fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen aan de lijst' }));
  expect(await screen.findByText(/^Nog in te vullen: Organisatie, Code/)).toBeTruthy();
  expect(cells('reference-offers')).toHaveLength(2);
});

test('in English, with the same rows', async () => {
  show(new FakeReferenceData(), 'en-US');
  expect(await screen.findByText('Current version: 3')).toBeTruthy();
  await screen.findByText('Het Baken College', { selector: '[data-testid="reference-offers"] td' });
  expect(cells('reference-offers')[1]!.slice(0, 4)).toEqual(['Politie basisteam', 'Halt referral (HALT)', 'Intervention', '12–17 years']);
  expect(screen.getByRole('button', { name: 'Retire: Halt referral (Politie basisteam)' })).toBeTruthy();
});

test('English has every Dutch text of the tab, also inside the nested tables', () => {
  const nl = MANAGEMENT_STRINGS['nl-NL'] as unknown as Record<string, unknown>;
  const en = MANAGEMENT_STRINGS['en-US'] as unknown as Record<string, unknown>;
  expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  for (const key of Object.keys(nl)) if (typeof nl[key] === 'object') expect(Object.keys(en[key] as object).sort()).toEqual(Object.keys(nl[key] as object).sort());
});

describe('in the web part', () => {
  function app(roles: string[]) {
    const acc = new FakeAccountability(roles);
    const api = new FakeReferenceData();
    Object.assign(acc, { referenceData: () => api.referenceData(), changeReferenceData: api.changeReferenceData.bind(api) });
    render(<SignaalpuntApp cases={new FakeSource([summary(1)], {}, roles)} accountability={acc} locale="nl-NL" today={TODAY} />);
    return api;
  }

  test('the procesregisseur gets a "Beheer" tab that loads the reference data when opened', async () => {
    const api = app(['procesregisseur']);
    const tab = await screen.findByRole('tab', { name: 'Beheer' });
    expect(api.reads).toBe(0);
    fireEvent.click(tab);
    expect(await screen.findByText('Huidige versie: 3')).toBeTruthy();
    await waitFor(() => expect(api.reads).toBe(1));
  });

  test('a partner never gets it, and the reference data is never fetched for them', async () => {
    const api = app(['partner']);
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('tab', { name: 'Beheer' })).toBeNull();
    expect(screen.queryByTestId('reference-management')).toBeNull();
    expect(api.reads).toBe(0);
  });
});
