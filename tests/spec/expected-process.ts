/**
 * The expected process: the transitions and who may take which step, transcribed from
 * `../shared/design/PROCESS.md` (below: P) — the phase diagram, "Phases" 1–5 and the Roles table — without
 * looking at `src/core/phases.ts`. Like expected-access.ts it imports nothing from `src/`: it is the oracle
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
  /** the phases P puts the step in (at least these). */
  phases: readonly SpecPhase[];
  /** exactly the roles P gives the step to. */
  roles: readonly SpecRole[];
  /** the data group the step writes (P, "Data per phase"). */
  writes: SpecGroup;
  source: string;
}

/** The steps of P, keyed by the command that takes them in the code (the command names are the project's vocabulary). */
export const EXPECTED_STEPS: Record<string, SpecStep> = {
  submitConcern: { phases: [], roles: ['ketenpartner'], writes: 'B', source: 'phase 1: "a partner presents the case anonymously"; the case is created by it, so it runs in no phase' },
  decideSuspicion: { phases: ['INBRENG'], roles: ['voorzitter', 'procesregisseur'], writes: 'A', source: 'phase 1: "The table (or procesregisseur + voorzitter) decides"; Roles: voorzitter "records decisions"; decisions are group A' },
  supplyIdentity: { phases: ['VERRIJKING'], roles: ['inbrenger', 'procesregisseur'], writes: 'C', source: 'phase 2: "the inbrenger supplies name + date of birth; the procesregisseur registers them"' },
  recordResidentInformed: { phases: ['VERRIJKING'], roles: ['inbrenger', 'procesregisseur'], writes: 'A', source: 'phase 2: "The inbrenger informs the resident … within one month" (a date: group A); the procesregisseur runs the letters' },
  requestEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', source: 'phase 2: the procesregisseur "shares them … with selected partners"' },
  answerEnrichment: { phases: ['VERRIJKING'], roles: ['ketenpartner'], writes: 'D', source: 'phase 2: "Each partner answers"; Roles: ketenpartner "answers enrichment requests"' },
  concludeEnrichment: { phases: ['VERRIJKING'], roles: ['procesregisseur'], writes: 'D', source: 'phase 3 "only when at least one other partner confirmed"; Roles: the procesregisseur "runs the list"' },
  recordDiscussion: { phases: ['BESPREKING'], roles: ['voorzitter', 'procesregisseur'], writes: 'E', source: 'phase 3; Roles: voorzitter "records decisions", procesregisseur keeps the "minutes"' },
  recordFollowUp: { phases: ['OPVOLGING'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', source: 'phase 4: "Agreed actions are recorded"; the lead partner runs the follow-up (P, group C row)' },
  updateActionStatus: { phases: ['OPVOLGING', 'REFLECTIE'], roles: ['leadPartner', 'procesregisseur'], writes: 'G', source: 'phase 4 (actions with a status) and phase 5: "the procesregisseur reports the follow-up status"' },
  closeCase: { phases: ['REFLECTIE'], roles: ['procesregisseur'], writes: 'H', source: 'phase 5: "the case is closed"; Roles: procesregisseur "closure"; the closure reason is group H' },
  withdrawCase: { phases: ACTIVE, roles: ['procesregisseur'], writes: 'A', source: 'diagram: "withdrawn possible in every phase"; Roles: procesregisseur "runs the list … closure"' },
  generateLetter: {
    phases: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'CLOSED'],
    roles: ['procesregisseur'],
    writes: 'H',
    source: 'Letters and messages: "information letter at Verrijking …, invitation to the signaaloverleg, closure letter"; Roles: procesregisseur "runs … letters"; group H holds "letters sent"',
  },
};
