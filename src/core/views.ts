/**
 * Views by allow-list: each permitted group is copied field by field, in the projection the policy
 * table grants. Nothing is ever built by deleting fields from a full record.
 */
import type {
  CaseRecord,
  ConcernGroup,
  ContactGroup,
  DataGroup,
  DiscussionGroup,
  EnrichmentGroup,
  FollowUpGroup,
  FrameGroup,
  IdentityGroup,
  Organisation,
  Phase,
  ReflectionGroup,
  Role,
  User,
} from './model';
import { DATA_GROUPS, DERIVED_VALUE_GROUP, PERSONAL_GROUPS } from './model';
import type { Access, PolicyTable, Projection } from './policy';
import { POLICY, contextFor, effectiveAccess } from './policy';

export function isMember(org: Organisation | undefined, onDate: string): boolean {
  if (!org?.joinedOn) return false;
  // Stryker disable next-line MethodExpression: joinedOn/leftOn are days (yyyy-mm-dd); a timestamp of that day compares with them as its first 10 characters do (the day is its prefix)
  const day = onDate.slice(0, 10);
  return org.joinedOn <= day && (!org.leftOn || day < org.leftOn);
}

/**
 * The users who act for an organisation as a partner (its delegates): whom an enrichment request or reminder
 * goes to. The delegates named in the directory file when the organisation has any; otherwise its partners.
 */
export function delegatesOf(users: readonly User[], organisationId: string): User[] {
  const partners = users.filter((u) => u.organisationId === organisationId && u.roles.includes('partner'));
  const named = partners.filter((u) => u.delegate === true);
  return named.length > 0 ? named : partners;
}

/** The policy roles a user holds towards one case, on a given moment. */
export function rolesFor(user: User, record: CaseRecord, org: Organisation | undefined, now: string): Role[] {
  const roles: Role[] = [];
  if (user.roles.includes('procesregisseur')) roles.push('procesregisseur');
  if (user.roles.includes('voorzitter')) roles.push('voorzitter');
  if (user.roles.includes('privacyOfficer')) roles.push('privacyOfficer');
  if (user.roles.includes('partner') && isMember(org, now) && org?.id === user.organisationId) {
    roles.push('ketenpartner');
    if (record.frame.inbrengerUserId === user.id) roles.push('inbrenger');
    if (record.discussion?.parties.includes(user.organisationId)) roles.push('involvedPartner');
    if (record.discussion?.leadOrganisationId === user.organisationId) roles.push('leadPartner');
  }
  return roles;
}

export interface CaseView {
  id: string;
  version: number;
  reference: string;
  phase: Phase;
  /** what this user may do per group, for clients to show or hide controls. */
  access: Partial<Record<DataGroup, Access>>;
  frame?: Partial<FrameGroup>;
  concern?: ConcernGroup;
  identity?: IdentityGroup;
  enrichment?: EnrichmentGroup;
  discussion?: DiscussionGroup;
  contact?: ContactGroup;
  followUp?: Partial<FollowUpGroup>;
  reflection?: Partial<ReflectionGroup>;
}

/** A list of flat records (follow-up actions, letters sent), each record copied. */
const copyList = <T extends object>(xs: readonly T[]): T[] => xs.map((x) => ({ ...x }));

/**
 * Whether the reader may see a derived value: it belongs to the group it is computed from
 * (model.ts DERIVED_VALUE_GROUP), so the reader needs that group in this phase.
 */
type Readable = (group: DataGroup) => boolean;
const derived = <T>(readable: Readable, field: keyof typeof DERIVED_VALUE_GROUP, value: T): T | undefined => (readable(DERIVED_VALUE_GROUP[field]) ? value : undefined);

