/**
 * The words users read for the core's codes, in every UI language: the one source for the tab, the bot and
 * the documents. The SPFx web part has its own toolchain and cannot import this file yet; its copy is held
 * to this one by tests/architecture/vocabulary-drift.test.ts.
 */
import type { FollowUpAction, Phase, Role } from './model';

/** The UI languages: Dutch first, English for everyone else. */
export const LOCALES = ['nl-NL', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** A kenmerk as the core numbers cases: SJV-yyyy-nnnn (four digits or more). */
export const WHOLE_REFERENCE = /^SJV-\d{4}-\d{4,}$/;
export function formatReference(year: number, n: number): string {
  return `SJV-${year}-${String(n).padStart(4, '0')}`;
}
/** What the case list's search accepts: a part of a kenmerk (e.g. 0042) or a whole one; never identity. */
export const REFERENCE_SEARCH = /^[A-Za-z0-9-]{2,20}$/;

/** Each phase as users see it: the Dutch process words stay Dutch in nl-NL. */
export const PHASE_LABELS: Readonly<Record<Phase, Readonly<Record<Locale, string>>>> = {
  INBRENG: { 'nl-NL': 'Inbreng', 'en-US': 'Intake' },
  VERRIJKING: { 'nl-NL': 'Verrijking', 'en-US': 'Enrichment' },
  BESPREKING: { 'nl-NL': 'Bespreking', 'en-US': 'Case discussion' },
  OPVOLGING: { 'nl-NL': 'Opvolging', 'en-US': 'Follow-up' },
  REFLECTIE: { 'nl-NL': 'Reflectie', 'en-US': 'Reflection' },
  CLOSED: { 'nl-NL': 'Afgesloten', 'en-US': 'Closed' },
  // the case's record of deletion stays; what is destroyed is its data
  PURGED: { 'nl-NL': 'Gegevens vernietigd', 'en-US': 'Data destroyed' },
};

/** The phase labels of one language, as a client's string table holds them. */
export function phaseLabels(locale: Locale): Record<Phase, string> {
  return Object.fromEntries(Object.entries(PHASE_LABELS).map(([phase, l]) => [phase, l[locale]])) as Record<Phase, string>;
}

/** A follow-up action's status as users read it (the web part's statusValue holds the same words). */
export const ACTION_STATUS_LABELS: Readonly<Record<FollowUpAction['status'], Readonly<Record<Locale, string>>>> = {
  planned: { 'nl-NL': 'Gepland', 'en-US': 'Planned' },
  running: { 'nl-NL': 'Loopt', 'en-US': 'Running' },
  done: { 'nl-NL': 'Afgerond', 'en-US': 'Done' },
  cancelled: { 'nl-NL': 'Geannuleerd', 'en-US': 'Cancelled' },
};

/** Each role of the policy table (and the system) as users read it: in an audit trail, a document, a screen. */
export const ROLE_LABELS: Readonly<Record<Role | 'system', Readonly<Record<Locale, string>>>> = {
  inbrenger: { 'nl-NL': 'Inbrenger', 'en-US': 'Inbrenger' },
  ketenpartner: { 'nl-NL': 'Ketenpartner', 'en-US': 'Chain partner' },
  involvedPartner: { 'nl-NL': 'Betrokken partner', 'en-US': 'Involved partner' },
  leadPartner: { 'nl-NL': 'Regiehouder', 'en-US': 'Lead partner' },
  procesregisseur: { 'nl-NL': 'Procesregisseur', 'en-US': 'Procesregisseur' },
  voorzitter: { 'nl-NL': 'Voorzitter', 'en-US': 'Chair' },
  privacyOfficer: { 'nl-NL': 'Functionaris gegevensbescherming', 'en-US': 'Data protection officer' },
  resident: { 'nl-NL': 'Jongere', 'en-US': 'Young person' },
  system: { 'nl-NL': 'Systeem', 'en-US': 'System' },
};
