/**
 * Command handlers: pure functions from (case, input, context) to the changed case. They throw a
 * DomainError for expected refusals; the service turns it into a result value and rolls back.
 */
import { differenceInYears, parseISO } from 'date-fns';
import { addToDay, dayOf } from './calendar';
import type { ProcessConfig } from './config';
import { DomainError } from './errors';
import type { AuditAction } from './audit';
import type { CaseRecord, DataGroup, DiscussionGroup, FollowUpAction, Organisation, Phase, Role, User } from './model';
import type { CommandName } from './phases';
import { COMMANDS, findTransition, letterCode } from './phases';
import type { ReferenceData } from './reference-data';
import { ageRangeOn, isRegisteredOn, providesOfferOn, seedReferenceData } from './reference-data';
import { retentionAtLatest, retentionUntil } from './retention';
import type { CommandInput } from './schemas';
import { isMember } from './views';

export interface HandlerContext {
  now: string; // ISO timestamp
  today: string; // ISO date
  actor: User;
  role: Role;
  config: ProcessConfig;
  organisations: Map<string, Organisation>;
  newId: () => string;
  /** the reference data valid today (local offer, registry); absent: version 1 as made from `organisations`. */
  reference?: ReferenceData;
  /** the second case a command changes too (`otherCase` in the command table: a link), as read in the transaction. */
  other?: CaseRecord;
}

export interface HandlerOutcome {
  record: CaseRecord;
  /** outcome code the caller shows (e.g. VERRIJKING, NOT_CONFIRMED, AGE_OVER_23). */
  outcome: string;
  advisedRoute?: string;
  /** audit rows besides the command's writes (identity shared); a group written is declared in the command table instead. */
  extraAudit?: { action: AuditAction; groups: DataGroup[]; purpose: string }[];
  /** the second case as the command changed it (`otherCase` in the command table). */
  other?: CaseRecord;
}

function move(record: CaseRecord, to: Phase, command: CommandName, rationale: string, ctx: HandlerContext): void {
  const from = record.frame.phase;
  if (!findTransition(from, to, command)) throw new DomainError('CASE.TRANSITION_NOT_ALLOWED', { reason: `${from}->${to}` });
  record.frame.transitions.push({ from, to, at: ctx.now, actorId: ctx.actor.id, role: ctx.role, command, rationale });
  record.frame.phase = to;
  record.frame.phaseSince = ctx.now;
}

function close(record: CaseRecord, command: CommandName, exit: { reason: string; advisedRoute: string; rationale: string }, ctx: HandlerContext): void {
  const closedInPhase = record.frame.phase;
  move(record, 'CLOSED', command, exit.rationale, ctx);
  record.frame.exit = { reason: exit.reason, advisedRoute: exit.advisedRoute, rationale: exit.rationale, closedInPhase };
  record.frame.closedAt = ctx.now;
  const until = retentionUntil(closedInPhase, ctx.now, record.identity?.dateOfBirth, ctx.config.retention);
  record.frame.retentionUntil = until;
  record.frame.retentionAtLatest = retentionAtLatest(closedInPhase, ctx.now, ctx.config.retention);
  record.reflection.retentionUntil = until;
  record.reflection.closureReason = exit.reason;
  record.reflection.feedbackSentAt = ctx.now;
  for (const r of record.enrichment.requests) if (r.status === 'open') r.status = 'closed';
}

function requireMember(orgId: string, ctx: HandlerContext, field: string): void {
  if (!isMember(ctx.organisations.get(orgId), ctx.today)) {
    throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'ORGANISATION_NOT_MEMBER', fields: [{ path: field, issue: 'NOT_A_MEMBER' }] });
  }
}

function decision(record: CaseRecord, kind: CaseRecord['frame']['decisions'][number]['kind'], outcome: string, rationale: string, ctx: HandlerContext): void {
  record.frame.decisions.push({ kind, outcome, rationale, at: ctx.now, actorId: ctx.actor.id, role: ctx.role });
}

