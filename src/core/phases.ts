/**
 * The process as data: the transition table (every edge a case may take, with the command that takes
 * it and its guard) and the command table (who may issue each command, in which phases, writing which
 * data group). A newcomer finds every rule of the process by reading these two tables.
 */
import type { DataGroup, Phase, Role } from './model';

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
  { from: 'REFLECTIE', to: 'CLOSED', command: 'closeCase', guard: 'follow-up happened; closure reason and advice recorded', exit: 'FOLLOW_UP_DONE' },
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
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface CommandRule {
  /** phases in which the command may run; `[]` for the command that creates a case. */
  phases: readonly Phase[];
  /** roles that may issue it (they must also hold write on `writes` in the policy table). */
  roles: readonly Role[];
  writes: DataGroup;
  /** purpose recorded in the audit log. */
  purpose: string;
}

export const COMMANDS: Record<CommandName, CommandRule> = {
  submitConcern: { phases: [], roles: ['ketenpartner'], writes: 'B', purpose: 'anonieme inbreng van een zorg' },
  decideSuspicion: { phases: ['INBRENG'], roles: ['voorzitter', 'procesregisseur'], writes: 'A', purpose: 'besluit redelijk vermoeden' },
  supplyIdentity: { phases: ['VERRIJKING'], roles: ['inbrenger', 'procesregisseur'], writes: 'C', purpose: 'registratie naam en geboortedatum voor verrijking' },
  recordResidentInformed: {
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING'],
    roles: ['inbrenger', 'procesregisseur'],
    writes: 'A',
    purpose: 'vastleggen dat de inwoner is geïnformeerd',
  },
  requestEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', purpose: 'verrijkingsvraag aan ketenpartners' },
  answerEnrichment: { phases: ['VERRIJKING'], roles: ['ketenpartner'], writes: 'D', purpose: 'beantwoording verrijkingsvraag' },
  concludeEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', purpose: 'afronding verrijking' },
  recordDiscussion: { phases: ['BESPREKING'], roles: ['voorzitter', 'procesregisseur'], writes: 'E', purpose: 'bespreking aan de signaaltafel' },
  recordFollowUp: { phases: ['OPVOLGING'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', purpose: 'afspraken opvolging' },
  updateActionStatus: { phases: ['OPVOLGING', 'REFLECTIE'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', purpose: 'status van een actie' },
  closeCase: { phases: ['REFLECTIE'], roles: ['procesregisseur'], writes: 'H', purpose: 'afsluiting na reflectie' },
  withdrawCase: { phases: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'], roles: ['procesregisseur'], writes: 'A', purpose: 'intrekking' },
};

export function findTransition(from: Phase, to: Phase, command: CommandName | 'purge'): TransitionRule | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && t.command === command);
}
