/**
 * The words users read for the API's codes, in every UI language: the one source for the core, the
 * documents, the tab, the bot and the web part. Plain data (no imports, ES5-safe): the core re-exports it
 * typed by its own Phase and Role (src/core/vocabulary.ts), and the web part reads it without the core.
 */

/** The UI languages: Dutch first, English for everyone else. */
export const LOCALES = ['nl-NL', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** A whole kenmerk (the case's reference): SJV-yyyy-nnnn, four digits or more. */
export const WHOLE_REFERENCE = /^SJV-\d{4}-\d{4,}$/;
/** What the case list's search accepts: a part of a kenmerk (e.g. 0042) or a whole one, 2–20 letters, digits and dashes; never a name or a date. */
export const REFERENCE_SEARCH = /^[A-Za-z0-9-]{2,20}$/;

/** A text in every UI language. */
export type Labels = Readonly<Record<Locale, string>>;

/** Each phase as users see it: the Dutch process words stay Dutch in nl-NL. */
export const PHASE_LABELS = {
  INBRENG: { 'nl-NL': 'Inbreng', 'en-US': 'Intake' },
  VERRIJKING: { 'nl-NL': 'Verrijking', 'en-US': 'Enrichment' },
  BESPREKING: { 'nl-NL': 'Bespreking', 'en-US': 'Case discussion' },
  OPVOLGING: { 'nl-NL': 'Opvolging', 'en-US': 'Follow-up' },
  REFLECTIE: { 'nl-NL': 'Reflectie', 'en-US': 'Reflection' },
  CLOSED: { 'nl-NL': 'Afgesloten', 'en-US': 'Closed' },
  // the case's record of deletion stays; what is destroyed is its data
  PURGED: { 'nl-NL': 'Gegevens vernietigd', 'en-US': 'Data destroyed' },
} as const satisfies Record<string, Labels>;
export type PhaseCode = keyof typeof PHASE_LABELS;
/** The phases in their order. */
export const PHASE_CODES = Object.keys(PHASE_LABELS) as PhaseCode[];

/** Each role of the policy table (and the system) as users read it: in an audit trail, a document, a screen. */
export const ROLE_LABELS = {
  inbrenger: { 'nl-NL': 'Inbrenger', 'en-US': 'Inbrenger' },
  ketenpartner: { 'nl-NL': 'Ketenpartner', 'en-US': 'Chain partner' },
  involvedPartner: { 'nl-NL': 'Betrokken partner', 'en-US': 'Involved partner' },
  leadPartner: { 'nl-NL': 'Regiehouder', 'en-US': 'Lead partner' },
  procesregisseur: { 'nl-NL': 'Procesregisseur', 'en-US': 'Procesregisseur' },
  voorzitter: { 'nl-NL': 'Voorzitter', 'en-US': 'Chair' },
  privacyOfficer: { 'nl-NL': 'Functionaris gegevensbescherming', 'en-US': 'Data protection officer' },
  resident: { 'nl-NL': 'Jongere', 'en-US': 'Young person' },
  system: { 'nl-NL': 'Systeem', 'en-US': 'System' },
} as const satisfies Record<string, Labels>;
export type RoleCode = Exclude<keyof typeof ROLE_LABELS, 'system'>;

/** Each kind of decision a case records (frame.decisions[].kind), as users read it. */
export const DECISION_LABELS = {
  SUSPICION: { 'nl-NL': 'Redelijk vermoeden', 'en-US': 'Reasonable suspicion' },
  ELIGIBILITY: { 'nl-NL': 'Past binnen het signaalpunt', 'en-US': 'Eligibility' },
  ENRICHMENT_CONCLUSION: { 'nl-NL': 'Uitkomst verrijking', 'en-US': 'Enrichment outcome' },
  DISCUSSION: { 'nl-NL': 'Bespreking', 'en-US': 'Case discussion' },
  FOLLOW_UP: { 'nl-NL': 'Opvolging', 'en-US': 'Follow-up' },
  CLOSURE: { 'nl-NL': 'Afsluiting', 'en-US': 'Closure' },
  WITHDRAWAL: { 'nl-NL': 'Intrekking', 'en-US': 'Withdrawal' },
} as const satisfies Record<string, Labels>;
export type DecisionKind = keyof typeof DECISION_LABELS;

/** A follow-up action's status as users read it (the case's followUp.actions[].status). */
export const ACTION_STATUS_LABELS = {
  planned: { 'nl-NL': 'Gepland', 'en-US': 'Planned' },
  running: { 'nl-NL': 'Loopt', 'en-US': 'Running' },
  done: { 'nl-NL': 'Afgerond', 'en-US': 'Done' },
  cancelled: { 'nl-NL': 'Geannuleerd', 'en-US': 'Cancelled' },
} as const satisfies Record<string, Labels>;
export type ActionStatus = keyof typeof ACTION_STATUS_LABELS;

/** The words every screen (the tab, the web part) shows for the same thing: one text, not one per client. */
export const UI_LABELS = {
  loading: { 'nl-NL': 'Laden…', 'en-US': 'Loading…' },
  retry: { 'nl-NL': 'Opnieuw proberen', 'en-US': 'Try again' },
  close: { 'nl-NL': 'Sluiten', 'en-US': 'Close' },
} as const satisfies Record<string, Labels>;

/** One language of a label table, as a client's string table holds it. */
export function labelsIn<K extends string>(table: Readonly<Record<K, Labels>>, locale: Locale): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(table) as K[]) out[key] = table[key][locale];
  return out;
}
