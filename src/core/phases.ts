/**
 * The process as data: the transition table (every edge a case may take, with the command that takes
 * it and its guard) and the command table (who may issue each command, in which phases, writing which
 * data group). A newcomer finds every rule of the process by reading these two tables.
 */
import type { DataGroup, Phase, Role } from './model';
import type { ManagedList } from './reference-data';

export interface TransitionRule {
  from: Phase;
  to: Phase;
  command: CommandName | 'purge';
  /** human-readable guard, enforced by the command's handler. */
  guard: string;
  /** exit reason code recorded when the edge ends in CLOSED. */
  exit?: string;
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'INBRENG', to: 'VERRIJKING', command: 'decideSuspicion', guard: 'the table decided: reasonable suspicion of jeugdondermijning' },
  { from: 'INBRENG', to: 'CLOSED', command: 'decideSuspicion', guard: 'no reasonable suspicion; advised route recorded', exit: 'NO_SUSPICION' },
  { from: 'VERRIJKING', to: 'CLOSED', command: 'supplyIdentity', guard: 'older than 23 on the day of registration', exit: 'AGE_OVER_23' },
  { from: 'VERRIJKING', to: 'CLOSED', command: 'supplyIdentity', guard: 'more than 2 registrations for subversive crime', exit: 'TOO_MANY_REGISTRATIONS' },
  { from: 'VERRIJKING', to: 'BESPREKING', command: 'concludeEnrichment', guard: 'at least one partner other than the inbrenger’s organisation answered “known” with a signal' },
  { from: 'VERRIJKING', to: 'CLOSED', command: 'concludeEnrichment', guard: 'no confirmation by another partner; advised route recorded', exit: 'NOT_CONFIRMED' },
  { from: 'BESPREKING', to: 'OPVOLGING', command: 'recordDiscussion', guard: 'discussion completed with a lead partner among the parties' },
  { from: 'OPVOLGING', to: 'REFLECTIE', command: 'recordFollowUp', guard: 'follow-up agreed with at least one action, completed' },
  {
    from: 'REFLECTIE',
    to: 'CLOSED',
    command: 'closeCase',
    guard: 'follow-up happened (at least one action done or cancelled); the resident recorded as informed, or a reason why that was not possible; closure reason and advice recorded',
    exit: 'FOLLOW_UP_DONE',
  },
  { from: 'INBRENG', to: 'CLOSED', command: 'withdrawCase', guard: 'withdrawn, with reason and advised route', exit: 'WITHDRAWN' },
  { from: 'VERRIJKING', to: 'CLOSED', command: 'withdrawCase', guard: 'withdrawn, with reason and advised route', exit: 'WITHDRAWN' },
  { from: 'BESPREKING', to: 'CLOSED', command: 'withdrawCase', guard: 'withdrawn, with reason and advised route', exit: 'WITHDRAWN' },
  { from: 'OPVOLGING', to: 'CLOSED', command: 'withdrawCase', guard: 'withdrawn, with reason and advised route', exit: 'WITHDRAWN' },
  { from: 'REFLECTIE', to: 'CLOSED', command: 'withdrawCase', guard: 'withdrawn, with reason and advised route', exit: 'WITHDRAWN' },
  { from: 'CLOSED', to: 'PURGED', command: 'purge', guard: 'the retention date has passed' },
];

