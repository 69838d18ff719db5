/**
 * The case as the core holds it, split into the data groups A–H of PROCESS.md. Every group is its own
 * object so that views can be built by copying permitted groups (and permitted fields within them).
 */
import { DATA_GROUPS, GROUP_FIELD as CONTRACT_GROUP_FIELD } from '../../packages/contract/src/groups';
import type { DataGroup } from '../../packages/contract/src/groups';

export const PHASES = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'] as const;
export type Phase = (typeof PHASES)[number];
export const ACTIVE_PHASES: readonly Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'];

/** The groups A–H and where a record holds each: the API contract's table (every client reads views by it). */
export { DATA_GROUPS };
export type { DataGroup };

/** Groups that hold personal data about the resident; every create/read/update/export/delete is audited. */
export const PERSONAL_GROUPS: readonly DataGroup[] = ['C', 'D', 'E', 'F', 'G'];

/** Base roles a user has by configuration (group mapping). Case-relative roles are derived. */
export type BaseRole = 'partner' | 'procesregisseur' | 'voorzitter' | 'privacyOfficer';
/**
 * Roles of the policy table: base roles plus the roles a partner has towards a particular case, and the
 * `resident` — the young person the case is about, reaching their own status page with the kenmerk and
 * access code of a letter (never a user of the API, never a SharePoint group).
 */
export const ROLES = ['inbrenger', 'ketenpartner', 'involvedPartner', 'leadPartner', 'procesregisseur', 'voorzitter', 'privacyOfficer', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  id: string;
  name: string;
  /** partner type for statistics: school, politie, wijkteam, leerplicht, jongerenwerk, gemeente, other. */
  type: string;
  /** ISO date the organisation joined the privacy protocol; absent: never joined. */
  joinedOn?: string;
  /** ISO date it left; from this day on it is no member. */
  leftOn?: string;
}

export interface User {
  id: string; // stable id (e-mail / UPN in the demo tenant)
  organisationId: string;
  roles: BaseRole[];
  displayName?: string;
  aadObjectId?: string;
  /** user principal name (production: from the token or the directory file); SharePoint resolves item permissions by it. */
  upn?: string;
  /** named as its organisation's delegate in the directory file: enrichment requests and reminders go to the delegates. */
  delegate?: boolean;
}

export interface Decision {
  kind: 'SUSPICION' | 'ELIGIBILITY' | 'ENRICHMENT_CONCLUSION' | 'DISCUSSION' | 'FOLLOW_UP' | 'CLOSURE' | 'WITHDRAWAL';
  outcome: string; // a code: YES/NO, ELIGIBLE/AGE_OVER_23 …
  rationale: string; // short free text, guarded in INBRENG, destroyed at purge
  at: string;
  actorId: string;
  role: Role;
}

export interface Transition {
  from: Phase;
  to: Phase;
  at: string;
  actorId: string;
  role: Role;
  command: string;
  rationale: string;
}

export interface ExitRecord {
  reason: string; // EXIT_REASONS code
  advisedRoute: string; // ADVISED_ROUTES code
  rationale: string;
  closedInPhase: Phase;
}

/**
 * A link between two cases the procesregisseur made (a similar concern brought in twice, issue 16): the other
 * case by its id and kenmerk, and the moment it was linked. Held by both cases, in group A (ADR 0018); shown
 * only in the full frame (procesregisseur, inbrenger), never at process level. No content of the other case.
 */
export interface CaseLink {
  caseId: string;
  reference: string;
  linkedAt: string;
}

