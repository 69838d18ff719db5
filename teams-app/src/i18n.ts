/**
 * Every string of the tab, in Dutch (nl-NL) and English (en-US). The English table has the Dutch table's
 * type, so a string missing in one language fails the type check. Codes of the catalogue (signals, forms,
 * life domains, offers, …) come with their labels from the core's catalogue.
 */
import type { CatalogueList } from '../../src/core/catalogue';
import { label } from '../../src/core/catalogue';
import { labelsIn, UI_LABELS } from '../../packages/contract/src/vocabulary';
import type { Locale } from '../../src/core/vocabulary';
import { phaseLabels } from '../../src/core/vocabulary';

export type { Locale } from '../../src/core/vocabulary';

/** Teams gives locales like "nl-nl", "en-gb", "fr-fr": Dutch for any nl-*, else English. */
export function localeFrom(raw: string | undefined | null): Locale {
  return raw && raw.toLowerCase().startsWith('nl') ? 'nl-NL' : 'en-US';
}

const nl = {
  appTitle: 'Signaaltafel',
  // loading, retry, close: the words every client shows (the contract's vocabulary)
  ...labelsIn(UI_LABELS, 'nl-NL'),
  detectingHost: 'Verbinden met Teams…',
  reload: 'Opnieuw laden',
  // access
  noAccessTitle: 'Geen toegang',
  noAccessGuest: 'Als gast of anoniem deelnemer ziet u niets van de casussen van de signaaltafel.',
  signInFailed: 'Aanmelden via Teams is niet gelukt. Sluit de tab en open hem opnieuw.',
  // standalone
  standaloneTitle: 'Signaaltafel buiten Teams',
  standaloneIntro: 'Deze pagina is niet in Teams geopend. Lokaal kunt u de tab hier gebruiken als een demogebruiker.',
  standaloneProduction: 'Open de signaaltafel in Microsoft Teams, als tab in de vergadering.',
  demoUser: 'Demogebruiker',
  demoView: 'Weergave',
  demoMeeting: 'Vergadering-id',
  viewSidePanel: 'Zijpaneel (agenda en besluiten)',
  viewStage: 'Vergaderpodium (gedeeld scherm)',
  open: 'Openen',
  signedInAs: 'Aangemeld als',
  switchUser: 'Andere gebruiker',
  // session
  noSession: 'Aan deze vergadering is nog geen signaaltafel gekoppeld.',
  noSessionAskRegisseur: 'De procesregisseur koppelt de signaaltafel en stelt de agenda op.',
  createSession: 'Signaaltafel koppelen',
  sessionTitle: 'Titel (zonder namen)',
  sessionDate: 'Datum',
  defaultSessionTitle: 'Signaaltafel',
  statusPlanned: 'Gepland',
  statusOpen: 'Loopt',
  statusEnded: 'Afgelopen',
  startSession: 'Signaaltafel openen',
  endSession: 'Signaaltafel sluiten en notulen maken',
  confirmEnd: 'Weet u het zeker? Na sluiten worden de notulen definitief.',
  undecidedWarning: 'Over deze punten is nog geen besluit genomen:',
  undecidedStayOpen: 'Verplaats ze naar de volgende signaaltafel, of sluit zonder verplaatsen: dan blijven ze in hun fase staan en kunnen ze later weer op een agenda.',
  moveAndEnd: 'Verplaatsen naar volgende signaaltafel en sluiten',
  endAnyway: 'Sluiten zonder verplaatsen',
  carriedOverTo: 'Niet besloten punten verplaatst naar',
  carriedOverWaiting: 'Niet besloten punten klaar voor de volgende signaaltafel (ze staan op de agenda zodra die gekoppeld is):',
  decisionRecordedFor: 'Besluit vastgelegd bij',
  nextItem: 'Volgende',
  allItemsDecided: 'Over alle punten op de agenda is besloten.',
  shareNext: 'Volgende delen op het podium',
  shareNextShort: 'Volgende delen',
  toDecide: 'nog te besluiten',
  collapse: 'Inklappen',
  backToAgenda: 'Terug naar de agenda',
  editAgenda: 'Agenda samenstellen',
  saveAgenda: 'Agenda opslaan',
  cancel: 'Annuleren',
  agendaCandidates: 'Casussen in inbreng en bespreking',
  noCandidates: 'Er zijn geen casussen in inbreng of bespreking.',
  emptyAgenda: 'De agenda is nog leeg.',
  partAnonymous: '1. Anonieme ronde (inbreng)',
  partBespreking: '2. Bespreking',
  partStatusRound: '3. Statusronde',
  item: 'Agendapunt',
  noContent: 'Dit agendapunt is er, maar de inhoud is niet voor uw organisatie.',
  shareToStage: 'Delen op het podium',
  sharedOnStage: 'Staat op het podium',
  stopSharing: 'Van het podium halen',
  sharedNotice: 'Gedeeld op het vergaderpodium: alleen kenmerk, leeftijdscategorie, signalen en besluiten.',
  // case content
  reference: 'Kenmerk',
  phase: 'Fase',
  ageBand: 'Leeftijd',
  riskSignals: 'Risicosignalen',
  protectiveFactors: 'Beschermende factoren',
  forms: 'Vermoede vormen',
  registrations: 'Registraties',
  urgency: 'Urgentie',
  freeText: 'Toelichting van de inbrenger',
  decisions: 'Besluiten',
  none: 'geen',
  identity: 'Identiteit (alleen zichtbaar voor u, volgens het privacyprotocol)',
  enrichment: 'Antwoorden verrijking',
  known: 'bekend',
  notKnown: 'niet bekend',
  awaiting: 'nog geen antwoord',
  discussion: 'Bespreking',
  decidedInSession: 'Besloten in deze signaaltafel',
  deadlines: 'Termijnen',
  overdueInforming: 'Informeren te laat',
  overdueEnrichment: 'Verrijking verlopen',
  // suspicion form
  suspicionLegend: 'Redelijk vermoeden van jeugdondermijning?',
  yes: 'Ja',
  no: 'Nee',
  rationale: 'Onderbouwing (zonder namen of andere herkenbare gegevens)',
  advisedRoute: 'Geadviseerde route',
  aveLevel: 'AVE-niveau (optioneel)',
  recordDecision: 'Besluit vastleggen',
  openSuspicionForm: 'Besluit nemen',
  openDiscussionForm: 'Bespreking vastleggen',
  closeForm: 'Formulier sluiten',
  saved: 'Opgeslagen.',
  required: 'Verplicht.',
  // discussion form
  lifeDomains: 'Leefgebieden',
  concerningLifeDomains: 'Zorgelijke leefgebieden',
  concerning: 'zorgelijk',
  notConcerning: 'niet zorgelijk',
  unknown: 'onbekend',
  parties: 'Betrokken partijen',
  interventions: 'Gedane of lopende interventies',
  followUpOptions: 'Vervolgopties',
  leadPartner: 'Regiehouder (uit de betrokken partijen)',
  saveDiscussion: 'Bespreking opslaan',
  completeDiscussion: 'Afronden: naar opvolging',
  leadRequired: 'Kies een regiehouder uit de betrokken partijen om af te ronden.',
  conflictReload: 'Nieuwste versie laden',
  // minutes
  minutes: 'Notulen',
  showMinutes: 'Notulen bekijken',
  exportMinutes: 'Notulen exporteren (Markdown)',
  minutesDraft: 'Concept: de signaaltafel loopt nog.',
  minutesFinal: 'Definitief.',
  notDecided: 'Niet besloten in deze signaaltafel',
  followUp: 'Vervolg',
  responsible: 'Verantwoordelijke organisatie',
  minutesNoPersonalData: 'Notulen op procesniveau: geen namen, geboortedata, contactgegevens of vrije tekst van de zorg.',
  // stage
  stageTitle: 'Signaaltafel — gedeeld agendapunt',
  stageNothing: 'Er is nog geen agendapunt gedeeld.',
  stageClosed: 'De signaaltafel is niet geopend.',
  // config page
  configTitle: 'Signaaltafel toevoegen aan de vergadering',
  configIntro: 'De tab toont de agenda in het zijpaneel; de voorzitter deelt agendapunten op het vergaderpodium.',
  // decisions / follow-up texts
  suspicionYes: 'Redelijk vermoeden: ja',
  suspicionNo: 'Redelijk vermoeden: nee',
  discussionDone: 'Bespreking afgerond, regiehouder vastgesteld',
  withdrawn: 'Ingetrokken',
  nextSupplyIdentity: 'Inbrenger levert naam en geboortedatum aan (verrijking)',
  nextAgreeFollowUp: 'Opvolging afspreken met de inwoner',
  offer: 'Vervolgoptie',
  phases: phaseLabels('nl-NL'),
  errorGeneric: 'Er ging iets mis. Probeer het opnieuw.',
};

