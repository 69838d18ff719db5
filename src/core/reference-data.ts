/**
 * Reference data (issue 16, ADR 0017): the parts of the catalogue a municipality manages itself — risk
 * signals, forms and protective factors —, the local offer (sociale kaart: which member organisation
 * provides which offer, for which ages, from/until which day) and the registry (which organisation joined
 * the privacy protocol on which day, and left on which day). Versioned: every change by the procesregisseur
 * is a new version with who (role only), when and what; no version is ever overwritten. Reads take the
 * version valid on a day; a code that is retired (its `activeUntil` has come) or removed in a later version
 * is no longer offered for new input but still renders with its label in the cases that stored it.
 *
 * Days are ISO dates. `activeFrom` and `joinedOn` are the first day an entry counts; `activeUntil` and
 * `leftOn` the first day it no longer counts (as Organisation.leftOn: "from this day on no member").
 */
import { differenceInYears, parseISO } from 'date-fns';
import { z } from 'zod';
import type { AuditInput } from './audit';
import type { CatalogueEntry, CatalogueList } from './catalogue';
import { FORMS, OFFERS, PROTECTIVE_FACTORS, RISK_SIGNALS, label as staticLabel } from './catalogue';
import { DomainError } from './errors';
import { isoDate } from './iso-date';
import type { CaseRecord, Organisation, Role } from './model';
import type { CommandRecord } from './ports';

// ---------------------------------------------------------------------------------------------------------
// The data and its schema

export const CATALOGUE_KINDS = ['riskSignal', 'form', 'protectiveFactor'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];
export const OFFER_KINDS = ['help', 'intervention', 'dayActivity'] as const;

/** The catalogue list (catalogue.ts) each managed kind stands for. */
export const KIND_LIST = { riskSignal: 'riskSignals', form: 'forms', protectiveFactor: 'protectiveFactors' } as const satisfies Record<CatalogueKind, CatalogueList>;
/** The catalogue lists whose codes come from the reference data (the others stay constants of catalogue.ts). */
export type ManagedList = (typeof KIND_LIST)[CatalogueKind] | 'offers';
export const MANAGED_LISTS: readonly ManagedList[] = ['riskSignals', 'forms', 'protectiveFactors', 'offers'];

const day = isoDate;
/** Codes as the catalogue writes them: capitals, digits and underscores. */
const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'INVALID_CODE' });
const labelText = z.string().trim().min(1).max(160);
const orgId = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);
const period = <T extends { activeFrom?: string | undefined; activeUntil?: string | undefined }>(v: T): boolean => !v.activeFrom || !v.activeUntil || v.activeFrom < v.activeUntil;

export const catalogueEntrySchema = z
  .strictObject({ kind: z.enum(CATALOGUE_KINDS), code, nl: labelText, en: labelText, activeFrom: day.optional(), activeUntil: day.optional() })
  .refine(period, { message: 'UNTIL_NOT_AFTER_FROM', path: ['activeUntil'] });
export const offerSchema = z
  .strictObject({
    organisationId: orgId,
    code,
    nl: labelText,
    en: labelText,
    kind: z.enum(OFFER_KINDS),
    minAge: z.number().int().min(0).max(30),
    maxAge: z.number().int().min(0).max(30),
    activeFrom: day.optional(),
    activeUntil: day.optional(),
  })
  .refine(period, { message: 'UNTIL_NOT_AFTER_FROM', path: ['activeUntil'] })
  .refine((o) => o.minAge <= o.maxAge, { message: 'MAX_AGE_BELOW_MIN_AGE', path: ['maxAge'] });
export const registrySchema = z
  .strictObject({ organisationId: orgId, joinedOn: day, leftOn: day.optional() })
  .refine((r) => !r.leftOn || r.joinedOn < r.leftOn, { message: 'LEFT_NOT_AFTER_JOINED', path: ['leftOn'] });

export const referenceDataSchema = z
  .strictObject({
    catalogue: z.array(catalogueEntrySchema).max(1000),
    offers: z.array(offerSchema).max(1000),
    registry: z.array(registrySchema).max(500),
  })
  .superRefine((d, ctx) => {
    const unique = <T>(items: readonly T[], key: (x: T) => string, path: string): void => {
      const seen = new Set<string>();
      items.forEach((x, i) => {
        const k = key(x);
        if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'DUPLICATE', path: [path, i] });
        seen.add(k);
      });
    };
    unique(d.catalogue, (e) => `${e.kind} ${e.code}`, 'catalogue');
    // an intake asks at least one risk signal (schemas.ts, submitConcern): one must stay open-ended
    if (!d.catalogue.some((e) => e.kind === 'riskSignal' && !e.activeUntil)) ctx.addIssue({ code: 'custom', message: 'NO_OPEN_RISK_SIGNAL', path: ['catalogue'] });
    unique(d.offers, (o) => `${o.organisationId} ${o.code}`, 'offers');
    unique(d.registry, (r) => r.organisationId, 'registry');
    // one offer code means one offer: the same label and kind whoever provides it
    const byCode = new Map<string, { nl: string; en: string; kind: string }>();
    d.offers.forEach((o, i) => {
      const first = byCode.get(o.code);
      if (first && (first.nl !== o.nl || first.en !== o.en || first.kind !== o.kind)) ctx.addIssue({ code: 'custom', message: 'OFFER_CODE_DIFFERS', path: ['offers', i, 'code'] });
      if (!first) byCode.set(o.code, o);
    });
  });