/** A: frame — reference, phase, dates, inbrenger's organisation, decisions, AVE level. */
export interface FrameGroup {
  reference: string;
  phase: Phase;
  createdAt: string;
  phaseSince: string;
  inbrengerOrganisationId: string;
  /** the professional who brought the concern in (shown only in the full frame). */
  inbrengerUserId: string;
  aveLevel?: string;
  decisions: Decision[];
  transitions: Transition[];
  /** when identity was captured (starts the informing deadline). */
  identityCapturedAt?: string;
  informedOn?: string;
  informingDeferral?: { reason: string; until: string };
  exit?: ExitRecord;
  closedAt?: string;
  /**
   * The day personal data is destroyed. Computed from the date of birth when the age limit comes first,
   * so it may BE a birthday: a derived value of group C (DERIVED_VALUE_GROUP), shown only to readers of C.
   */
  retentionUntil?: string;
  /**
   * The latest day of the retention period, computed from the closure alone (never from the date of
   * birth): group A, what a reader without C sees. The data may go earlier (the age limit), never later.
   */
  retentionAtLatest?: string;
  purgedAt?: string;
  /** set at purge: whether it happened within the tolerance after the retention date (statistics keep no date). */
  purgedOnTime?: boolean;
  catalogueVersion: number;
  /** the cases this one is linked to (linkCases / unlinkCases): full projection only (ADR 0018). */
  links?: CaseLink[];
}

/** B: concern — anonymous. */
export interface ConcernGroup {
  ageYears?: number;
  ageBand: string;
  riskSignals: string[];
  protectiveFactors: string[];
  forms: string[];
  registrationsBand: string;
  urgency: string;
  freeText: string;
}

/** C: identity. */
export interface IdentityGroup {
  name: string;
  dateOfBirth: string; // ISO date
}

export interface EnrichmentRequest {
  organisationId: string;
  requestedAt: string;
  dueOn: string; // ISO date
  status: 'open' | 'answered' | 'expired' | 'closed';
  answer?: { known: boolean; signals: string[]; answeredAt: string; answeredBy: string };
}
/** D: enrichment — one request per partner organisation. */
export interface EnrichmentGroup {
  requests: EnrichmentRequest[];
}

export type LifeDomainState = 'concerning' | 'notConcerning' | 'unknown';
/** E: discussion. */
export interface DiscussionGroup {
  lifeDomains: Record<string, LifeDomainState>;
  parties: string[]; // organisation ids involved
  interventions: string[]; // offer codes done or running
  followUpOptions: string[]; // offer codes
  leadOrganisationId?: string;
  notes: string; // short free text
  completedAt?: string;
}

/** F: contact of resident or guardian, for the lead partner. */
export interface ContactGroup {
  address?: string;
  phone?: string;
  email?: string;
  guardian?: string;
}

export interface FollowUpAction {
  id: string;
  offerCode: string;
  organisationId: string;
  dueOn: string;
  status: 'planned' | 'running' | 'done' | 'cancelled';
  outcome?: string; // short free text (H: action outcomes)
}
/** G: follow-up — actions at process level and the resident's stance. */
export interface FollowUpGroup {
  actions: FollowUpAction[];
  residentStance: string;
  completedAt?: string;
}

/** H: reflection. */
export interface ReflectionGroup {
  closureReason?: string;
  rationale?: string;
  /** short free text: why the resident was not informed before closure (only when no informing was recorded). */
  notInformedReason?: string;
  feedbackSentAt?: string;
  lettersSent: { kind: string; at: string; by: string }[];
  /** the same derived value as frame.retentionUntil: group C (DERIVED_VALUE_GROUP). */
  retentionUntil?: string;
}

export interface CaseRecord {
  id: string;
  version: number;
  frame: FrameGroup;
  concern: ConcernGroup;
  identity?: IdentityGroup;
  enrichment: EnrichmentGroup;
  discussion?: DiscussionGroup;
  contact?: ContactGroup;
  followUp?: FollowUpGroup;
  reflection: ReflectionGroup;
}

/**
 * Values derived from other data belong to the group of the data they are computed from (PROCESS.md, "a
 * value derived from a group belongs to that group"). Each derivation that a surface may show names its
 * group here; views copy such a value only for readers of that group.
 * - retentionUntil = min(closure + period, 23rd birthday + 1 year): from the date of birth, so C.
 * - retentionAtLatest = closure + period: from the frame only, so A.
 */
export const DERIVED_VALUE_GROUP = {
  retentionUntil: 'C',
  retentionAtLatest: 'A',
} as const satisfies Record<string, DataGroup>;

/** The record field that holds each group: the one map from groups to storage (the contract's, checked against CaseRecord). */
export const GROUP_FIELD = CONTRACT_GROUP_FIELD satisfies Record<DataGroup, keyof CaseRecord>;
