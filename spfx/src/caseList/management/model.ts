/**
 * The procesregisseur's management of the reference data (issue 16, ADR 0017) as the web part reads it:
 * the current version of the catalogue (risk signals, forms, protective factors), the local offer (sociale
 * kaart) and the registry, and the edits the "Beheer" tab makes to a draft of it — add, relabel or retire a
 * catalogue entry; retire or add an offer; add an organisation to the protocol or record it leaving. The API
 * keeps the versions; the screen sends the whole data with the version it was made on.
 */
import type { ResponseOf } from '@signaalpunt/contract/types';

/** The newest version as GET /api/v1/reference-data answers it. */
export type ReferenceVersion = ResponseOf<'getReferenceData'>;
export type ReferenceData = ReferenceVersion['data'];
export type OfferEntry = ReferenceData['offers'][number];
export type RegistryEntry = ReferenceData['registry'][number];
export type CatalogueEntry = ReferenceData['catalogue'][number];
export type CatalogueKind = CatalogueEntry['kind'];
/** The catalogue's kinds in the order the tab shows them. */
export const CATALOGUE_KINDS: readonly CatalogueKind[] = ['riskSignal', 'form', 'protectiveFactor'];

/**
 * A code as the API accepts it (src/core/reference-data.ts, `code`: capitals, digits and underscores, a
 * capital first, 2–64 characters); checked here too so that the form says so before a save.
 */
export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,63}$/;
export type ReferenceChangeOutcome = ResponseOf<'changeReferenceData'>;

/** The calls the tab needs (the API client offers them; a source without them gets no tab). */
export interface ReferenceDataApi {
  referenceData(): Promise<ReferenceVersion>;
  /** a new version from `data`, made on `expectedVersion`; `commandId` stays the same across retries of one save. */
  changeReferenceData(expectedVersion: number, data: ReferenceData, commandId: string): Promise<ReferenceChangeOutcome>;
}

/** Whether a source offers the reference-data calls. */
export function offersReferenceData<T extends object>(source: T): source is T & ReferenceDataApi {
  const s = source as Partial<ReferenceDataApi>;
  return typeof s.referenceData === 'function' && typeof s.changeReferenceData === 'function';
}

/** The offer at `index` retired from `day` on (activeUntil: the first day it no longer counts); undefined: not retired. */
export function setOfferUntil(data: ReferenceData, index: number, day: string | undefined): ReferenceData {
  return { ...data, offers: data.offers.map((o, i) => (i === index ? offerWithUntil(o, day) : o)) };
}

/** An offer copied field by field, with `activeUntil` set to `day` or left out. */
function offerWithUntil(o: OfferEntry, day: string | undefined): OfferEntry {
  return {
    organisationId: o.organisationId,
    code: o.code,
    nl: o.nl,
    en: o.en,
    kind: o.kind,
    minAge: o.minAge,
    maxAge: o.maxAge,
    ...(o.activeFrom ? { activeFrom: o.activeFrom } : {}),
    ...(day ? { activeUntil: day } : {}),
  };
}

/** A new offer at the end of the list. */
export function addOffer(data: ReferenceData, offer: OfferEntry): ReferenceData {
  return { ...data, offers: [...data.offers, offer] };
}

/** The organisation at `index` leaves the protocol from `day` on (undefined: not leaving). */
export function setLeftOn(data: ReferenceData, index: number, day: string | undefined): ReferenceData {
  return {
    ...data,
    registry: data.registry.map((r, i) => (i === index ? { organisationId: r.organisationId, joinedOn: r.joinedOn, ...(day ? { leftOn: day } : {}) } : r)),
  };
}

/** A catalogue entry copied field by field, with `activeUntil` set to `day` or left out. */
function entryWith(e: CatalogueEntry, change: { nl?: string; en?: string; until?: string | undefined }): CatalogueEntry {
  const until = 'until' in change ? change.until : e.activeUntil;
  return {
    kind: e.kind,
    code: e.code,
    nl: change.nl !== undefined ? change.nl : e.nl,
    en: change.en !== undefined ? change.en : e.en,
    ...(e.activeFrom ? { activeFrom: e.activeFrom } : {}),
    ...(until ? { activeUntil: until } : {}),
  };
}

/** The catalogue entry at `index` retired from `day` on (activeUntil: the first day it no longer counts); undefined: not retired. */
export function setEntryUntil(data: ReferenceData, index: number, day: string | undefined): ReferenceData {
  return { ...data, catalogue: data.catalogue.map((e, i) => (i === index ? entryWith(e, { until: day }) : e)) };
}

/** The catalogue entry at `index` with new labels (the code stays: old cases keep pointing at it). */
export function setEntryLabels(data: ReferenceData, index: number, nl: string, en: string): ReferenceData {
  return { ...data, catalogue: data.catalogue.map((e, i) => (i === index ? entryWith(e, { nl, en }) : e)) };
}

/** A new catalogue entry at the end of the list. */
export function addEntry(data: ReferenceData, entry: CatalogueEntry): ReferenceData {
  return { ...data, catalogue: [...data.catalogue, entry] };
}

/** The catalogue's indexes in the order the tab shows them: by kind, then as stored (a new entry under its kind). */
export function catalogueOrder(data: ReferenceData): number[] {
  return data.catalogue.map((_e, i) => i).sort((a, b) => CATALOGUE_KINDS.indexOf(data.catalogue[a]!.kind) - CATALOGUE_KINDS.indexOf(data.catalogue[b]!.kind) || a - b);
}

/** A new member of the protocol from `joinedOn` on, at the end of the registry. */
export function addMember(data: ReferenceData, organisationId: string, joinedOn: string): ReferenceData {
  return { ...data, registry: [...data.registry, { organisationId, joinedOn }] };
}

/** The registry without the entry at `index` (an addition undone before saving). */
export function removeMember(data: ReferenceData, index: number): ReferenceData {
  return { ...data, registry: data.registry.filter((_r, i) => i !== index) };
}

/** Whether two versions' data are the same, whatever the order of each entry's keys. */
export function sameData(a: ReferenceData, b: ReferenceData): boolean {
  const canonical = (x: unknown): string =>
    JSON.stringify(x, (_key, v: unknown) => {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    });
  return canonical(a) === canonical(b);
}

/** A REFERENCE.INVALID problem's fields by path (`data.offers.2.activeUntil`) → issue code; the first issue of a path wins. */
export function fieldErrors(fields: ReadonlyArray<{ path: string; issue: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (!(f.path in out)) out[f.path] = f.issue;
  return out;
}

/** Today as a day (yyyy-mm-dd) in the municipality's time zone. */
export function isoDay(d: Date): string {
  return d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}
