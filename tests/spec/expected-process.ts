/**
 * The expected process: the transitions and who may take which step, transcribed from
 * `../shared/design/PROCESS.md` (below: P) — the phase diagram, "Phases" 1–5, the Roles table and "Letters
 * and messages", with docs/process.md where it makes P precise — without looking at `src/core/phases.ts`. Like expected-access.ts it imports nothing from `src/`: it is the oracle
 * the transition and command tables are held to (tests/spec/phases-vs-spec.test.ts).
 *
 * Exit codes are the catalogue's names (src/core/catalogue.ts EXIT_REASONS) for the exits P lists in words.
 */
import type { SpecGroup, SpecPhase, SpecRole } from './expected-access';

export interface SpecTransition {
  from: SpecPhase;
  to: SpecPhase;
  /** the exit P names when the edge ends in CLOSED, as its catalogue code. */
  exit?: string;
  /** where in P the edge is. */
  source: string;
}

const ACTIVE: readonly SpecPhase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'];

export const EXPECTED_TRANSITIONS: readonly SpecTransition[] = [
  { from: 'INBRENG', to: 'VERRIJKING', source: 'diagram: "redelijk vermoeden"; phase 1: the table decides on a reasonable suspicion' },
  { from: 'INBRENG', to: 'CLOSED', exit: 'NO_SUSPICION', source: 'diagram: "no suspicion"' },
  { from: 'VERRIJKING', to: 'BESPREKING', source: 'diagram: "signals confirmed by ≥1 other partner"; phase 3: "only when at least one other partner confirmed signals"' },
  { from: 'VERRIJKING', to: 'CLOSED', exit: 'AGE_OVER_23', source: 'diagram: "age > 23"; phase 2: eligibility "age ≤ 23 on the day of registration"' },
  { from: 'VERRIJKING', to: 'CLOSED', exit: 'TOO_MANY_REGISTRATIONS', source: 'diagram: "> 2 registrations"; phase 2: "0–2 registrations for subversive crime"' },
  { from: 'VERRIJKING', to: 'CLOSED', exit: 'NOT_CONFIRMED', source: 'diagram: "no confirmation"' },
  { from: 'BESPREKING', to: 'OPVOLGING', source: 'diagram' },
  { from: 'OPVOLGING', to: 'REFLECTIE', source: 'diagram' },
  { from: 'REFLECTIE', to: 'CLOSED', exit: 'FOLLOW_UP_DONE', source: 'diagram; phase 5: "When the follow-up has happened the case is closed"' },
  ...ACTIVE.map((from) => ({ from, to: 'CLOSED' as const, exit: 'WITHDRAWN', source: 'diagram: "withdrawn possible in every phase" (every phase a case can still be in: the active ones)' })),
  { from: 'CLOSED', to: 'PURGED', source: 'diagram: "retention ends"' },
];

export interface SpecStep {
  /** exactly the phases P puts the step in. */
  phases: readonly SpecPhase[];
  /** exactly the roles P gives the step to. */
  roles: readonly SpecRole[];
  /** the data group the step writes (P, "Data per phase"). */
  writes: SpecGroup;
  source: string;
  /** a role P lets take the step in only some of the step's phases: exactly those (absent: in all of them). */
  rolePhases?: Partial<Record<SpecRole, readonly SpecPhase[]>>;
  /** the other groups the step may record besides `writes` (absent: none). */
  alsoWrites?: readonly SpecGroup[];
  /** the groups whoever takes the step must also be able to read (a letter prints the resident's name). */
  reads?: readonly SpecGroup[];
  /** per kind of the step (the letters to the resident): exactly the phases in which that kind may be made. */
  kinds?: Readonly<Record<string, readonly SpecPhase[]>>;
  /** the step answers with a document of this media type, made from the reader's view (absent: no document). */
  document?: string;
  /** the last segment of the step's API path when it is not the command's name in kebab case. */
  path?: string;
  /** input fields (dot paths, `*` for array elements) holding codes of a list the procesregisseur manages. */
  codes?: Readonly<Record<string, 'riskSignals' | 'forms' | 'protectiveFactors' | 'offers'>>;
  /** the input field naming, by its kenmerk, a second case the step changes too (absent: the step changes one case). */
  secondCase?: string;
}

/**
 * The letters to the resident (P, "Letters and messages": "information letter at Verrijking …, invitation to
 * the signaaloverleg, closure letter") and the phases each may be made in:
 * - information: from Verrijking, when data was first shared (P, phase 2: "The inbrenger informs the resident
 *   that data was shared"), until closure — the informing may be recorded until Reflectie and closure waits
 *   for it (docs/process.md, row A inbrenger/procesregisseur; issue 16); after closure the closure letter informs.
 * - invitation: to the signaaloverleg of Opvolging (P, phase 4: "in a signaaloverleg the findings are discussed
 *   with the resident"), sent once the table has discussed the case: Bespreking and Opvolging.
 * - closure: after closure (P, phase 5: "the resident is told about closure, archiving and the retention
 *   period"; docs/process.md row H procesregisseur: "the closure letter … may follow closure"): CLOSED only.
 */
export const EXPECTED_LETTER_KINDS: Readonly<Record<string, readonly SpecPhase[]>> = {
  information: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
  invitation: ['BESPREKING', 'OPVOLGING'],
  closure: ['CLOSED'],
};
/**
 * The code each letter is recorded under in H "letters sent" — the vocabulary stored cases, access codes
 * (`origin`) and the access export's labels already hold, so it cannot change: the kind in capitals.
 */
