/**
 * Turning codes into words: catalogue codes from the API's catalogue, organisation ids from the partner
 * registry, phases and steps from the strings table, dates in the user's locale.
 */
import type { Locale, Strings } from './i18n';
import type { Catalogue, CatalogueListName, Partner } from './dataSource';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';

/** Which catalogue list a field's codes come from. */
export const FIELD_CATALOGUE: Record<string, CatalogueListName> = {
  riskSignals: 'riskSignals',
  signals: 'riskSignals',
  protectiveFactors: 'protectiveFactors',
  forms: 'forms',
  ageBand: 'ageBands',
  registrationsBand: 'registrationsBands',
  urgency: 'urgency',
  aveLevel: 'aveLevels',
  advisedRoute: 'advisedRoutes',
  reason: 'exitReasons',
  closureReason: 'exitReasons',
  residentStance: 'residentStances',
  interventions: 'offers',
  followUpOptions: 'offers',
  offerCode: 'offers',
  lifeDomains: 'lifeDomains',
};
export const ORGANISATION_FIELDS = ['organisationId', 'inbrengerOrganisationId', 'leadOrganisationId', 'parties'];
export const PHASE_FIELDS = ['phase', 'from', 'to', 'closedInPhase'];
export const DATE_FIELDS = ['dateOfBirth', 'dueOn', 'informedOn', 'until', 'retentionUntil', 'retentionAtLatest'];
export const DATETIME_FIELDS = ['createdAt', 'phaseSince', 'identityCapturedAt', 'closedAt', 'purgedAt', 'requestedAt', 'answeredAt', 'completedAt', 'feedbackSentAt', 'at'];

export interface Labels {
  locale: Locale;
  s: Strings;
  code(list: CatalogueListName, code: string): string;
  organisation(id: string): string;
  phase(p: Phase | string): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

/**
 * The web part's one way of writing a day: dd-mm-jjjj in nl-NL (mm/dd/yyyy in en-US). A calendar day
 * (yyyy-mm-dd) is written as that day; a moment (ISO timestamp) as its day in the municipality's time zone.
 */
export function formatDate(iso: string, locale: Locale): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale, { timeZone: iso.length === 10 ? 'UTC' : 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** A moment (ISO timestamp) with its time, in the municipality's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function makeLabels(locale: Locale, s: Strings, catalogue: Catalogue, partners: Partner[]): Labels {
  return {
    locale,
    s,
    code: (list, code) => {
      const entry = (catalogue[list] || []).filter((e) => e.code === code)[0];
      if (!entry) return code;
      return locale === 'en-US' ? entry.en : entry.nl;
    },
    organisation: (id) => {
      const p = partners.filter((x) => x.id === id)[0];
      return p ? p.name : id;
    },
    phase: (p) => (s.phase as Record<string, string>)[p] || p,
    date: (iso) => formatDate(iso, locale),
    dateTime: (iso) => formatDateTime(iso, locale),
  };
}
