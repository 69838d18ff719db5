/**
 * Where a client may offer a command: the command table's phases, roles, written group and the groups it may
 * also write (`alsoWrites`: each only by a role that may write that group in the phase) as the server's
 * OpenAPI document states them (x-signaalpunt-command, generated into COMMAND_RULES). A client hides what the
 * server would refuse; the server decides every call (with the case's roles and the policy table).
 * Plain data, ES5-safe.
 */
import { COMMAND_RULES, OPERATIONS } from './generated/api';
import type { PhaseCode, RoleCode } from './vocabulary';

export { COMMAND_RULES };
/** A command that a client may offer on a case (it has a rule in the command table). */
export type RuledCommand = keyof typeof COMMAND_RULES;

/**
 * The user's base role (their directory role) that can hold each role of the policy table on a case: a
 * partner is the case's inbrenger, a chain partner, an involved partner or its regiehouder.
 */
export const BASE_ROLE: Readonly<Record<Exclude<RoleCode, 'resident'>, string>> = {
  inbrenger: 'partner',
  ketenpartner: 'partner',
  involvedPartner: 'partner',
  leadPartner: 'partner',
  procesregisseur: 'procesregisseur',
  voorzitter: 'voorzitter',
  privacyOfficer: 'privacyOfficer',
};

/**
 * Whether the command runs in this phase and one of the user's base roles can hold a role that may issue it
 * there (a role the command table allows in fewer phases, `rolePhases`, only in those).
 */
export function mayOffer(command: RuledCommand, phase: PhaseCode, baseRoles: readonly string[]): boolean {
  const rule: { phases: readonly string[]; roles: readonly string[]; rolePhases?: Readonly<Record<string, readonly string[]>> } = COMMAND_RULES[command];
  if (rule.phases.indexOf(phase) < 0) return false;
  for (const role of rule.roles) {
    const fewer = rule.rolePhases && rule.rolePhases[role];
    if (fewer && fewer.indexOf(phase) < 0) continue;
    if (baseRoles.indexOf(BASE_ROLE[role as keyof typeof BASE_ROLE]) >= 0) return true;
  }
  return false;
}

/** The data group a command writes: offered only where the caller's view grants write on it. */
export function writtenGroup(command: RuledCommand): string {
  return COMMAND_RULES[command].writes;
}

/**
 * The groups a command may also write besides its own (the command table's `alsoWrites`): the server refuses
 * a change to one of them unless the acting role may write it in the case's phase (the policy table).
 */
export function alsoWrittenGroups(command: RuledCommand): readonly string[] {
  return COMMAND_RULES[command].alsoWrites;
}

/** A kind of letter to the resident (the `kind` of generateLetter's body). */
export type LetterKind = keyof typeof COMMAND_RULES.generateLetter.kinds;

/**
 * In which phases each kind of letter may be made: the command table's `kinds` of generateLetter (src/core/phases.ts),
 * as the OpenAPI document states them. The server refuses another with CASE.PRECONDITION_FAILED; a client offers only these.
 */
export const LETTER_PHASES: Readonly<Record<LetterKind, readonly PhaseCode[]>> = COMMAND_RULES.generateLetter.kinds;

/** The kinds of letter, in the command table's order. */
export const LETTER_KINDS = Object.keys(LETTER_PHASES) as LetterKind[];

/** The kinds of letter that may be made in this phase. */
export function lettersFor(phase: PhaseCode): LetterKind[] {
  return LETTER_KINDS.filter((kind) => LETTER_PHASES[kind].indexOf(phase) >= 0);
}

/**
 * Whether one of the user's base roles may call an operation: the roles its route allows, as the OpenAPI
 * document states them (x-signaalpunt-roles, generated into OPERATIONS); an operation that names none is open
 * to every signed-in user. A client hides what the API would refuse; the API still decides.
 */
export function mayCall(operation: keyof typeof OPERATIONS, baseRoles: readonly string[]): boolean {
  const route: { method: string; roles?: readonly string[] } = OPERATIONS[operation];
  if (!route.roles) return true;
  for (const role of route.roles) if (baseRoles.indexOf(role) >= 0) return true;
  return false;
}