export const EXPECTED_LETTER_CODES: Readonly<Record<string, string>> = { information: 'INFORMATION', invitation: 'INVITATION', closure: 'CLOSURE' };
/** An editable document (P, Letters: "generated from templates, editable"): a Word document (.docx). */
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The steps of P, keyed by the command that takes them in the code (the command names are the project's vocabulary). */
export const EXPECTED_STEPS: Record<string, SpecStep> = {
  submitConcern: {
    phases: [],
    roles: ['ketenpartner'],
    writes: 'B',
    codes: { 'riskSignals.*': 'riskSignals', 'protectiveFactors.*': 'protectiveFactors', 'forms.*': 'forms' },
    source: 'phase 1: "a partner presents the case anonymously"; the case is created by it, so it runs in no phase; "Risk signals are established from a catalogue"; B holds "risk-signal codes, protective-factor codes, suspected forms" (ADR 0017: the managed lists)',
  },
  decideSuspicion: { phases: ['INBRENG'], roles: ['voorzitter', 'procesregisseur'], writes: 'A', source: 'phase 1: "The table (or procesregisseur + voorzitter) decides"; Roles: voorzitter "records decisions"; decisions are group A' },
  supplyIdentity: {
    phases: ['VERRIJKING'],
    roles: ['inbrenger', 'procesregisseur'],
    writes: 'C',
    alsoWrites: ['B'],
    source: 'phase 2: "the inbrenger supplies name + date of birth; the procesregisseur registers them"; "Eligibility is checked here: … 0–2 registrations … (stored as a band)": the registrations band (B) may come with the identity',
  },
  recordResidentInformed: {
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
    roles: ['inbrenger', 'procesregisseur'],
    rolePhases: { inbrenger: ['VERRIJKING', 'BESPREKING', 'OPVOLGING'] },
    writes: 'A',
    source: 'phase 2: "The inbrenger informs the resident … within one month" (a date: group A); docs/process.md row A inbrenger: writes from Verrijking to Opvolging (the month runs past Verrijking), the procesregisseur can still record it in Reflectie',
  },
  requestEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', source: 'phase 2: the procesregisseur "shares them … with selected partners"' },
  answerEnrichment: {
    phases: ['VERRIJKING'],
    roles: ['ketenpartner'],
    writes: 'D',
    codes: { 'signals.*': 'riskSignals' },
    source: 'phase 2: "Each partner answers: known with risk signals (which)"; Roles: ketenpartner "answers enrichment requests"; D holds "observed signal codes"',
  },
  concludeEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', source: 'phase 3 "only when at least one other partner confirmed"; Roles: the procesregisseur "runs the list"' },
  recordDiscussion: {
    phases: ['BESPREKING'],
    roles: ['voorzitter', 'procesregisseur'],
    writes: 'E',
    alsoWrites: ['F'],
    codes: { 'interventions.*': 'offers', 'followUpOptions.*': 'offers' },
    source: 'phase 3: "Contact details of the resident may now be recorded, for the lead partner" (F; docs/process.md a3: in Bespreking only); E holds "interventions, follow-up options" (the offers, ADR 0017); Roles: voorzitter "records decisions", procesregisseur keeps the "minutes"',
  },
  recordFollowUp: {
    phases: ['OPVOLGING'],
    roles: ['leadPartner', 'procesregisseur'],
    writes: 'G',
    codes: { 'actions.*.offerCode': 'offers' },
    source: 'phase 4: "Agreed actions are recorded" (what, which organisation: an offer, ADR 0017); the lead partner runs the follow-up (P, group C row)',
  },
  updateActionStatus: { phases: ['OPVOLGING', 'REFLECTIE'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', source: 'phase 4 (actions with a status) and phase 5: "the procesregisseur reports the follow-up status"' },
  closeCase: { phases: ['REFLECTIE'], roles: ['procesregisseur'], writes: 'H', source: 'phase 5: "the case is closed"; Roles: procesregisseur "closure"; the closure reason is group H' },
  withdrawCase: { phases: ACTIVE, roles: ['procesregisseur'], writes: 'A', source: 'diagram: "withdrawn possible in every phase"; Roles: procesregisseur "runs the list … closure"' },
  generateLetter: {
    // every phase one of its kinds may be made in
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'H',
    reads: ['C'],
    kinds: EXPECTED_LETTER_KINDS,
    document: DOCX,
    path: 'letters',
    source: 'Letters and messages: "information letter at Verrijking …, invitation to the signaaloverleg, closure letter", "generated from templates, editable, recorded as sent"; Roles: procesregisseur "runs … letters" and is "the only one who registers personal data" (a letter is addressed by name: reads C); group H holds "letters sent"; README: the API answers at …/letters with the .docx',
  },
  // issue 16, "Duplicate hint at intake … the procesregisseur can link cases": a link is process data about the
  // case (group A: "reference … dates … decisions", ADR 0018), so in every phase the procesregisseur writes A.
  linkCases: {
    phases: [...ACTIVE, 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'A',
    // a link is between two concerns: both change together, the other named by its kenmerk (ADR 0018; API field linkedReference)
    secondCase: 'linkedReference',
    source: 'issue 16 "the procesregisseur can link cases" (a similar concern brought in twice); Roles: procesregisseur "runs the list"; docs/process.md row A procesregisseur: writes A from Inbreng to Closed',
  },
  unlinkCases: {
    phases: [...ACTIVE, 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'A',
    secondCase: 'linkedReference',
    source: 'the inverse of linkCases: a link made in error is removed by whoever may make it, from both cases',
  },
};
