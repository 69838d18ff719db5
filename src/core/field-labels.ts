/**
 * The one table from field paths of command inputs (and of the details of refusals) to the words people
 * read: nl-NL first, en-US second. A refusal names its fields by path (`actions.0.dueOn`); surfaces show
 * the label ("Veld Actie — datum: ligt in het verleden"), never the raw path ("Veld known: is ongeldig").
 * Array positions are written `*` here; `fieldLabel` maps `actions.0.dueOn` to `actions.*.dueOn`.
 */
export interface FieldLabel {
  nl: string;
  en: string;
}

const l = (nl: string, en: string): FieldLabel => ({ nl, en });

export const FIELD_LABELS = {
  commandId: l('Opdracht-id', 'Command id'),
  caseId: l('Casus', 'Case'),
  expectedVersion: l('Versie van de casus', 'Case version'),
  // submitConcern
  ageYears: l('Leeftijd', 'Age'),
  ageBand: l('Leeftijdsgroep', 'Age band'),
  riskSignals: l('Risicosignalen', 'Risk signals'),
  'riskSignals.*': l('Risicosignaal', 'Risk signal'),
  protectiveFactors: l('Beschermende factoren', 'Protective factors'),
  'protectiveFactors.*': l('Beschermende factor', 'Protective factor'),
  forms: l('Vermoedelijke vorm', 'Suspected form'),
  'forms.*': l('Vermoedelijke vorm', 'Suspected form'),
  registrationsBand: l('Registraties', 'Registrations'),
  urgency: l('Urgentie', 'Urgency'),
  freeText: l('Toelichting', 'Explanation'),
  aveLevel: l('AVE-niveau', 'AVE level'),
  // decideSuspicion, concludeEnrichment, closeCase, withdrawCase
  suspicion: l('Redelijk vermoeden', 'Reasonable suspicion'),
  rationale: l('Toelichting', 'Rationale'),
  advisedRoute: l('Geadviseerde route', 'Advised route'),
  notInformedReason: l('Reden dat de jongere niet is geïnformeerd', 'Reason the young person was not informed'),
  // supplyIdentity
  name: l('Naam', 'Name'),
  dateOfBirth: l('Geboortedatum', 'Date of birth'),
  // recordResidentInformed
  informedOn: l('Geïnformeerd op', 'Informed on'),
  deferral: l('Uitstel', 'Deferral'),
  'deferral.reason': l('Reden van uitstel', 'Reason for deferral'),
  'deferral.until': l('Uitstel tot', 'Deferred until'),
  // requestEnrichment, answerEnrichment
  organisationIds: l('Partners', 'Partners'),
  'organisationIds.*': l('Partner', 'Partner'),
  dueOn: l('Termijn', 'Due date'),
  known: l('Bekend bij uw organisatie', 'Known to your organisation'),
  signals: l('Signalen', 'Signals'),
  'signals.*': l('Signaal', 'Signal'),
  // recordDiscussion
  lifeDomains: l('Leefgebieden', 'Life domains'),
  parties: l('Betrokken partijen', 'Parties involved'),
  'parties.*': l('Betrokken partij', 'Party involved'),
  interventions: l('Interventies', 'Interventions'),
  'interventions.*': l('Interventie', 'Intervention'),
  followUpOptions: l('Mogelijkheden voor opvolging', 'Follow-up options'),
  'followUpOptions.*': l('Mogelijkheid voor opvolging', 'Follow-up option'),
  leadOrganisationId: l('Regiehouder', 'Lead partner'),
  notes: l('Notities', 'Notes'),
  contact: l('Contactgegevens', 'Contact details'),
  'contact.address': l('Adres', 'Address'),
  'contact.phone': l('Telefoon', 'Phone'),
  'contact.email': l('E-mail', 'Email'),
  'contact.guardian': l('Ouder of verzorger', 'Parent or guardian'),
  complete: l('Afronden', 'Complete'),
  // recordFollowUp, updateActionStatus
  actions: l('Acties', 'Actions'),
  'actions.*': l('Actie', 'Action'),
  'actions.*.offerCode': l('Actie — aanbod', 'Action — offer'),
  'actions.*.organisationId': l('Actie — organisatie', 'Action — organisation'),
  'actions.*.dueOn': l('Actie — datum', 'Action — date'),
  'followUp.actions': l('Acties van de opvolging', 'Follow-up actions'),
  residentStance: l('Houding van de jongere', 'Stance of the young person'),
  actionId: l('Actie', 'Action'),
  status: l('Status', 'Status'),
  outcome: l('Uitkomst', 'Outcome'),
  // generateLetter
  kind: l('Soort brief', 'Kind of letter'),
  locale: l('Taal van de brief', 'Language of the letter'),
  meeting: l('Afspraak', 'Meeting'),
  'meeting.date': l('Afspraak — datum', 'Meeting — date'),
  'meeting.time': l('Afspraak — tijd', 'Meeting — time'),
  'meeting.location': l('Afspraak — plaats', 'Meeting — location'),
  // linkCases, unlinkCases
  linkedReference: l('Kenmerk van de andere casus', 'Kenmerk of the other case'),
} as const satisfies Record<string, FieldLabel>;

/** `actions.0.dueOn` → `actions.*.dueOn`: the table's form of a path. */
export const labelPath = (path: string): string => path.replace(/\.\d+(?=\.|$)/g, '.*');

/** The label of a field path in a locale; undefined for a path the table does not know (never the path itself). */
export function fieldLabel(path: string, locale: 'nl-NL' | 'en-US' = 'nl-NL'): string | undefined {
  const entry = (FIELD_LABELS as Record<string, FieldLabel | undefined>)[labelPath(path)];
  if (!entry) return undefined;
  return locale === 'en-US' ? entry.en : entry.nl;
}
