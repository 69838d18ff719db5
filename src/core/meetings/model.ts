/**
 * Signaaltafel sessions, the model: a session belongs to one Teams meeting, has an agenda prepared by the
 * procesregisseur (an anonymous round of cases in INBRENG, a bespreking of cases in BESPREKING, and a status
 * round of cases in OPVOLGING and REFLECTIE), the attendees (organisations and roles), one
 * agenda item the chair shares to the meeting stage, and minutes generated from the decisions taken while
 * it was open. The meeting's rules as data (MEETING_COMMANDS), its input schemas, its output types and the
 * pure helpers that copy a case view's meeting groups. Framework-free like the rest of the core.
 *
 * What each person sees of an item comes from the policy table (viewFor), copied by allow-list and limited
 * to the groups a meeting needs (meetingGroupsFor: A–E for a decision item; A, B and G at status level for a
 * status-round item; never contact F or reflection H).
 */
import { z } from 'zod';
import type { OverdueFlags } from '../case-index';
import type { DataGroup, Decision, FollowUpAction, Organisation, Phase, Role, User } from '../model';
import type { CaseView, StageCaseView } from '../views';
import { isMember } from '../views';

// ---------------------------------------------------------------------------------------------------------
// The model

/**
 * The parts of a signaaltafel agenda, in their order, the phases a case must be in to be put on each, and
 * whether an item asks the table for a decision. The status round (issue 16) takes cases in Opvolging and
 * Reflectie: the table hears the follow-up status at process level and records a short status note, no
 * decision (PROCESS.md, Reflectie: "the procesregisseur reports the follow-up status at process level").
 */
export const AGENDA_PARTS = [
  { part: 'ANONYMOUS_ROUND', phases: ['INBRENG'], decides: true },
  { part: 'BESPREKING', phases: ['BESPREKING'], decides: true },
  { part: 'STATUS_ROUND', phases: ['OPVOLGING', 'REFLECTIE'], decides: false },
] as const satisfies readonly { part: string; phases: readonly Phase[]; decides: boolean }[];
export type AgendaPart = (typeof AGENDA_PARTS)[number]['part'];

export const MEETING_STATUSES = ['planned', 'open', 'ended'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface AgendaItem {
  id: string;
  caseId: string;
  part: AgendaPart;
  /** 1-based position within the whole agenda (anonymous round first, then bespreking). */
  position: number;
  addedAt: string;
  /** status round only: the table's short status note (guarded free text, process level). */
  statusNote?: { text: string; at: string };
}

/**
 * The roles in which someone attends a signaaltafel, for the attendance list (issue 16). An attendee is an
 * organisation and a role — never a person's name: the policy table has no cell for the names of the
 * professionals at the table, so the minutes list organisations and roles only (and never anything of the
 * young person).
 */
export const ATTENDEE_ROLES = ['procesregisseur', 'voorzitter', 'ketenpartner'] as const satisfies readonly Role[];
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export interface Attendee {
  organisationId: string;
  role: AttendeeRole;
}

export interface MeetingSession {
  id: string;
  version: number;
  /** the Teams meeting id from the tab context (opaque). */
  teamsMeetingId: string;
  /** short process-level title ("Signaaltafel maart"), guarded against identifiers. */
  title: string;
  scheduledOn: string; // ISO date
  status: MeetingStatus;
  createdAt: string;
  createdBy: string;
  startedAt?: string;
  endedAt?: string;
  agenda: AgendaItem[];
  /** the agenda item the chair put on the meeting stage. */
  stageItemId?: string;
  /** who attended: organisations and roles (setAttendees); absent until recorded. */
  attendees?: Attendee[];
  /**
   * Cases left undecided when the chair ended the session and chose to move them to the next signaaltafel
   * (issue 18, item 8): `meetingId` is the planned session they were put on; without it no session was
   * planned yet, and the next session the procesregisseur creates starts with them on its agenda.
   */
  carriedOver?: { caseIds: string[]; meetingId?: string };
}

// ---------------------------------------------------------------------------------------------------------
// Who may do what: the meeting's rules as data

/** How a user takes part in signaaltafel sessions, derived from base roles and protocol membership. */
export type MeetingRole = 'preparer' | 'chair' | 'member';

/** `guarded`: free-text fields every participant reads (agenda, stage, minutes), refused when they identify someone. */
export const MEETING_COMMANDS = {
  createMeeting: { roles: ['preparer'], statuses: [], guarded: ['title'] },
  setAgenda: { roles: ['preparer'], statuses: ['planned', 'open'], guarded: [] },
  startMeeting: { roles: ['preparer', 'chair'], statuses: ['planned'], guarded: [] },
  shareToStage: { roles: ['preparer', 'chair'], statuses: ['open'], guarded: [] },
  endMeeting: { roles: ['preparer', 'chair'], statuses: ['open'], guarded: [] },
  recordStatusNote: { roles: ['preparer', 'chair'], statuses: ['open'], guarded: ['note'] },
  setAttendees: { roles: ['preparer', 'chair'], statuses: ['planned', 'open'], guarded: [] },
} as const satisfies Record<string, { roles: readonly MeetingRole[]; statuses: readonly MeetingStatus[]; guarded: readonly string[] }>;
export type MeetingCommand = keyof typeof MEETING_COMMANDS;

/** Data groups a decision item may show in a side panel (further limited per user by the policy table). */
export const MEETING_GROUPS: readonly DataGroup[] = ['A', 'B', 'C', 'D', 'E'];
/**
 * Data groups a status-round item may show: the frame, the anonymous concern and the follow-up's actions at
 * status level (what, which organisation, due, status — never the resident's stance or outcomes), each only
 * where the policy table gives the reader that group in the case's phase. No identity, enrichment or
 * discussion: the status round is at process level.
 */
export const STATUS_ROUND_GROUPS: readonly DataGroup[] = ['A', 'B', 'G'];

export function meetingGroupsFor(part: AgendaPart): readonly DataGroup[] {
  return part === 'STATUS_ROUND' ? STATUS_ROUND_GROUPS : MEETING_GROUPS;
}

/**
 * The meeting roles of a user. The procesregisseur prepares (and may chair); the voorzitter chairs; a
 * partner whose organisation is a member of the privacy protocol takes part. Nobody else — the privacy
 * officer, a partner of a non-member organisation, a guest — takes part or sees anything of a session.
 */
export function meetingRolesFor(user: User, org: Organisation | undefined, now: string): MeetingRole[] {
  const roles: MeetingRole[] = [];
  if (user.roles.includes('procesregisseur')) roles.push('preparer', 'chair');
  if (user.roles.includes('voorzitter') && !roles.includes('chair')) roles.push('chair');
  if (user.roles.includes('partner') && isMember(org, now) && org?.id === user.organisationId) roles.push('member');
  return roles;
}

// ---------------------------------------------------------------------------------------------------------
// Inputs

const teamsMeetingId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9+/=_:.@-]+$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const version = z.number().int().min(1);