export function decideSuspicion(record: CaseRecord, input: CommandInput<'decideSuspicion'>, ctx: HandlerContext): HandlerOutcome {
  if (input.aveLevel) record.frame.aveLevel = input.aveLevel;
  decision(record, 'SUSPICION', input.suspicion ? 'YES' : 'NO', input.rationale, ctx);
  if (input.suspicion) {
    move(record, 'VERRIJKING', 'decideSuspicion', input.rationale, ctx);
    return { record, outcome: 'VERRIJKING' };
  }
  const advisedRoute = input.advisedRoute ?? 'GEEN_ACTIE';
  close(record, 'decideSuspicion', { reason: 'NO_SUSPICION', advisedRoute, rationale: input.rationale }, ctx);
  return { record, outcome: 'NO_SUSPICION', advisedRoute };
}

export function supplyIdentity(record: CaseRecord, input: CommandInput<'supplyIdentity'>, ctx: HandlerContext): HandlerOutcome {
  if (record.identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_ALREADY_SUPPLIED' });
  if (input.dateOfBirth > ctx.today) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'dateOfBirth', issue: 'IN_FUTURE' }] });
  if (input.registrationsBand) record.concern.registrationsBand = input.registrationsBand;
  const age = differenceInYears(parseISO(ctx.today), parseISO(input.dateOfBirth));
  const exitReason = age > ctx.config.maxAge ? 'AGE_OVER_23' : record.concern.registrationsBand === '>2' ? 'TOO_MANY_REGISTRATIONS' : undefined;
  if (exitReason) {
    // Not eligible: the identity is not stored at all (data minimisation); only the coded outcome is.
    const advisedRoute = ctx.config.eligibilityAdvice[exitReason];
    decision(record, 'ELIGIBILITY', exitReason, '', ctx);
    close(record, 'supplyIdentity', { reason: exitReason, advisedRoute, rationale: '' }, ctx);
    return { record, outcome: exitReason, advisedRoute };
  }
  record.identity = { name: input.name, dateOfBirth: input.dateOfBirth };
  record.frame.identityCapturedAt = ctx.now;
  decision(record, 'ELIGIBILITY', 'ELIGIBLE', '', ctx);
  return { record, outcome: 'ELIGIBLE' };
}

export function recordResidentInformed(record: CaseRecord, input: CommandInput<'recordResidentInformed'>, ctx: HandlerContext): HandlerOutcome {
  const captured = record.frame.identityCapturedAt;
  if (!captured) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  if (input.informedOn) {
    if (input.informedOn > ctx.today || input.informedOn < captured.slice(0, 10)) {
      throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }] });
    }
    record.frame.informedOn = input.informedOn;
    return { record, outcome: 'INFORMED' };
  }
  const deferral = input.deferral!;
  const latest = addToDay(dayOf(captured), { months: ctx.config.informingDeadlineMonths });
  if (deferral.until > latest) throw new DomainError('INFORMING.DEFERRAL_TOO_LONG', { fields: [{ path: 'deferral.until', issue: 'AFTER_DEADLINE' }] });
  if (deferral.until <= ctx.today) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'deferral.until', issue: 'NOT_IN_FUTURE' }] });
  record.frame.informingDeferral = { reason: deferral.reason, until: deferral.until };
  return { record, outcome: 'DEFERRED' };
}

export function requestEnrichment(record: CaseRecord, input: CommandInput<'requestEnrichment'>, ctx: HandlerContext): HandlerOutcome {
  if (!record.identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  if (input.dueOn <= ctx.today) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'dueOn', issue: 'NOT_IN_FUTURE' }] });
  const unique = [...new Set(input.organisationIds)];
  unique.forEach((id, i) => requireMember(id, ctx, `organisationIds.${i}`));
  for (const id of unique) {
    if (record.enrichment.requests.some((r) => r.organisationId === id)) throw new DomainError('ENRICHMENT.ALREADY_REQUESTED', { organisationId: id });
  }
  for (const id of unique) record.enrichment.requests.push({ organisationId: id, requestedAt: ctx.now, dueOn: input.dueOn, status: 'open' });
  return {
    record,
    outcome: 'REQUESTED',
    extraAudit: [{ action: 'export', groups: ['C', 'B'], purpose: `naam, geboortedatum en signalen gedeeld voor verrijking met: ${unique.join(', ')}` }],
  };
}