export type ReferenceEntry = z.infer<typeof catalogueEntrySchema>;
export type ReferenceData = z.infer<typeof referenceDataSchema>;

/** One change of a version against the one before: the area, what happened and the entry's key (codes and organisation ids only). */
export interface ReferenceChange {
  area: 'catalogue' | 'offers' | 'registry';
  op: 'added' | 'changed' | 'removed';
  key: string;
}

export interface ReferenceVersion {
  version: number;
  /** the moment the version was made; it holds from then on until the next one. Version 1 holds for all time before it. */
  validFrom: string;
  /** who made it: the role only, never a name. `system` for the seed. */
  changedBy: { role: Role | 'system' };
  changes: ReferenceChange[];
  data: ReferenceData;
}

// ---------------------------------------------------------------------------------------------------------
// Who may change it: the rule as data, as the case and meeting commands have theirs

/**
 * The reference data's command: one `changeReferenceData` for every kind of change (the whole data goes in,
 * the version's `changes` say what differs). `guarded`: the labels every partner reads in cards, lists and
 * minutes — refused when they name or point to a person.
 */
export const REFERENCE_COMMANDS = {
  changeReferenceData: {
    roles: ['procesregisseur'],
    purpose: 'wijziging referentiegegevens (catalogus, sociale kaart, deelnemers protocol)',
    guarded: ['data.catalogue.*.nl', 'data.catalogue.*.en', 'data.offers.*.nl', 'data.offers.*.en'],
  },
} as const satisfies Record<string, { roles: readonly Role[]; purpose: string; guarded: readonly string[] }>;

export const changeReferenceDataInput = z.strictObject({
  commandId: z.string().regex(/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-7][0-9A-HJKMNP-TV-Z]{25})$/i, { message: 'NOT_A_UUID_OR_ULID' }),
  /** the version the change was made on: another version in between refuses it with REFERENCE.VERSION_CONFLICT. */
  expectedVersion: z.number().int().min(1),
  data: referenceDataSchema,
});
export type ChangeReferenceDataInput = z.infer<typeof changeReferenceDataInput>;

// ---------------------------------------------------------------------------------------------------------
// Where it is kept

/**
 * Storage of the versions (an additive port beside the case Store; the SQLite and SharePoint adapters
 * implement both). Append-only: nothing here rewrites or removes a version.
 */
export interface ReferenceStore {
  /** every version, oldest first. */
  listReferenceVersions(): Promise<ReferenceVersion[]>;
  /** the newest version, if any. */
  latestReferenceVersion(): Promise<ReferenceVersion | undefined>;
  /**
   * Adds `version` (its number one above the newest stored) with the command's idempotency record and its
   * audit rows — atomically where the store can. Throws REFERENCE.VERSION_CONFLICT when that number exists.
   */
  commitReferenceVersion(version: ReferenceVersion, written: { command: CommandRecord | null; audit: readonly AuditInput[] }): Promise<void>;
}

export const versionConflict = (expectedVersion: number, currentVersion: number): DomainError => new DomainError('REFERENCE.VERSION_CONFLICT', { expectedVersion, currentVersion });

// ---------------------------------------------------------------------------------------------------------
// Version 1: the constants as they were

/** The first moment of time, from which version 1 holds: cases made before the data was managed read it. */
export const SEED_VALID_FROM = '1970-01-01T00:00:00.000Z';

/**
 * Version 1, made on first start from what were constants: the catalogue's active signals, forms and
 * protective factors, the sociale kaart (every offer for the whole signaalpunt age range, 6–23) and the
 * registry of the organisations that joined the protocol. Codes retired before (`retiredIn`) are not in it:
 * they render from catalogue.ts, as they did.
 */