export type Strings = typeof nl;

const en: Strings = {
  appTitle: 'Signaaltafel',
  ...labelsIn(UI_LABELS, 'en-US'),
  detectingHost: 'Connecting to Teams…',
  reload: 'Reload',
  noAccessTitle: 'No access',
  noAccessGuest: 'As a guest or anonymous participant you see nothing of the signaaltafel’s cases.',
  signInFailed: 'Signing in through Teams failed. Close the tab and open it again.',
  standaloneTitle: 'Signaaltafel outside Teams',
  standaloneIntro: 'This page was not opened in Teams. Locally you can use the tab here as a demo user.',
  standaloneProduction: 'Open the signaaltafel in Microsoft Teams, as a tab in the meeting.',
  demoUser: 'Demo user',
  demoView: 'View',
  demoMeeting: 'Meeting id',
  viewSidePanel: 'Side panel (agenda and decisions)',
  viewStage: 'Meeting stage (shared screen)',
  open: 'Open',
  signedInAs: 'Signed in as',
  switchUser: 'Other user',
  noSession: 'No signaaltafel session is linked to this meeting yet.',
  noSessionAskRegisseur: 'The procesregisseur links the session and prepares the agenda.',
  createSession: 'Link a signaaltafel session',
  sessionTitle: 'Title (no names)',
  sessionDate: 'Date',
  defaultSessionTitle: 'Signaaltafel',
  statusPlanned: 'Planned',
  statusOpen: 'Open',
  statusEnded: 'Ended',
  startSession: 'Open the session',
  endSession: 'Close the session and make minutes',
  confirmEnd: 'Are you sure? After closing, the minutes are final.',
  undecidedWarning: 'No decision has been taken yet on these items:',
  undecidedStayOpen: 'Move them to the next signaaltafel, or close without moving them: then they stay in their phase and can go on an agenda later.',
  moveAndEnd: 'Move to the next signaaltafel and close',
  endAnyway: 'Close without moving',
  carriedOverTo: 'Undecided items moved to',
  carriedOverWaiting: 'Undecided items ready for the next signaaltafel (on its agenda as soon as it is linked):',
  decisionRecordedFor: 'Decision recorded for',
  nextItem: 'Next',
  allItemsDecided: 'Every item on the agenda has been decided.',
  shareNext: 'Share the next item on the stage',
  shareNextShort: 'Share next',
  toDecide: 'to decide',
  collapse: 'Collapse',
  backToAgenda: 'Back to the agenda',
  editAgenda: 'Prepare the agenda',
  saveAgenda: 'Save agenda',
  cancel: 'Cancel',
  agendaCandidates: 'Cases in intake and discussion',
  noCandidates: 'There are no cases in intake or discussion.',
  emptyAgenda: 'The agenda is empty.',
  partAnonymous: '1. Anonymous round (intake)',
  partBespreking: '2. Case discussion',
  partStatusRound: '3. Status round',
  item: 'Agenda item',
  noContent: 'This agenda item exists, but its content is not for your organisation.',
  shareToStage: 'Share to stage',
  sharedOnStage: 'On the stage',
  stopSharing: 'Take off the stage',
  sharedNotice: 'Shared on the meeting stage: only reference, age band, signals and decisions.',
  reference: 'Reference',
  phase: 'Phase',
  ageBand: 'Age',
  riskSignals: 'Risk signals',
  protectiveFactors: 'Protective factors',
  forms: 'Suspected forms',
  registrations: 'Registrations',
  urgency: 'Urgency',
  freeText: 'Note from the inbrenger',
  decisions: 'Decisions',
  none: 'none',
  identity: 'Identity (visible to you only, under the privacy protocol)',
  enrichment: 'Enrichment answers',
  known: 'known',
  notKnown: 'not known',
  awaiting: 'no answer yet',
  discussion: 'Case discussion',
  decidedInSession: 'Decided in this session',
  deadlines: 'Deadlines',
  overdueInforming: 'Informing overdue',
  overdueEnrichment: 'Enrichment overdue',
  suspicionLegend: 'Reasonable suspicion of subversive youth crime?',
  yes: 'Yes',
  no: 'No',
  rationale: 'Rationale (no names or other identifying data)',
  advisedRoute: 'Advised route',
  aveLevel: 'AVE level (optional)',
  recordDecision: 'Record decision',
  openSuspicionForm: 'Take a decision',
  openDiscussionForm: 'Record the discussion',
  closeForm: 'Close the form',
  saved: 'Saved.',
  required: 'Required.',
  lifeDomains: 'Life domains',
  concerningLifeDomains: 'Concerning life domains',
  concerning: 'concerning',
  notConcerning: 'not concerning',
  unknown: 'unknown',
  parties: 'Parties involved',
  interventions: 'Interventions done or running',
  followUpOptions: 'Follow-up options',
  leadPartner: 'Lead partner (one of the parties)',
  saveDiscussion: 'Save discussion',
  completeDiscussion: 'Complete: move to follow-up',
  leadRequired: 'Choose a lead partner among the parties to complete.',
  conflictReload: 'Load the latest version',
  minutes: 'Minutes',
  showMinutes: 'View minutes',
  exportMinutes: 'Export minutes (Markdown)',
  minutesDraft: 'Draft: the session is still open.',
  minutesFinal: 'Final.',
  notDecided: 'Not decided in this session',
  followUp: 'Follow-up',
  responsible: 'Responsible organisation',
  minutesNoPersonalData: 'Minutes at process level: no names, dates of birth, contact data or free text of the concern.',
  stageTitle: 'Signaaltafel — shared agenda item',
  stageNothing: 'No agenda item has been shared yet.',
  stageClosed: 'The session is not open.',
  configTitle: 'Add the signaaltafel to the meeting',
  configIntro: 'The tab shows the agenda in the side panel; the chair shares agenda items to the meeting stage.',
  suspicionYes: 'Reasonable suspicion: yes',
  suspicionNo: 'Reasonable suspicion: no',
  discussionDone: 'Discussion completed, lead partner set',
  withdrawn: 'Withdrawn',
  nextSupplyIdentity: 'The inbrenger supplies name and date of birth (enrichment)',
  nextAgreeFollowUp: 'Agree the follow-up with the resident',
  offer: 'Follow-up option',
  phases: phaseLabels('en-US'),
  errorGeneric: 'Something went wrong. Try again.',
};