export function answerEnrichment(record: CaseRecord, input: CommandInput<'answerEnrichment'>, ctx: HandlerContext): HandlerOutcome {
  const request = record.enrichment.requests.find((r) => r.organisationId === ctx.actor.organisationId && r.status === 'open');
  if (!request) throw new DomainError('ENRICHMENT.NOT_OPEN');
  if (!input.known && input.signals.length > 0) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'signals', issue: 'ONLY_WHEN_KNOWN' }] });
  request.status = 'answered';
  request.answer = { known: input.known, signals: [...input.signals], answeredAt: ctx.now, answeredBy: ctx.actor.id };
  return { record, outcome: input.known ? 'KNOWN' : 'NOT_KNOWN' };
}

export function isConfirmed(record: CaseRecord): boolean {
  return record.enrichment.requests.some(
    (r) => r.organisationId !== record.frame.inbrengerOrganisationId && r.answer?.known === true && r.answer.signals.length > 0,
  );
}

export function concludeEnrichment(record: CaseRecord, input: CommandInput<'concludeEnrichment'>, ctx: HandlerContext): HandlerOutcome {
  if (!record.identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  if (isConfirmed(record)) {
    for (const r of record.enrichment.requests) if (r.status === 'open') r.status = 'closed';
    decision(record, 'ENRICHMENT_CONCLUSION', 'CONFIRMED', input.rationale ?? '', ctx);
    move(record, 'BESPREKING', 'concludeEnrichment', input.rationale ?? '', ctx);
    return { record, outcome: 'BESPREKING' };
  }
  if (!input.advisedRoute || !input.rationale) {
    throw new DomainError('CASE.ADVICE_REQUIRED', { fields: [{ path: input.advisedRoute ? 'rationale' : 'advisedRoute', issue: 'REQUIRED' }] });
  }
  decision(record, 'ENRICHMENT_CONCLUSION', 'NOT_CONFIRMED', input.rationale, ctx);
  close(record, 'concludeEnrichment', { reason: 'NOT_CONFIRMED', advisedRoute: input.advisedRoute, rationale: input.rationale }, ctx);
  return { record, outcome: 'NOT_CONFIRMED', advisedRoute: input.advisedRoute };
}

export function recordDiscussion(record: CaseRecord, input: CommandInput<'recordDiscussion'>, ctx: HandlerContext): HandlerOutcome {
  input.parties.forEach((id, i) => requireMember(id, ctx, `parties.${i}`));
  if (input.leadOrganisationId && !input.parties.includes(input.leadOrganisationId)) {
    throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'leadOrganisationId', issue: 'NOT_A_PARTY' }] });
  }
  if (input.complete && !input.leadOrganisationId) {
    throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'LEAD_PARTNER_REQUIRED', fields: [{ path: 'leadOrganisationId', issue: 'REQUIRED' }] });
  }
  const discussion: DiscussionGroup = {
    lifeDomains: { ...input.lifeDomains },
    parties: [...new Set(input.parties)],
    interventions: [...input.interventions],
    followUpOptions: [...input.followUpOptions],
    ...(input.leadOrganisationId ? { leadOrganisationId: input.leadOrganisationId } : {}),
    notes: input.notes,
  };
  record.discussion = discussion;
  // contact (F): the command table's `alsoWrites` declares it; the service checks the right and audits it
  if (input.contact) record.contact = { ...record.contact, ...input.contact };
  if (input.complete) {
    discussion.completedAt = ctx.now;
    decision(record, 'DISCUSSION', 'LEAD_PARTNER_SET', '', ctx);
    move(record, 'OPVOLGING', 'recordDiscussion', '', ctx);
    return { record, outcome: 'OPVOLGING' };
  }
  return { record, outcome: 'SAVED' };
}