export function seedReferenceData(organisations: readonly Organisation[]): ReferenceData {
  const active = (kind: CatalogueKind, list: readonly CatalogueEntry[]): ReferenceEntry[] => list.filter((e) => e.retiredIn === undefined).map((e) => ({ kind, code: e.code, nl: e.nl, en: e.en }));
  return {
    catalogue: [...active('riskSignal', RISK_SIGNALS), ...active('form', FORMS), ...active('protectiveFactor', PROTECTIVE_FACTORS)],
    offers: OFFERS.filter((o) => o.retiredIn === undefined).map((o) => ({ organisationId: o.organisationId, code: o.code, nl: o.nl, en: o.en, kind: o.kind, minAge: 6, maxAge: 23 })),
    registry: organisations
      .filter((o) => o.joinedOn !== undefined)
      .map((o) => ({ organisationId: o.id, joinedOn: o.joinedOn!, ...(o.leftOn ? { leftOn: o.leftOn } : {}) }))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId)),
  };
}

export function seedVersion(organisations: readonly Organisation[]): ReferenceVersion {
  return { version: 1, validFrom: SEED_VALID_FROM, changedBy: { role: 'system' }, changes: [], data: seedReferenceData(organisations) };
}

// ---------------------------------------------------------------------------------------------------------
// Reading it

/** The version valid on a day (or moment): the newest made on or before it; version 1 for anything earlier. */
export function versionOn(history: readonly ReferenceVersion[], on: string): ReferenceVersion {
  if (history.length === 0) throw new Error('no reference data version');
  const dayOf = on.slice(0, 10);
  let found = history[0]!;
  for (const v of history) if (v.version === 1 || v.validFrom.slice(0, 10) <= dayOf) found = v.version > found.version ? v : found;
  return found;
}

const activeOn = (e: { activeFrom?: string | undefined; activeUntil?: string | undefined }, on: string): boolean => {
  const d = on.slice(0, 10);
  return (!e.activeFrom || e.activeFrom <= d) && (!e.activeUntil || d < e.activeUntil);
};

/** The codes of a managed list a new input may use on a day (an offer code when some organisation provides it then). */
export function activeReferenceCodes(data: ReferenceData, list: ManagedList, on: string): string[] {
  if (list === 'offers') return [...new Set(data.offers.filter((o) => activeOn(o, on)).map((o) => o.code))];
  return data.catalogue.filter((e) => KIND_LIST[e.kind] === list && activeOn(e, on)).map((e) => e.code);
}

/** Whether an organisation is a member of the protocol on a day, according to the registry. */
export function isRegisteredOn(data: ReferenceData, organisationId: string, on: string): boolean {
  const d = on.slice(0, 10);
  return data.registry.some((r) => r.organisationId === organisationId && r.joinedOn <= d && (!r.leftOn || d < r.leftOn));
}

/** The age range the young person of a case is in on a day: exact from the date of birth, else from the concern. */
export function ageRangeOn(record: Pick<CaseRecord, 'identity' | 'concern'>, on: string): { min: number; max: number } | undefined {
  if (record.identity?.dateOfBirth) {
    const age = differenceInYears(parseISO(on.slice(0, 10)), parseISO(record.identity.dateOfBirth));
    return { min: age, max: age };
  }
  if (record.concern.ageYears !== undefined) return { min: record.concern.ageYears, max: record.concern.ageYears };
  const band = /^(\d+)-(\d+)$/.exec(record.concern.ageBand);
  return band ? { min: Number(band[1]), max: Number(band[2]) } : undefined;
}

/**
 * Whether an organisation provides an offer on a day (sociale kaart) for a young person of these ages:
 * the offer active then and its age range overlapping them (an unknown age: any range).
 */
export function providesOfferOn(data: ReferenceData, organisationId: string, offerCode: string, on: string, ages?: { min: number; max: number }): boolean {
  return data.offers.some((o) => o.organisationId === organisationId && o.code === offerCode && activeOn(o, on) && (!ages || (o.minAge <= ages.max && ages.min <= o.maxAge)));
}

/**
 * The label of a code of a managed list: from the newest version that holds it — so a code retired or
 * removed later still renders in the cases that stored it —, else from catalogue.ts (codes retired before
 * the data was managed); an unknown code renders as itself.
 */
export function referenceLabel(history: readonly ReferenceVersion[], list: ManagedList, codeValue: string, locale: 'nl-NL' | 'en-US' = 'nl-NL'): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const data = history[i]!.data;
    const entry = list === 'offers' ? data.offers.find((o) => o.code === codeValue) : data.catalogue.find((e) => KIND_LIST[e.kind] === list && e.code === codeValue);
    if (entry) return locale === 'en-US' ? entry.en : entry.nl;
  }
  return staticLabel(list, codeValue, locale);
}