function projectFrame(f: FrameGroup, projection: Projection, readable: Readable): Partial<FrameGroup> {
  const out: Partial<FrameGroup> = {
    reference: f.reference,
    phase: f.phase,
    createdAt: f.createdAt,
    phaseSince: f.phaseSince,
    inbrengerOrganisationId: f.inbrengerOrganisationId,
    aveLevel: f.aveLevel,
    decisions: f.decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: d.rationale, at: d.at, actorId: d.actorId, role: d.role })),
    transitions: f.transitions.map((t) => ({ from: t.from, to: t.to, at: t.at, actorId: t.actorId, role: t.role, command: t.command, rationale: t.rationale })),
    identityCapturedAt: f.identityCapturedAt,
    informedOn: f.informedOn,
    informingDeferral: f.informingDeferral ? { reason: f.informingDeferral.reason, until: f.informingDeferral.until } : undefined,
    exit: f.exit ? { reason: f.exit.reason, advisedRoute: f.exit.advisedRoute, rationale: f.exit.rationale, closedInPhase: f.exit.closedInPhase } : undefined,
    closedAt: f.closedAt,
    retentionUntil: derived(readable, 'retentionUntil', f.retentionUntil),
    retentionAtLatest: derived(readable, 'retentionAtLatest', f.retentionAtLatest),
    purgedAt: f.purgedAt,
    purgedOnTime: f.purgedOnTime,
    catalogueVersion: f.catalogueVersion,
  };
  if (projection === 'full') {
    out.inbrengerUserId = f.inbrengerUserId;
    // links to other cases: at process level they would tell that another concern may be about the same young person (ADR 0018)
    if (f.links) out.links = f.links.map((l) => ({ caseId: l.caseId, reference: l.reference, linkedAt: l.linkedAt }));
  } else {
    // process level: actors are shown by role only.
    out.decisions = out.decisions?.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: d.rationale, at: d.at, actorId: '', role: d.role }));
    out.transitions = out.transitions?.map((t) => ({ from: t.from, to: t.to, at: t.at, actorId: '', role: t.role, command: t.command, rationale: t.rationale }));
  }
  return stripUndefined(out);
}

function projectConcern(c: ConcernGroup): ConcernGroup {
  return {
    ...(c.ageYears !== undefined ? { ageYears: c.ageYears } : {}),
    ageBand: c.ageBand,
    riskSignals: [...c.riskSignals],
    protectiveFactors: [...c.protectiveFactors],
    forms: [...c.forms],
    registrationsBand: c.registrationsBand,
    urgency: c.urgency,
    freeText: c.freeText,
  };
}

function projectEnrichment(d: EnrichmentGroup, projection: Projection, organisationId: string): EnrichmentGroup {
  const rows = projection === 'ownAnswer' ? d.requests.filter((r) => r.organisationId === organisationId) : d.requests;
  return {
    requests: rows.map((r) => ({
      organisationId: r.organisationId,
      requestedAt: r.requestedAt,
      dueOn: r.dueOn,
      status: r.status,
      ...(r.answer ? { answer: { known: r.answer.known, signals: [...r.answer.signals], answeredAt: r.answer.answeredAt, answeredBy: r.answer.answeredBy } } : {}),
    })),
  };
}

function projectDiscussion(e: DiscussionGroup): DiscussionGroup {
  return stripUndefined({
    lifeDomains: { ...e.lifeDomains },
    parties: [...e.parties],
    interventions: [...e.interventions],
    followUpOptions: [...e.followUpOptions],
    leadOrganisationId: e.leadOrganisationId,
    notes: e.notes,
    completedAt: e.completedAt,
  });
}

function projectFollowUp(g: FollowUpGroup, projection: Projection): Partial<FollowUpGroup> {
  if (projection === 'statusOnly') {
    return { actions: g.actions.map((a) => ({ id: a.id, offerCode: a.offerCode, organisationId: a.organisationId, dueOn: a.dueOn, status: a.status })) };
  }
  return stripUndefined({ actions: copyList(g.actions), residentStance: g.residentStance, completedAt: g.completedAt });
}