export function recordFollowUp(record: CaseRecord, input: CommandInput<'recordFollowUp'>, ctx: HandlerContext): HandlerOutcome {
  // the registry and the local offer valid today; the young person's age today decides which offers fit
  const reference = ctx.reference ?? seedReferenceData([...ctx.organisations.values()]);
  const ages = ageRangeOn(record, ctx.today);
  input.actions.forEach((a, i) => {
    if (!ctx.organisations.has(a.organisationId)) {
      throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: `actions.${i}.organisationId`, issue: 'UNKNOWN_ORGANISATION' }] });
    }
    // only members of the protocol take part in the follow-up, and only with an offer they provide (sociale kaart)
    requireMember(a.organisationId, ctx, `actions.${i}.organisationId`);
    if (!isRegisteredOn(reference, a.organisationId, ctx.today)) {
      throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'ORGANISATION_NOT_MEMBER', fields: [{ path: `actions.${i}.organisationId`, issue: 'NOT_A_MEMBER' }] });
    }
    if (!providesOfferOn(reference, a.organisationId, a.offerCode, ctx.today, ages)) {
      throw new DomainError('FOLLOW_UP.OFFER_NOT_PROVIDED', { fields: [{ path: `actions.${i}.offerCode`, issue: 'NOT_PROVIDED_BY_ORGANISATION' }] });
    }
  });
  // Stryker disable next-line StringLiteral: the stance of a new follow-up is set from the input two lines below, whatever it starts as
  const followUp = record.followUp ?? { actions: [], residentStance: 'unknown' };
  for (const a of input.actions) followUp.actions.push({ id: ctx.newId(), offerCode: a.offerCode, organisationId: a.organisationId, dueOn: a.dueOn, status: 'planned' });
  followUp.residentStance = input.residentStance;
  record.followUp = followUp;
  if (input.complete) {
    if (followUp.actions.length === 0) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'ACTION_REQUIRED', fields: [{ path: 'actions', issue: 'REQUIRED' }] });
    followUp.completedAt = ctx.now;
    decision(record, 'FOLLOW_UP', input.residentStance, '', ctx);
    move(record, 'REFLECTIE', 'recordFollowUp', '', ctx);
    return { record, outcome: 'REFLECTIE' };
  }
  return { record, outcome: 'SAVED' };
}

export function updateActionStatus(record: CaseRecord, input: CommandInput<'updateActionStatus'>, _ctx: HandlerContext): HandlerOutcome {
  const action = record.followUp?.actions.find((a) => a.id === input.actionId);
  if (!action) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'ACTION_NOT_FOUND', fields: [{ path: 'actionId', issue: 'NOT_FOUND' }] });
  action.status = input.status;
  if (input.outcome !== undefined) action.outcome = input.outcome;
  return { record, outcome: input.status };
}

/** Closing "follow-up done" needs a follow-up that happened: at least one action done or cancelled (issue 18, item 4). */
const FINISHED_ACTION_STATUSES: readonly FollowUpAction['status'][] = ['done', 'cancelled'];

export function closeCase(record: CaseRecord, input: CommandInput<'closeCase'>, ctx: HandlerContext): HandlerOutcome {
  if (!(record.followUp?.actions ?? []).some((a) => FINISHED_ACTION_STATUSES.includes(a.status))) {
    throw new DomainError('CLOSURE.FOLLOW_UP_NOT_DONE', { fields: [{ path: 'followUp.actions', issue: 'NONE_DONE_OR_CANCELLED' }] });
  }
  // a young person was identified (REFLECTIE comes after Verrijking): informing is recorded, or why it could not be
  if (record.frame.identityCapturedAt && !record.frame.informedOn && !input.notInformedReason) {
    throw new DomainError('CLOSURE.INFORMING_NOT_RECORDED', { fields: [{ path: 'notInformedReason', issue: 'REQUIRED' }] });
  }
  if (!record.frame.informedOn && input.notInformedReason) record.reflection.notInformedReason = input.notInformedReason;
  decision(record, 'CLOSURE', 'FOLLOW_UP_DONE', input.rationale, ctx);
  record.reflection.rationale = input.rationale;
  close(record, 'closeCase', { reason: 'FOLLOW_UP_DONE', advisedRoute: input.advisedRoute, rationale: input.rationale }, ctx);
  return { record, outcome: 'CLOSED', advisedRoute: input.advisedRoute };
}

export function withdrawCase(record: CaseRecord, input: CommandInput<'withdrawCase'>, ctx: HandlerContext): HandlerOutcome {
  decision(record, 'WITHDRAWAL', 'WITHDRAWN', input.rationale, ctx);
  close(record, 'withdrawCase', { reason: 'WITHDRAWN', advisedRoute: input.advisedRoute, rationale: input.rationale }, ctx);
  return { record, outcome: 'WITHDRAWN', advisedRoute: input.advisedRoute };
}

/**
 * Records a letter to the resident as sent (H.lettersSent: kind, when, by whom); the letter itself is made
 * from the caller's view by the command's document maker and never stored. Each kind in its own phases
 * (the command table's `kinds`), to a resident whose identity is known; the information letter once
 * something was shared, the closure letter once the case is closed.
 */
