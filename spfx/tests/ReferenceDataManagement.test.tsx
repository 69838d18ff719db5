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
    catalogue: DATA_V3.catalogue,
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
  expect(await screen.findByText(/Iemand anders heeft de catalogus, de sociale kaart of de deelnemers intussen gewijzigd/)).toBeTruthy();
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

describe('the catalogue', () => {
  const catalogueRow = (code: string): HTMLElement => screen.getByTestId('reference-catalogue').querySelector(`tbody tr[data-code="${code}"]`) as HTMLElement;

  test('lists each entry by kind with its code and both labels', async () => {
    show(new FakeReferenceData());
    await screen.findByText('Huidige versie: 3');
    expect(cells('reference-catalogue').map((r) => r.slice(0, 4))).toEqual([
      ['Risicosignaal', 'GELD', 'Onverklaarbaar geld of dure spullen', 'Unexplained money or goods'],
      ['Risicosignaal', 'TELEFOONS', 'Meerdere telefoons', 'Several phones'],
      ['Vorm van uitbuiting', 'DEALEN', 'Dealen', 'Dealing'],
      ['Beschermende factor', 'VRIJETIJD', 'Zinvolle vrijetijdsbesteding', 'Meaningful leisure activities'],
    ]);
  });

  test('an added protective factor is saved with expectedVersion: the new entry at the end, everything else as it was', async () => {
    const api = new FakeReferenceData();
    show(api);
    const add = await screen.findByTestId('reference-add-entry');
    fireEvent.click(within(add).getByRole('combobox', { name: 'Soort catalogusregel' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Beschermende factor' }));
    fireEvent.change(within(add).getByLabelText('Code (hoofdletters, cijfers, _)', { exact: false }), { target: { value: 'sportclub_lid' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Nederlands)', { exact: false }), { target: { value: 'Lid van een sportclub' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Engels)', { exact: false }), { target: { value: 'Member of a sports club' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen aan de catalogus' }));
    // shown under its kind, marked new, before saving
    expect(cells('reference-catalogue').map((r) => r[1])).toEqual(['GELD', 'TELEFOONS', 'DEALEN', 'VRIJETIJD', 'SPORTCLUB_LID — nieuw']);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
    expect(api.sent).toHaveLength(1);
    expect(api.sent[0]!.expectedVersion).toBe(3);
    expect(api.sent[0]!.data).toEqual({
      catalogue: [...DATA_V3.catalogue, { kind: 'protectiveFactor', code: 'SPORTCLUB_LID', nl: 'Lid van een sportclub', en: 'Member of a sports club' }],
      offers: DATA_V3.offers,
      registry: DATA_V3.registry,
    });
    expect(await screen.findByText('Huidige versie: 4')).toBeTruthy();
  });

  test('a changed label is saved on the same code, the other entries as they were', async () => {
    const api = new FakeReferenceData();
    show(api);
    await screen.findByText('Huidige versie: 3');
    fireEvent.click(screen.getByRole('button', { name: 'Benaming wijzigen: Dealen (DEALEN)' }));
    fireEvent.change(screen.getByLabelText('Benaming (Nederlands) voor DEALEN'), { target: { value: 'Drugs verkopen' } });
    fireEvent.change(screen.getByLabelText('Benaming (Engels) voor DEALEN'), { target: { value: 'Selling drugs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
    expect(api.sent[0]!.expectedVersion).toBe(3);
    expect(api.sent[0]!.data.catalogue).toEqual([DATA_V3.catalogue[0], DATA_V3.catalogue[1], { kind: 'form', code: 'DEALEN', nl: 'Drugs verkopen', en: 'Selling drugs' }, DATA_V3.catalogue[3]]);
  });

  test('a retired entry is saved with its activeUntil and stays in the list (old cases keep its label)', async () => {
    const api = new FakeReferenceData();
    show(api);
    await screen.findByText('Huidige versie: 3');
    fireEvent.click(screen.getByRole('button', { name: 'Beëindigen: Meerdere telefoons (TELEFOONS)' }));
    const until = screen.getByLabelText('Actief tot (eerste dag niet meer) voor Meerdere telefoons (TELEFOONS)') as HTMLInputElement;
    expect(until.value).toBe('2026-03-10');
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
    expect(api.sent[0]!.data.catalogue[1]).toEqual({ kind: 'riskSignal', code: 'TELEFOONS', nl: 'Meerdere telefoons', en: 'Several phones', activeUntil: '2026-03-10' });
    expect(await screen.findByText('Huidige versie: 4')).toBeTruthy();
    expect(within(catalogueRow('TELEFOONS')).getByText('Meerdere telefoons')).toBeTruthy();
    expect(within(catalogueRow('TELEFOONS')).getByText('10-03-2026')).toBeTruthy();
  });

  test('a code of the wrong shape is not added: the code field says why, and nothing is sent', async () => {
    const api = new FakeReferenceData();
    show(api);
    const add = await screen.findByTestId('reference-add-entry');
    fireEvent.click(within(add).getByRole('combobox', { name: 'Soort catalogusregel' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Risicosignaal' }));
    fireEvent.change(within(add).getByLabelText('Code (hoofdletters, cijfers, _)', { exact: false }), { target: { value: '12-ab' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Nederlands)', { exact: false }), { target: { value: 'Iets' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Engels)', { exact: false }), { target: { value: 'Something' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen aan de catalogus' }));
    expect(await within(add).findByText('Alleen hoofdletters, cijfers en _, met een hoofdletter vooraan (2 tot 64 tekens).')).toBeTruthy();
    expect(within(add).getByLabelText('Code (hoofdletters, cijfers, _)', { exact: false }).getAttribute('aria-invalid')).toBe('true');
    expect(cells('reference-catalogue')).toHaveLength(4);
    expect(screen.getByRole('button', { name: 'Opslaan als versie 4' })).toHaveProperty('disabled', true);
    expect(api.sent).toEqual([]);
  });

  test('a code the API refuses (REFERENCE.INVALID: twice in its kind) shows the error in that entry’s row, and nothing is saved', async () => {
    const api = new FakeReferenceData();
    show(api);
    const add = await screen.findByTestId('reference-add-entry');
    fireEvent.click(within(add).getByRole('combobox', { name: 'Soort catalogusregel' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Vorm van uitbuiting' }));
    fireEvent.change(within(add).getByLabelText('Code (hoofdletters, cijfers, _)', { exact: false }), { target: { value: 'DEALEN' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Nederlands)', { exact: false }), { target: { value: 'Dealen op school' } });
    fireEvent.change(within(add).getByLabelText('Benaming (Engels)', { exact: false }), { target: { value: 'Dealing at school' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen aan de catalogus' }));
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText('Niet opgeslagen: controleer de gemarkeerde velden.')).toBeTruthy();
    const rows = Array.from(screen.getByTestId('reference-catalogue').querySelectorAll('tbody tr[data-code="DEALEN"]')) as HTMLElement[];
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).queryByText('Komt al voor in de lijst.')).toBeNull();
    expect(within(rows[1]!).getByText('Komt al voor in de lijst.')).toBeTruthy();
    expect(api.sent).toHaveLength(1);
    expect(api.version.version).toBe(3);
    expect(screen.getByText('Huidige versie: 3')).toBeTruthy();
  });

  test('a relabel made while someone else saved a version: the conflict is said in Dutch and the newest version is loaded, without the relabel', async () => {
    const api = new FakeReferenceData();
    show(api);
    await screen.findByText('Huidige versie: 3');
    fireEvent.click(screen.getByRole('button', { name: 'Benaming wijzigen: Dealen (DEALEN)' }));
    fireEvent.change(screen.getByLabelText('Benaming (Nederlands) voor DEALEN'), { target: { value: 'Drugs verkopen' } });
    api.othersChange({ ...DATA_V3, catalogue: [...DATA_V3.catalogue, { kind: 'form', code: 'KOERIER', nl: 'Koerier', en: 'Courier' }] });
    const readsBefore = api.reads;
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText(/Iemand anders heeft de catalogus, de sociale kaart of de deelnemers intussen gewijzigd/)).toBeTruthy();
    expect(await screen.findByText('Huidige versie: 4')).toBeTruthy();
    expect(api.reads).toBe(readsBefore + 1);
    expect(api.sent.map((c) => c.expectedVersion)).toEqual([3]);
    expect(cells('reference-catalogue').map((r) => r.slice(1, 3))).toContainEqual(['DEALEN', 'Dealen']);
    expect(cells('reference-catalogue').map((r) => r[1])).toContain('KOERIER');
  });

  test('in English: kinds and buttons', async () => {
    show(new FakeReferenceData(), 'en-US');
    await screen.findByText('Current version: 3');
    expect(cells('reference-catalogue')[2]!.slice(0, 2)).toEqual(['Form of exploitation', 'DEALEN']);
    expect(screen.getByRole('button', { name: 'Change label: Dealing (DEALEN)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retire: Dealing (DEALEN)' })).toBeTruthy();
  });
});

describe('the registry', () => {
  test('an organisation the store knows joins the protocol on a day: saved as a new registry entry with expectedVersion', async () => {
    const api = new FakeReferenceData();
    show(api);
    const add = await screen.findByTestId('reference-add-member');
    fireEvent.click(within(add).getByRole('combobox', { name: 'Organisatie die toetreedt' }));
    // only organisations not in the registry yet are offered
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual(['Sportclub']);
    fireEvent.click(screen.getByRole('option', { name: 'Sportclub' }));
    fireEvent.change(within(add).getByLabelText('Toegetreden op', { exact: false }), { target: { value: '2026-04-01' } });
    fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen als deelnemer' }));
    expect(cells('reference-registry').map((r) => r.slice(0, 2))).toContainEqual(['Sportclub — nieuw', '01-04-2026']);
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan als versie 4' }));
    expect(await screen.findByText(SAVED_AS_4)).toBeTruthy();
    expect(api.sent[0]!.expectedVersion).toBe(3);
    expect(api.sent[0]!.data.registry).toEqual([...DATA_V3.registry, { organisationId: 'sportclub', joinedOn: '2026-04-01' }]);
    expect(api.sent[0]!.data.catalogue).toEqual(DATA_V3.catalogue);
    expect(api.sent[0]!.data.offers).toEqual(DATA_V3.offers);
  });

  test('joining without a day is not added, and says what is missing', async () => {
    const api = new FakeReferenceData();
    show(api);
    const add = await screen.findByTestId('reference-add-member');
    fireEvent.click(within(add).getByRole('combobox', { name: 'Organisatie die toetreedt' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Sportclub' }));
    fireEvent.click(within(add).getByRole('button', { name: 'Toevoegen als deelnemer' }));
    expect(await screen.findByText('Nog in te vullen: Toegetreden op')).toBeTruthy();
    expect(cells('reference-registry')).toHaveLength(2);
  });
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