export const COMMAND_NAMES = [
  'submitConcern',
  'decideSuspicion',
  'supplyIdentity',
  'recordResidentInformed',
  'requestEnrichment',
  'answerEnrichment',
  'concludeEnrichment',
  'recordDiscussion',
  'recordFollowUp',
  'updateActionStatus',
  'closeCase',
  'withdrawCase',
  'generateLetter',
  'linkCases',
  'unlinkCases',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandRule {
  /** phases in which the command may run; `[]` for the command that creates a case. */
  phases: readonly Phase[];
  /**
   * roles that may issue it (they must also hold write on `writes` in the policy table) — except
   * submitConcern, which has no case yet: it needs the base role `partner` and membership (ADR 0001).
   */
  roles: readonly Role[];
  /** a role that may issue the command in only some of its phases (absent: in all of them). */
  rolePhases?: Partial<Record<Role, readonly Phase[]>>;
  writes: DataGroup;
  /**
   * Groups the command may also write besides `writes`, each with the purpose its audit row records. Each
   * needs its own write right in the policy table when the command changes it; a command that changes a
   * personal group (C, E, F, G) it declares neither here nor in `writes` fails and writes nothing.
   */
  alsoWrites?: Partial<Record<DataGroup, string>>;
  /** purpose recorded in the audit log. */
  purpose: string;
  /**
   * Free-text fields of the command's input (dot paths; `*` for every element of an array) that someone
   * other than the procesregisseur can read — in a frame, a card, the minutes or the stage. The identifier
   * guard refuses the command when one of them names or points to a person. Every free-text field of a
   * command is either here or in `personal`.
   */
  guarded: readonly string[];
  /** Free-text fields that are personal data by purpose (group C identity, group F contact): never guarded. */
  personal?: readonly string[];
  /** groups the acting role must also be able to read in the case's phase (a letter prints identity). */
  reads?: readonly DataGroup[];
  /**
   * per value of the input's `kind`: the phases in which that kind may run (within `phases`); the handler
   * refuses another with CASE.PRECONDITION_FAILED.
   */
  kinds?: Readonly<Record<string, readonly Phase[]>>;
  /**
   * Input fields (dot paths, `*` for array elements) holding codes of a list the procesregisseur manages
   * (reference-data.ts): each must be active in the reference data valid today, else VALIDATION.UNKNOWN_CODE.
   */
  referenceCodes?: Readonly<Record<string, ManagedList>>;
  /** the last segment of the command's API path when it is not the name in kebab case. */
  path?: string;
  /**
   * the command answers with a document made from the caller's view of the case (a letter), of this media
   * type: it runs through `Signaalpunt.executeDocument` with a maker for the document.
   */
  document?: { contentType: string };
  /**
   * The input field naming a second case by its kenmerk that the command changes too (a link between two
   * cases). The service reads it in the same transaction — CASE.NOT_FOUND at that field when the caller
   * cannot see it — and holds it to the same rules as the case itself (the command's phases, the acting
   * role's write right on `writes`); the handler gets it as `ctx.other` and returns it changed as `other`.
   * Both are versioned, written and audited together, or neither.
   */
  otherCase?: string;
}

/** The letters to the resident (PROCESS.md: informing the young person), each a kind of `generateLetter`. */
export const LETTER_KINDS = ['information', 'invitation', 'closure'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
/** The code a letter of this kind is recorded under in H.lettersSent. */
export const letterCode = (kind: LetterKind): string => kind.toUpperCase();
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const COMMANDS: Record<CommandName, CommandRule> = {
  submitConcern: {
    phases: [],
    roles: ['ketenpartner'],
    writes: 'B',
    purpose: 'anonieme inbreng van een zorg',
    guarded: ['freeText'],
    referenceCodes: { 'riskSignals.*': 'riskSignals', 'protectiveFactors.*': 'protectiveFactors', 'forms.*': 'forms' },
  },
  decideSuspicion: { phases: ['INBRENG'], roles: ['voorzitter', 'procesregisseur'], writes: 'A', purpose: 'besluit redelijk vermoeden', guarded: ['rationale'] },
  supplyIdentity: {
    phases: ['VERRIJKING'],
    roles: ['inbrenger', 'procesregisseur'],
    writes: 'C',
    // the registrations band (B) may come with the identity, for the eligibility check — from whoever may
    // write B in Verrijking: the procesregisseur (docs/process.md, row B); the inbrenger gave it at intake.
    alsoWrites: { B: 'registratieband voor de toets op passendheid' },
    purpose: 'registratie naam en geboortedatum voor verrijking',
    guarded: [],
    personal: ['name'],
  },
  recordResidentInformed: {
    // REFLECTIE too: the resident can still be informed until closure — by the procesregisseur, who writes A
    // there; the inbrenger only reads A in Reflectie (docs/process.md).
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
    roles: ['inbrenger', 'procesregisseur'],
    rolePhases: { inbrenger: ['VERRIJKING', 'BESPREKING', 'OPVOLGING'] },
    writes: 'A',
    purpose: 'vastleggen dat de inwoner is geïnformeerd',
    guarded: ['deferral.reason'],
  },
  requestEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', purpose: 'verrijkingsvraag aan ketenpartners', guarded: [] },
  answerEnrichment: { phases: ['VERRIJKING'], roles: ['ketenpartner'], writes: 'D', purpose: 'beantwoording verrijkingsvraag', guarded: [], referenceCodes: { 'signals.*': 'riskSignals' } },
  concludeEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', purpose: 'afronding verrijking', guarded: ['rationale'] },
  recordDiscussion: {
    phases: ['BESPREKING'],
    roles: ['voorzitter', 'procesregisseur'],
    writes: 'E',
    alsoWrites: { F: 'contactgegevens voor de regiehouder' },
    purpose: 'bespreking aan de signaaltafel',
    guarded: ['notes'],
    personal: ['contact.address', 'contact.phone', 'contact.email', 'contact.guardian'],
    referenceCodes: { 'interventions.*': 'offers', 'followUpOptions.*': 'offers' },
  },
  recordFollowUp: { phases: ['OPVOLGING'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', purpose: 'afspraken opvolging', guarded: [], referenceCodes: { 'actions.*.offerCode': 'offers' } },
  updateActionStatus: { phases: ['OPVOLGING', 'REFLECTIE'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', purpose: 'status van een actie', guarded: ['outcome'] },
  closeCase: { phases: ['REFLECTIE'], roles: ['procesregisseur'], writes: 'H', purpose: 'afsluiting na reflectie', guarded: ['rationale', 'notInformedReason'] },
  withdrawCase: { phases: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'], roles: ['procesregisseur'], writes: 'A', purpose: 'intrekking', guarded: ['rationale'] },
  generateLetter: {
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'H',
    reads: ['C'],
    kinds: {
      information: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
      invitation: ['BESPREKING', 'OPVOLGING'],
      closure: ['CLOSED'],
    } satisfies Record<LetterKind, readonly Phase[]>,
    purpose: 'brief aan de inwoner gemaakt en als verzonden vastgelegd',
    guarded: [],
    // where the resident is invited (it may be their home) is printed in their letter only and never stored
    personal: ['meeting.location'],
    path: 'letters',
    document: { contentType: DOCX },
  },
  // A link is process data about the case (group A, ADR 0018): which other concern the procesregisseur holds
  // to be about the same worry. Every phase the procesregisseur writes A in; the other case must be in one too.
  linkCases: {
    phases: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'A',
    purpose: 'koppeling met een vergelijkbare casus',
    guarded: [],
    otherCase: 'linkedReference',
  },
  unlinkCases: {
    phases: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'A',
    purpose: 'koppeling met een andere casus opgeheven',
    guarded: [],
    otherCase: 'linkedReference',
  },
};

export function findTransition(from: Phase, to: Phase, command: CommandName | 'purge'): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && t.command === command);
}