export function generateLetter(record: CaseRecord, input: CommandInput<'generateLetter'>, ctx: HandlerContext): HandlerOutcome {
  if (!COMMANDS.generateLetter.kinds![input.kind]!.includes(record.frame.phase)) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'LETTER_NOT_IN_PHASE' });
  if (!record.identity) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'IDENTITY_MISSING' });
  if (input.kind === 'information' && record.enrichment.requests.length === 0) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'NOTHING_SHARED_YET' });
  if (input.kind === 'closure' && (!record.frame.closedAt || !record.frame.retentionUntil || !record.frame.exit)) throw new DomainError('CASE.PRECONDITION_FAILED', { reason: 'NOT_CLOSED' });
  const code = letterCode(input.kind);
  record.reflection.lettersSent.push({ kind: code, at: ctx.now, by: ctx.actor.id });
  return { record, outcome: code };
}

function otherOf(ctx: HandlerContext): CaseRecord {
  if (!ctx.other) throw new Error('a link command needs the other case (otherCase in the command table)');
  return ctx.other;
}

const linkTo = (record: CaseRecord, other: CaseRecord): boolean => (record.frame.links ?? []).some((l) => l.caseId === other.id);

/**
 * Links two cases (ADR 0018): each case's frame gets the other's id and kenmerk, with the moment — no content
 * of the other case. Refused for the case itself (CASE.LINK_SELF), for another inbrenger organisation's concern
 * (CASE.LINK_OTHER_ORGANISATION) and for cases already linked (CASE.ALREADY_LINKED).
 */
export function linkCases(record: CaseRecord, _input: CommandInput<'linkCases'>, ctx: HandlerContext): HandlerOutcome {
  const other = otherOf(ctx);
  if (other.id === record.id) throw new DomainError('CASE.LINK_SELF', { fields: [{ path: 'linkedReference', issue: 'SELF' }] });
  // The inbrenger reads its case's full frame, links included: a link to another organisation's concern would tell
  // it of a concern it has no part in. Linking is for the duplicate hint's case — concerns of one inbrenger
  // organisation (ADR 0018).
  if (other.frame.inbrengerOrganisationId !== record.frame.inbrengerOrganisationId) {
    throw new DomainError('CASE.LINK_OTHER_ORGANISATION', { fields: [{ path: 'linkedReference', issue: 'OTHER_ORGANISATION' }] });
  }
  if (linkTo(record, other) || linkTo(other, record)) throw new DomainError('CASE.ALREADY_LINKED', { fields: [{ path: 'linkedReference', issue: 'ALREADY_LINKED' }] });
  record.frame.links = [...(record.frame.links ?? []), { caseId: other.id, reference: other.frame.reference, linkedAt: ctx.now }];
  other.frame.links = [...(other.frame.links ?? []), { caseId: record.id, reference: record.frame.reference, linkedAt: ctx.now }];
  return { record, outcome: 'LINKED', other };
}

/** Removes the link between two cases from both; refused when they are not linked (CASE.NOT_LINKED). */
export function unlinkCases(record: CaseRecord, _input: CommandInput<'unlinkCases'>, ctx: HandlerContext): HandlerOutcome {
  const other = otherOf(ctx);
  if (other.id === record.id) throw new DomainError('CASE.LINK_SELF', { fields: [{ path: 'linkedReference', issue: 'SELF' }] });
  if (!linkTo(record, other) && !linkTo(other, record)) throw new DomainError('CASE.NOT_LINKED', { fields: [{ path: 'linkedReference', issue: 'NOT_LINKED' }] });
  const without = (r: CaseRecord, id: string): void => {
    const kept = (r.frame.links ?? []).filter((l) => l.caseId !== id);
    if (kept.length > 0) r.frame.links = kept;
    else delete r.frame.links;
  };
  without(record, other.id);
  without(other, record.id);
  return { record, outcome: 'UNLINKED', other };
}

export const HANDLERS = {
  decideSuspicion,
  supplyIdentity,
  recordResidentInformed,
  requestEnrichment,
  answerEnrichment,
  concludeEnrichment,
  recordDiscussion,
  recordFollowUp,
  updateActionStatus,
  closeCase,
  withdrawCase,
  generateLetter,
  linkCases,
  unlinkCases,
} as const satisfies { [N in Exclude<CommandName, 'submitConcern'>]: (r: CaseRecord, i: CommandInput<N>, c: HandlerContext) => HandlerOutcome };