export const MEETING_SCHEMAS = {
  createMeeting: z.strictObject({ teamsMeetingId, title: z.string().trim().min(1).max(120), scheduledOn: isoDate }),
  setAgenda: z.strictObject({ caseIds: z.array(z.uuid()).max(50), expectedVersion: version }),
  startMeeting: z.strictObject({ expectedVersion: version.optional() }),
  endMeeting: z.strictObject({ expectedVersion: version.optional(), moveUndecided: z.boolean().optional() }),
  shareToStage: z.strictObject({ itemId: z.uuid().nullable() }),
  recordStatusNote: z.strictObject({ itemId: z.uuid(), note: z.string().trim().min(1).max(500) }),
  // strict: an attendee has no name field, so a name is refused rather than stored.
  setAttendees: z.strictObject({
    attendees: z.array(z.strictObject({ organisationId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/), role: z.enum(ATTENDEE_ROLES) })).max(60),
    expectedVersion: version.optional(),
  }),
} as const satisfies Record<MeetingCommand, z.ZodType>;
export type MeetingInput<C extends MeetingCommand> = z.output<(typeof MEETING_SCHEMAS)[C]>;

// ---------------------------------------------------------------------------------------------------------
// Outputs

export interface MeetingSummary {
  id: string;
  version: number;
  teamsMeetingId: string;
  title: string;
  scheduledOn: string;
  status: MeetingStatus;
  startedAt?: string;
  endedAt?: string;
  stageItemId?: string;
  itemCount: number;
}

/** An agenda item's case as a side panel shows it: the caller's allow-list view, meeting groups only. */
export type MeetingCaseView = Pick<CaseView, 'id' | 'version' | 'reference' | 'phase' | 'access' | 'frame' | 'concern' | 'identity' | 'enrichment' | 'discussion'> & {
  /** status round only, and only for a reader whose view holds G: the actions at status level. */
  followUp?: { actions: StatusAction[] };
};

/** An agreed action at status level (group G, process level): what, which organisation, when, its status. */
export type StatusAction = Pick<FollowUpAction, 'offerCode' | 'organisationId' | 'dueOn' | 'status'>;