function projectReflection(h: ReflectionGroup, projection: Projection, readable: Readable): Partial<ReflectionGroup> {
  if (projection === 'statusOnly') return stripUndefined({ closureReason: h.closureReason, feedbackSentAt: h.feedbackSentAt });
  return stripUndefined({
    closureReason: h.closureReason,
    rationale: h.rationale,
    notInformedReason: h.notInformedReason,
    feedbackSentAt: h.feedbackSentAt,
    lettersSent: copyList(h.lettersSent),
    retentionUntil: derived(readable, 'retentionUntil', h.retentionUntil),
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface ViewResult {
  view: CaseView | undefined;
  roles: Role[];
  /** personal groups (C–G) that the view contains: each such read must be audited. */
  personalGroupsRead: DataGroup[];
}

/**
 * The view of one case for one user: the groups the policy table permits, copied by allow-list.
 * `view` is undefined when the user has no access at all (then the case "does not exist" for them).
 */
export function viewFor(user: User, record: CaseRecord, org: Organisation | undefined, now: string, table: PolicyTable = POLICY): ViewResult {
  const roles = rolesFor(user, record, org, now);
  const ctx = contextFor(record, user.organisationId);
  const phase = record.frame.phase;
  const view: CaseView = { id: record.id, version: record.version, reference: record.frame.reference, phase, access: {} };
  const personalGroupsRead: DataGroup[] = [];
  let any = false;
  const readable: Readable = (g) => effectiveAccess(table, phase, g, roles, ctx) !== undefined;
  for (const group of DATA_GROUPS) {
    const eff = effectiveAccess(table, phase, group, roles, ctx);
    // the resident's projection is built only by resident.ts (residentViewFor), never for a user.
    if (!eff || eff.projection === 'resident') continue;
    any = true;
    view.access[group] = eff.access;
    const copied = copyGroup(record, group, eff.projection, user.organisationId, view, readable);
    if (copied && PERSONAL_GROUPS.includes(group)) personalGroupsRead.push(group);
  }
  return { view: any ? view : undefined, roles, personalGroupsRead };
}

function copyGroup(record: CaseRecord, group: DataGroup, projection: Projection, organisationId: string, view: CaseView, readable: Readable): boolean {
  switch (group) {
    case 'A':
      view.frame = projectFrame(record.frame, projection, readable);
      // Stryker disable next-line BooleanLiteral: the result only decides the audit of personal groups (C–G); A is none
      return true;
    case 'B':
      view.concern = projectConcern(record.concern);
      // Stryker disable next-line BooleanLiteral: the result only decides the audit of personal groups (C–G); B is none
      return true;
    case 'C':
      if (!record.identity) return false;
      view.identity = { name: record.identity.name, dateOfBirth: record.identity.dateOfBirth };
      return true;
    case 'D':
      view.enrichment = projectEnrichment(record.enrichment, projection, organisationId);
      return view.enrichment.requests.length > 0;
    case 'E':
      if (!record.discussion) return false;
      view.discussion = projectDiscussion(record.discussion);
      return true;
    case 'F':
      if (!record.contact) return false;
      view.contact = stripUndefined({ address: record.contact.address, phone: record.contact.phone, email: record.contact.email, guardian: record.contact.guardian });
      return true;
    case 'G':
      if (!record.followUp) return false;
      view.followUp = projectFollowUp(record.followUp, projection);
      return true;
    case 'H':
      view.reflection = projectReflection(record.reflection, projection, readable);
      // Stryker disable next-line BooleanLiteral: the result only decides the audit of personal groups (C–G); H is none
      return true;
  }
}

/** What the meeting stage shows of a case: the frame at process level and the concern without free text. */
export type StageCaseView = Pick<CaseView, 'id' | 'reference' | 'phase'> & { frame: Partial<FrameGroup>; concern?: Omit<ConcernGroup, 'freeText' | 'ageYears'> };

/**
 * The stage view of a meeting for ONE viewer, from that viewer's allow-list view (viewFor) of the case as
 * it is now: groups A and B only, never C or F (nor a value derived from C, the retention date), and only
 * what the case's current phase gives this viewer — undefined when the viewer may not see the frame. The
 * frame is at process level (no actors as persons) whatever the viewer's own projection; the concern
 * without its free text and exact age.
 */
export function stageViewFor(view: CaseView): StageCaseView | undefined {
  if (!view.frame) return undefined;
  const f = view.frame;
  const frame: Partial<FrameGroup> = stripUndefined({
    reference: f.reference,
    phase: f.phase,
    createdAt: f.createdAt,
    phaseSince: f.phaseSince,
    inbrengerOrganisationId: f.inbrengerOrganisationId,
    aveLevel: f.aveLevel,
    decisions: f.decisions?.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: d.rationale, at: d.at, actorId: '', role: d.role })),
    transitions: f.transitions?.map((t) => ({ from: t.from, to: t.to, at: t.at, actorId: '', role: t.role, command: t.command, rationale: t.rationale })),
    identityCapturedAt: f.identityCapturedAt,
    informedOn: f.informedOn,
    exit: f.exit ? { reason: f.exit.reason, advisedRoute: f.exit.advisedRoute, rationale: f.exit.rationale, closedInPhase: f.exit.closedInPhase } : undefined,
    closedAt: f.closedAt,
    retentionAtLatest: f.retentionAtLatest,
    purgedAt: f.purgedAt,
    catalogueVersion: f.catalogueVersion,
  });
  const c = view.concern;
  return {
    id: view.id,
    reference: view.reference,
    phase: view.phase,
    frame,
    ...(c
      ? {
          concern: {
            ageBand: c.ageBand,
            riskSignals: [...c.riskSignals],
            protectiveFactors: [...c.protectiveFactors],
            forms: [...c.forms],
            registrationsBand: c.registrationsBand,
            urgency: c.urgency,
          },
        }
      : {}),
  };
}