/** Every entry of a managed list that ever was (newest label), with whether it may be chosen on `on`. */
export function referenceEntries(history: readonly ReferenceVersion[], list: ManagedList, on: string): { code: string; nl: string; en: string; active: boolean }[] {
  const current = versionOn(history, on);
  const active = new Set(activeReferenceCodes(current.data, list, on));
  const seen = new Map<string, { code: string; nl: string; en: string; active: boolean }>();
  for (let i = history.length - 1; i >= 0; i--) {
    const data = history[i]!.data;
    const entries = list === 'offers' ? data.offers : data.catalogue.filter((e) => KIND_LIST[e.kind] === list);
    for (const e of entries) if (!seen.has(e.code)) seen.set(e.code, { code: e.code, nl: e.nl, en: e.en, active: active.has(e.code) });
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------------
// What a change changed

export function diffReferenceData(before: ReferenceData, after: ReferenceData): ReferenceChange[] {
  const changes: ReferenceChange[] = [];
  const compare = <T>(area: ReferenceChange['area'], a: readonly T[], b: readonly T[], key: (x: T) => string): void => {
    const old = new Map(a.map((x) => [key(x), JSON.stringify(x)]));
    const now = new Map(b.map((x) => [key(x), JSON.stringify(x)]));
    for (const [k, v] of now) {
      if (!old.has(k)) changes.push({ area, op: 'added', key: k });
      else if (old.get(k) !== v) changes.push({ area, op: 'changed', key: k });
    }
    for (const k of old.keys()) if (!now.has(k)) changes.push({ area, op: 'removed', key: k });
  };
  compare('catalogue', before.catalogue, after.catalogue, (e) => `${e.kind}:${e.code}`);
  compare('offers', before.offers, after.offers, (o) => `${o.organisationId}:${o.code}`);
  compare('registry', before.registry, after.registry, (r) => r.organisationId);
  return changes;
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue as clients read it

/** An entry of a catalogue list as `/api/v1/catalogue` answers it: `retiredIn` on a code that may no longer be chosen. */
export interface CatalogueEntryOut {
  code: string;
  nl: string;
  en: string;
  retiredIn?: number;
}
export interface OfferEntryOut extends CatalogueEntryOut {
  kind: (typeof OFFER_KINDS)[number];
  organisationId: string;
  minAge?: number;
  maxAge?: number;
  activeFrom?: string;
  activeUntil?: string;
}

/**
 * The managed lists as valid on `on`: every code that ever was, so that old cases render, each with its
 * newest label; a code not active on `on` (retired, or removed in a later version) carries `retiredIn`: the
 * reference version valid then (codes retired before the data was managed keep theirs from catalogue.ts).
 * Offers: one entry per providing organisation, the organisations' current ones first.
 */
export function managedCatalogueOn(history: readonly ReferenceVersion[], on: string): { referenceVersion: number } & Record<Exclude<ManagedList, 'offers'>, CatalogueEntryOut[]> & { offers: OfferEntryOut[] } {
  const current = versionOn(history, on);
  const list = (name: Exclude<ManagedList, 'offers'>, constants: readonly CatalogueEntry[]): CatalogueEntryOut[] => {
    const out: CatalogueEntryOut[] = referenceEntries(history, name, on).map((e) => ({ code: e.code, nl: e.nl, en: e.en, ...(e.active ? {} : { retiredIn: current.version }) }));
    for (const c of constants) if (!out.some((e) => e.code === c.code)) out.push({ ...c, retiredIn: c.retiredIn ?? current.version });
    return out;
  };
  const offers: OfferEntryOut[] = current.data.offers.map((o) => ({
    code: o.code,
    nl: o.nl,
    en: o.en,
    kind: o.kind,
    organisationId: o.organisationId,
    minAge: o.minAge,
    maxAge: o.maxAge,
    ...(o.activeFrom ? { activeFrom: o.activeFrom } : {}),
    ...(o.activeUntil ? { activeUntil: o.activeUntil } : {}),
    ...(activeOn(o, on) ? {} : { retiredIn: current.version }),
  }));
  // offers of earlier versions no longer in the current one: still rendered, not chosen
  for (let i = history.length - 1; i >= 0; i--) {
    for (const o of history[i]!.data.offers) {
      if (!offers.some((x) => x.code === o.code)) offers.push({ code: o.code, nl: o.nl, en: o.en, kind: o.kind, organisationId: o.organisationId, retiredIn: current.version });
    }
  }
  for (const o of OFFERS) if (!offers.some((x) => x.code === o.code)) offers.push({ ...o, retiredIn: o.retiredIn ?? current.version });
  return { referenceVersion: current.version, riskSignals: list('riskSignals', RISK_SIGNALS), forms: list('forms', FORMS), protectiveFactors: list('protectiveFactors', PROTECTIVE_FACTORS), offers };
}