export interface AgendaItemView {
  id: string;
  part: AgendaPart;
  position: number;
  /** false: the item exists, but the policy table gives this user nothing of its case. */
  visible: boolean;
  case?: MeetingCaseView;
  /**
   * Whether the informing deadline or an enrichment due date has passed (the API list's rule, overdueFlags).
   * Process-level and derived from the frame: present whenever the caller's view holds the frame (group A).
   */
  overdue?: OverdueFlags;
  /** for the chair and the procesregisseur: what this session decided, at process level. */
  outcome?: MinutesEntry;
  /** status round: the status note recorded in this session (present when the item is visible). */
  statusNote?: string;
}

export interface AgendaView {
  meeting: MeetingSummary;
  roles: MeetingRole[];
  items: AgendaItemView[];
  /** organisations of the privacy protocol (id, name): for parties and the lead partner. */
  organisations: { id: string; name: string }[];
}

export type StageCase = StageCaseView;
export interface StageContent {
  meetingId: string;
  status: MeetingStatus;
  item?: { id: string; part: AgendaPart; position: number; case: StageCase };
}

export interface FollowUpNote {
  kind: 'nextStep' | 'advisedRoute' | 'offer';
  code: string;
}

export type MinutesEntry =
  | {
      position: number;
      part: AgendaPart;
      visible: true;
      reference: string;
      /** `statusRound`: a status item (no decision asked), with its actions and status note. */
      status: 'decided' | 'notDecided' | 'statusRound';
      decisions: { kind: Decision['kind']; outcome: string; rationale: string; at: string; role: Decision['role'] }[];
      followUp: FollowUpNote[];
      responsibleOrganisationId?: string;
      /** status round: the actions at status level, only where the reader's view holds G. */
      actions?: StatusAction[];
      statusNote?: string;
    }
  | { position: number; part: AgendaPart; visible: false };

export interface Minutes {
  meetingId: string;
  title: string;
  scheduledOn: string;
  status: MeetingStatus;
  startedAt?: string;
  endedAt?: string;
  generatedAt: string;
  /** who attended, as organisations and roles (no names); empty until recorded. */
  attendees: Attendee[];
  /** true once the session has ended: the minutes no longer change (until retention blanks rationales). */
  final: boolean;
  entries: MinutesEntry[];
  /** the undecided items the chair moved on: how many, and the planned session they went to (if one was planned). */
  carriedOver?: { count: number; meeting?: { id: string; title: string; scheduledOn: string } };
}

// ---------------------------------------------------------------------------------------------------------
// Pure helpers

export function summarise(m: MeetingSession): MeetingSummary {
  return {
    id: m.id,
    version: m.version,
    teamsMeetingId: m.teamsMeetingId,
    title: m.title,
    scheduledOn: m.scheduledOn,
    status: m.status,
    ...(m.startedAt ? { startedAt: m.startedAt } : {}),
    ...(m.endedAt ? { endedAt: m.endedAt } : {}),
    ...(m.stageItemId ? { stageItemId: m.stageItemId } : {}),
    itemCount: m.agenda.length,
  };
}

export function partForPhase(phase: Phase): AgendaPart | undefined {
  return AGENDA_PARTS.find((p) => (p.phases as readonly Phase[]).includes(phase))?.part;
}

/** The phases a case may be in to be put on an agenda. */
export const AGENDA_PHASES: readonly Phase[] = AGENDA_PARTS.flatMap((p) => p.phases);

/** The actions of a view's follow-up (G) at status level, copied field by field; undefined without G. */
export function statusActions(v: Pick<CaseView, 'followUp'>): StatusAction[] | undefined {
  const actions = v.followUp?.actions;
  if (!actions) return undefined;
  return actions.map((a) => ({ offerCode: a.offerCode, organisationId: a.organisationId, dueOn: a.dueOn, status: a.status }));
}

/** Copies the groups of a full view that the item's part shows (meetingGroupsFor), field by field. */
export function meetingCaseView(v: CaseView, part: AgendaPart = 'BESPREKING'): MeetingCaseView {
  const groups = meetingGroupsFor(part);
  const access: CaseView['access'] = {};
  for (const g of groups) if (v.access[g]) access[g] = v.access[g];
  const has = (g: DataGroup): boolean => groups.includes(g);
  const actions = has('G') ? statusActions(v) : undefined;
  return {
    id: v.id,
    version: v.version,
    reference: v.reference,
    phase: v.phase,
    access,
    ...(v.frame ? { frame: v.frame } : {}),
    ...(v.concern ? { concern: v.concern } : {}),
    ...(v.identity && has('C') ? { identity: { name: v.identity.name, dateOfBirth: v.identity.dateOfBirth } } : {}),
    ...(v.enrichment && has('D') ? { enrichment: v.enrichment } : {}),
    ...(v.discussion && has('E') ? { discussion: v.discussion } : {}),
    ...(actions ? { followUp: { actions } } : {}),
  };
}