export const STRINGS: Record<Locale, Strings> = { 'nl-NL': nl, 'en-US': en };

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}

/** The label of a catalogue code in the locale. */
/**
 * A calendar day as the users read it, the same way as the web part (spfx labels.ts): dd-mm-jjjj in nl-NL,
 * mm/dd/yyyy in en-US. A date-only value is a day, not a moment, so it is read in UTC (no shift by a zone).
 */
export function formatDay(isoDay: string, locale: Locale): string {
  const d = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDay;
  return d.toLocaleDateString(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function codeLabel(list: CatalogueList, code: string, locale: Locale): string {
  return label(list, code, locale);
}

export function decisionText(kind: string, outcome: string, t: Strings): string {
  if (kind === 'SUSPICION') return outcome === 'YES' ? t.suspicionYes : t.suspicionNo;
  if (kind === 'DISCUSSION') return t.discussionDone;
  if (kind === 'WITHDRAWAL') return t.withdrawn;
  return `${kind}: ${outcome}`;
}

export function followUpText(f: { kind: string; code: string }, t: Strings, locale: Locale): string {
  if (f.kind === 'nextStep') return f.code === 'SUPPLY_IDENTITY' ? t.nextSupplyIdentity : f.code === 'AGREE_FOLLOW_UP' ? t.nextAgreeFollowUp : f.code;
  if (f.kind === 'advisedRoute') return `${t.advisedRoute}: ${label('advisedRoutes', f.code, locale)}`;
  return `${t.offer}: ${label('offers', f.code, locale)}`;
}
