/**
 * Signaaltafel sessions: a session belongs to one Teams meeting, has an agenda prepared by the
 * procesregisseur (an anonymous round of cases in INBRENG and a bespreking of cases in BESPREKING), one
 * agenda item the chair shares to the meeting stage, and minutes generated from the decisions taken while
 * it was open. Framework-free like the rest of the core; storage through the MeetingStore port.
 *
 * What each person sees of an item comes from the policy table (viewFor), copied by allow-list and limited
 * to the groups a meeting needs (never contact F, follow-up G or reflection H). Every surface — side
 * panel, stage, minutes — is built at every read from the reader's own view of the case as it is NOW
 * (its current phase), never from the record: the stage shows at most groups A and B (stageViewFor), and
 * nothing to a viewer who may not read the frame; minutes hold process-level data only (reference,
 * decision, rationale from the frame; follow-up options and the responsible organisation only for readers
 * of the discussion, E) — no name, date of birth, contact or free text of the concern or the discussion.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AuditInput } from './audit';
import type { OverdueFlags } from './case-index';
import { overdueFlags } from './case-index';
import { label } from './catalogue';
import type { ErrorCode, Result } from './errors';
import { DomainError, ok } from './errors';
import type { DataGroup, Decision, Organisation, Phase, User } from './model';
import { PERSONAL_GROUPS } from './model';
import { POLICY, readRoleFor } from './policy';
import type { Clock } from './ports';
import type { CaseSummary, Signaalpunt } from './service';
import { guardTexts, validationError } from './service';
import type { CaseView, StageCaseView } from './views';
import { isMember, stageViewFor, viewFor } from './views';
import type { Locale } from './vocabulary';
import { PHASE_LABELS } from './vocabulary';

// ---------------------------------------------------------------------------------------------------------
// The model

/** The two parts of a signaaltafel agenda, and the phase a case must be in to be put on each. */
export const AGENDA_PARTS = [
  { part: 'ANONYMOUS_ROUND', phase: 'INBRENG' },
  { part: 'BESPREKING', phase: 'BESPREKING' },
] as const satisfies readonly { part: string; phase: Phase }[];
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
  /**
   * Cases left undecided when the chair ended the session and chose to move them to the next signaaltafel
   * (issue 18, item 8): `meetingId` is the planned session they were put on; without it no session was
   * planned yet, and the next session the procesregisseur creates starts with them on its agenda.
   */
  carriedOver?: { caseIds: string[]; meetingId?: string };
}

/** Storage of sessions: an additive port beside the case Store; adapters implement both. */
export interface MeetingStore {
  getMeeting(id: string): Promise<MeetingSession | undefined>;
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined>;
  /** newest scheduled first. */
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]>;
  /** Throws MEETING.ALREADY_EXISTS when the Teams meeting already has a session. */
  insertMeeting(meeting: MeetingSession): Promise<void>;
  /** Writes when the stored version equals `expectedVersion`; else throws MEETING.VERSION_CONFLICT. */
  updateMeeting(meeting: MeetingSession, expectedVersion: number): Promise<void>;
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
} as const satisfies Record<string, { roles: readonly MeetingRole[]; statuses: readonly MeetingStatus[]; guarded: readonly string[] }>;
export type MeetingCommand = keyof typeof MEETING_COMMANDS;

/** Data groups an agenda item may show in a side panel (further limited per user by the policy table). */
export const MEETING_GROUPS: readonly DataGroup[] = ['A', 'B', 'C', 'D', 'E'];

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
export type MeetingCaseView = Pick<CaseView, 'id' | 'version' | 'reference' | 'phase' | 'access' | 'frame' | 'concern' | 'identity' | 'enrichment' | 'discussion'>;

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
      status: 'decided' | 'notDecided';
      decisions: { kind: Decision['kind']; outcome: string; rationale: string; at: string; role: Decision['role'] }[];
      followUp: FollowUpNote[];
      responsibleOrganisationId?: string;
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
  return AGENDA_PARTS.find((p) => p.phase === phase)?.part;
}

/** Copies the meeting groups of a full view, field by field. */
export function meetingCaseView(v: CaseView): MeetingCaseView {
  const access: CaseView['access'] = {};
  for (const g of MEETING_GROUPS) if (v.access[g]) access[g] = v.access[g];
  return {
    id: v.id,
    version: v.version,
    reference: v.reference,
    phase: v.phase,
    access,
    ...(v.frame ? { frame: v.frame } : {}),
    ...(v.concern ? { concern: v.concern } : {}),
    ...(v.identity ? { identity: { name: v.identity.name, dateOfBirth: v.identity.dateOfBirth } } : {}),
    ...(v.enrichment ? { enrichment: v.enrichment } : {}),
    ...(v.discussion ? { discussion: v.discussion } : {}),
  };
}

/**
 * The minutes entry of one agenda item for one reader: decisions taken while the session was open, at
 * process level, built from the reader's allow-list view (viewFor) of the case as it is now — never from
 * the record. Decisions, exits and the inbrenger's organisation are the frame (A); the follow-up options
 * and the lead partner of a discussion are group E, in the entry only when the view holds E. No frame in
 * the view: the reader learns that the item exists, nothing more.
 */
export function minutesEntry(item: AgendaItem, view: CaseView | undefined, session: MeetingSession): MinutesEntry {
  const frame = view?.frame;
  if (!view || !frame) return { position: item.position, part: item.part, visible: false };
  const from = session.startedAt;
  const to = session.endedAt;
  const decisions = from ? (frame.decisions ?? []).filter((d) => d.at >= from && (!to || d.at <= to)) : [];
  const followUp: FollowUpNote[] = [];
  let responsible: string | undefined;
  for (const d of decisions) {
    if (d.kind === 'SUSPICION') {
      responsible = frame.inbrengerOrganisationId;
      if (d.outcome === 'YES') followUp.push({ kind: 'nextStep', code: 'SUPPLY_IDENTITY' });
      else if (frame.exit) followUp.push({ kind: 'advisedRoute', code: frame.exit.advisedRoute });
    } else if (d.kind === 'DISCUSSION') {
      // group E: only for a reader whose view holds the discussion.
      if (view.discussion) {
        responsible = view.discussion.leadOrganisationId;
        for (const code of view.discussion.followUpOptions) followUp.push({ kind: 'offer', code });
      }
      followUp.push({ kind: 'nextStep', code: 'AGREE_FOLLOW_UP' });
    } else if (d.kind === 'WITHDRAWAL' && frame.exit) {
      followUp.push({ kind: 'advisedRoute', code: frame.exit.advisedRoute });
    }
  }
  return {
    position: item.position,
    part: item.part,
    visible: true,
    reference: view.reference,
    status: decisions.length > 0 ? 'decided' : 'notDecided',
    decisions: decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: d.rationale, at: d.at, role: d.role })),
    followUp,
    ...(responsible ? { responsibleOrganisationId: responsible } : {}),
  };
}

const MD_TEXT = {
  'nl-NL': {
    title: 'Notulen signaaltafel',
    date: 'Datum',
    status: 'Status',
    final: 'definitief',
    draft: 'concept (de signaaltafel loopt nog)',
    ANONYMOUS_ROUND: 'Anonieme ronde',
    BESPREKING: PHASE_LABELS.BESPREKING['nl-NL'],
    reference: 'Kenmerk',
    decision: 'Besluit',
    rationale: 'Onderbouwing',
    followUp: 'Vervolg',
    responsible: 'Verantwoordelijke organisatie',
    notDecided: 'Niet besloten in deze signaaltafel',
    restricted: 'Agendapunt zonder inhoud voor u',
    footer: 'Notulen op procesniveau: geen namen, geboortedata, contactgegevens of vrije tekst van de zorg.',
    SUSPICION: { YES: 'Redelijk vermoeden: ja', NO: 'Redelijk vermoeden: nee' },
    DISCUSSION: 'Bespreking afgerond, regiehouder vastgesteld',
    WITHDRAWAL: 'Ingetrokken',
    nextStep: { SUPPLY_IDENTITY: 'Inbrenger levert naam en geboortedatum aan (verrijking)', AGREE_FOLLOW_UP: 'Opvolging afspreken met de inwoner' },
    advisedRoute: 'Geadviseerde route',
    offer: 'Vervolgoptie',
  },
  'en-US': {
    title: 'Signaaltafel minutes',
    date: 'Date',
    status: 'Status',
    final: 'final',
    draft: 'draft (the session is still open)',
    ANONYMOUS_ROUND: 'Anonymous round',
    BESPREKING: PHASE_LABELS.BESPREKING['en-US'],
    reference: 'Reference',
    decision: 'Decision',
    rationale: 'Rationale',
    followUp: 'Follow-up',
    responsible: 'Responsible organisation',
    notDecided: 'Not decided in this session',
    restricted: 'Agenda item without content for you',
    footer: 'Minutes at process level: no names, dates of birth, contact data or free text of the concern.',
    SUSPICION: { YES: 'Reasonable suspicion: yes', NO: 'Reasonable suspicion: no' },
    DISCUSSION: 'Discussion completed, lead partner set',
    WITHDRAWAL: 'Withdrawn',
    nextStep: { SUPPLY_IDENTITY: 'The inbrenger supplies name and date of birth (enrichment)', AGREE_FOLLOW_UP: 'Agree the follow-up with the resident' },
    advisedRoute: 'Advised route',
    offer: 'Follow-up option',
  },
} as const;

export function decisionLabel(kind: string, outcome: string, locale: Locale): string {
  const t = MD_TEXT[locale];
  if (kind === 'SUSPICION') return outcome === 'YES' ? t.SUSPICION.YES : t.SUSPICION.NO;
  if (kind === 'DISCUSSION') return t.DISCUSSION;
  if (kind === 'WITHDRAWAL') return t.WITHDRAWAL;
  return `${kind}: ${outcome}`;
}

export function followUpLabel(f: FollowUpNote, locale: Locale): string {
  const t = MD_TEXT[locale];
  if (f.kind === 'nextStep') return (t.nextStep as Record<string, string>)[f.code] ?? f.code;
  if (f.kind === 'advisedRoute') return `${t.advisedRoute}: ${label('advisedRoutes', f.code, locale)}`;
  return `${t.offer}: ${label('offers', f.code, locale)}`;
}

/** The minutes as a Markdown document (the export). */
export function minutesToMarkdown(minutes: Minutes, locale: Locale, organisationName: (id: string) => string): string {
  const t = MD_TEXT[locale];
  const lines = [
    `# ${t.title}: ${minutes.title}`,
    '',
    `- ${t.date}: ${minutes.scheduledOn}`,
    `- ${t.status}: ${minutes.final ? t.final : t.draft}`,
    '',
  ];
  for (const part of AGENDA_PARTS) {
    const entries = minutes.entries.filter((e) => e.part === part.part);
    if (entries.length === 0) continue;
    lines.push(`## ${t[part.part]}`, '');
    for (const e of entries) {
      if (!e.visible) {
        lines.push(`### ${e.position}. ${t.restricted}`, '');
        continue;
      }
      lines.push(`### ${e.position}. ${t.reference} ${e.reference}`, '');
      if (e.status === 'notDecided') lines.push(`- ${t.notDecided}`);
      for (const d of e.decisions) {
        lines.push(`- ${t.decision}: ${decisionLabel(d.kind, d.outcome, locale)}`);
        if (d.rationale) lines.push(`- ${t.rationale}: ${d.rationale.replace(/\s+/g, ' ')}`);
      }
      for (const f of e.followUp) lines.push(`- ${t.followUp}: ${followUpLabel(f, locale)}`);
      if (e.responsibleOrganisationId) lines.push(`- ${t.responsible}: ${organisationName(e.responsibleOrganisationId)}`);
      lines.push('');
    }
  }
  lines.push(`_${t.footer}_`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The service

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class MeetingService {
  constructor(
    readonly sp: Signaalpunt,
    readonly meetings: MeetingStore,
    private readonly clock: Clock = sp.clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  private async rolesOf(user: User): Promise<{ roles: MeetingRole[]; org: Organisation | undefined }> {
    const org = await this.sp.store.getOrganisation(user.organisationId);
    return { roles: meetingRolesFor(user, org, this.nowIso()), org };
  }

  /** Refusal when a user takes no part in sessions at all. */
  private static outsider(user: User): ErrorCode {
    return user.roles.includes('partner') ? 'AUTH.NOT_A_MEMBER' : 'AUTH.FORBIDDEN';
  }

  private async load(user: User, meetingId: string): Promise<{ meeting: MeetingSession; roles: MeetingRole[]; org: Organisation | undefined }> {
    const { roles, org } = await this.rolesOf(user);
    if (roles.length === 0) throw new DomainError(MeetingService.outsider(user));
    const meeting = await this.meetings.getMeeting(meetingId);
    if (!meeting) throw new DomainError('MEETING.NOT_FOUND');
    return { meeting, roles, org };
  }

  private static allowed(command: MeetingCommand, roles: MeetingRole[], meeting?: MeetingSession): void {
    const rule: { roles: readonly MeetingRole[]; statuses: readonly MeetingStatus[] } = MEETING_COMMANDS[command];
    if (!roles.some((r) => rule.roles.includes(r))) throw new DomainError('AUTH.FORBIDDEN');
    if (meeting && !rule.statuses.includes(meeting.status)) throw new DomainError('MEETING.NOT_ALLOWED_NOW', { reason: `${command} when ${meeting.status}` });
  }

  private static async attempt<T>(fn: () => Promise<T>): Promise<Result<T>> {
    try {
      return ok(await fn());
    } catch (e) {
      if (e instanceof DomainError) return { ok: false, error: e };
      throw e;
    }
  }

  private parse<C extends MeetingCommand>(command: C, raw: unknown): MeetingInput<C> {
    const parsed = MEETING_SCHEMAS[command].safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const guarded = guardTexts(parsed.data, MEETING_COMMANDS[command].guarded, this.sp.guardOptions);
    if (guarded) throw guarded;
    return parsed.data as MeetingInput<C>;
  }

  /** The procesregisseur links a new session to a Teams meeting. */
  create(user: User, raw: unknown): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('createMeeting', raw);
      const { roles } = await this.rolesOf(user);
      if (roles.length === 0) throw new DomainError(MeetingService.outsider(user));
      MeetingService.allowed('createMeeting', roles);
      const now = this.nowIso();
      const meeting: MeetingSession = {
        id: this.newId(),
        version: 1,
        teamsMeetingId: input.teamsMeetingId,
        title: input.title,
        scheduledOn: input.scheduledOn,
        status: 'planned',
        createdAt: now,
        createdBy: user.id,
        agenda: [],
      };
      await this.meetings.insertMeeting(meeting);
      // undecided items an ended session moved on while no session was planned start this one's agenda.
      const waiting = (await this.meetings.listMeetings({ limit: 100, offset: 0 })).filter((m) => m.status === 'ended' && m.carriedOver && !m.carriedOver.meetingId);
      if (waiting.length === 0) return summarise(meeting);
      const seeded = await this.appendToAgenda(meeting, [...new Set(waiting.flatMap((m) => m.carriedOver!.caseIds))]);
      for (const from of waiting) {
        const marked = clone(from);
        marked.carriedOver = { caseIds: from.carriedOver!.caseIds, meetingId: meeting.id };
        marked.version = from.version + 1;
        await this.meetings.updateMeeting(marked, from.version);
      }
      return summarise(seeded);
    });
  }

  /** The session of a Teams meeting (the tab knows only the meeting id from its context). */
  findByTeamsMeeting(user: User, teamsMeetingId: string): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const { roles } = await this.rolesOf(user);
      if (roles.length === 0) throw new DomainError(MeetingService.outsider(user));
      const meeting = await this.meetings.findMeetingByTeamsId(teamsMeetingId);
      if (!meeting) throw new DomainError('MEETING.NOT_FOUND');
      return summarise(meeting);
    });
  }

  list(user: User, query: { limit?: number; offset?: number } = {}): Promise<Result<MeetingSummary[]>> {
    return MeetingService.attempt(async () => {
      const { roles } = await this.rolesOf(user);
      if (roles.length === 0) throw new DomainError(MeetingService.outsider(user));
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      return (await this.meetings.listMeetings({ limit, offset: Math.max(query.offset ?? 0, 0) })).map(summarise);
    });
  }

  /** Cases the procesregisseur may put on an agenda: INBRENG (anonymous round) and BESPREKING. */
  candidates(user: User): Promise<Result<CaseSummary[]>> {
    return MeetingService.attempt(async () => {
      const { roles } = await this.rolesOf(user);
      MeetingService.allowed('setAgenda', roles);
      const r = await this.sp.listCases(user, { phases: AGENDA_PARTS.map((p) => p.phase), limit: 200 });
      if (!r.ok) throw r.error;
      return r.value.items;
    });
  }

  /** The agenda as this user may see it: per item the policy's allow-list view (meeting groups only). */
  agenda(user: User, meetingId: string, purpose = 'signaaltafel: agenda in het zijpaneel'): Promise<Result<AgendaView>> {
    return MeetingService.attempt(async () => {
      const { meeting, roles, org } = await this.load(user, meetingId);
      const organisations = (await this.sp.store.listOrganisations()).filter((o) => isMember(o, this.nowIso())).map((o) => ({ id: o.id, name: o.name }));
      const now = this.nowIso();
      const items = await this.sp.store.transaction(async (tx) => {
        const out: AgendaItemView[] = [];
        const audit: AuditInput[] = [];
        for (const item of meeting.agenda) {
          const record = await tx.getCase(item.caseId);
          const base = { id: item.id, part: item.part, position: item.position };
          const result = record ? viewFor(user, record, org, now) : undefined;
          const view = result?.view ? meetingCaseView(result.view) : undefined;
          const hasContent = view !== undefined && (view.frame !== undefined || view.concern !== undefined);
          const entry: AgendaItemView = { ...base, visible: hasContent, ...(hasContent ? { case: view } : {}) };
          if (record && view?.frame) entry.overdue = overdueFlags(record, this.sp.config.informingDeadlineMonths, now);
          if (roles.includes('chair') && result?.view) entry.outcome = minutesEntry(item, result.view, meeting);
          out.push(entry);
          if (record && result && hasContent) {
            const read = PERSONAL_GROUPS.filter((g) => MEETING_GROUPS.includes(g) && result.personalGroupsRead.includes(g));
            if (read.length > 0) {
              audit.push({
                at: now,
                actorId: user.id,
                role: readRoleFor(POLICY, record, result.roles, user.organisationId, read),
                caseId: record.id,
                reference: record.frame.reference,
                phase: record.frame.phase,
                action: 'read',
                groups: read,
                purpose,
                commandId: null,
              });
            }
          }
        }
        if (audit.length > 0) await tx.appendAudit(audit);
        return out;
      });
      return { meeting: summarise(meeting), roles, items, organisations };
    });
  }

  /** The procesregisseur sets the agenda (the whole list, in order); items already on it keep their id. */
  setAgenda(user: User, meetingId: string, raw: unknown): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('setAgenda', raw);
      const { meeting, roles } = await this.load(user, meetingId);
      MeetingService.allowed('setAgenda', roles, meeting);
      if (meeting.version !== input.expectedVersion) throw new DomainError('MEETING.VERSION_CONFLICT');
      if (new Set(input.caseIds).size !== input.caseIds.length) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'caseIds', issue: 'DUPLICATE' }] });
      const now = this.nowIso();
      const records = await this.sp.store.transaction(async (tx) => Promise.all(input.caseIds.map((id) => tx.getCase(id))));
      const chosen: { caseId: string; part: AgendaPart }[] = [];
      records.forEach((record, i) => {
        const existing = meeting.agenda.find((a) => a.caseId === input.caseIds[i]);
        if (!record) throw new DomainError('CASE.NOT_FOUND', { fields: [{ path: `caseIds.${i}`, issue: 'NOT_FOUND' }] });
        // an item already on the agenda keeps its part, even when its case moved on (decided in this session).
        const part = existing?.part ?? partForPhase(record.frame.phase);
        if (!part) throw new DomainError('MEETING.CASE_NOT_ON_AGENDA_PHASE', { fields: [{ path: `caseIds.${i}`, issue: record.frame.phase }] });
        chosen.push({ caseId: record.id, part });
      });
      const ordered = AGENDA_PARTS.flatMap((p) => chosen.filter((c) => c.part === p.part));
      const next = clone(meeting);
      next.agenda = ordered.map((c, i) => {
        const existing = meeting.agenda.find((a) => a.caseId === c.caseId);
        return { id: existing?.id ?? this.newId(), caseId: c.caseId, part: c.part, position: i + 1, addedAt: existing?.addedAt ?? now };
      });
      if (next.stageItemId && !next.agenda.some((a) => a.id === next.stageItemId)) delete next.stageItemId;
      next.version = meeting.version + 1;
      await this.meetings.updateMeeting(next, meeting.version);
      return summarise(next);
    });
  }

  start(user: User, meetingId: string, raw: unknown = {}): Promise<Result<MeetingSummary>> {
    return this.transitionMeeting(user, meetingId, 'startMeeting', raw, (m, now) => {
      m.status = 'open';
      m.startedAt = now;
    });
  }

  /**
   * Ends the session and returns its minutes, generated from the decisions taken while it was open. With
   * `moveUndecided`, the cases still in the phase that put them on this agenda (nothing decided) move to the
   * next signaaltafel: onto the earliest planned session on or after this one's day, else — none planned
   * yet — they are kept on this session and the next session created starts with them (create).
   */
  end(user: User, meetingId: string, raw: unknown = {}): Promise<Result<Minutes>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('endMeeting', raw);
      let carriedOver: MeetingSession['carriedOver'];
      if (input.moveUndecided) {
        const { meeting, roles } = await this.load(user, meetingId);
        MeetingService.allowed('endMeeting', roles, meeting);
        carriedOver = await this.moveUndecided(meeting);
      }
      const r = await this.transitionMeeting(user, meetingId, 'endMeeting', { ...(input.expectedVersion ? { expectedVersion: input.expectedVersion } : {}) }, (m, now) => {
        m.status = 'ended';
        m.endedAt = now;
        delete m.stageItemId;
        if (carriedOver && carriedOver.caseIds.length > 0) m.carriedOver = carriedOver;
      });
      if (!r.ok) throw r.error;
      const minutes = await this.minutes(user, meetingId);
      if (!minutes.ok) throw minutes.error;
      return minutes.value;
    });
  }

  /** The cases of a session that are still in the phase that put them on its agenda: nothing was decided on them. */
  private async undecidedCases(meeting: MeetingSession): Promise<string[]> {
    const records = await this.sp.store.transaction(async (tx) => Promise.all(meeting.agenda.map((a) => tx.getCase(a.caseId))));
    return meeting.agenda.filter((a, i) => records[i] && partForPhase(records[i].frame.phase) === a.part).map((a) => a.caseId);
  }

  /** Puts the undecided cases of `meeting` on the next planned session, if there is one (see end). */
  private async moveUndecided(meeting: MeetingSession): Promise<NonNullable<MeetingSession['carriedOver']>> {
    const caseIds = await this.undecidedCases(meeting);
    if (caseIds.length === 0) return { caseIds };
    const planned = (await this.meetings.listMeetings({ limit: 100, offset: 0 }))
      .filter((m) => m.id !== meeting.id && m.status === 'planned' && m.scheduledOn >= meeting.scheduledOn)
      .sort((a, b) => a.scheduledOn.localeCompare(b.scheduledOn));
    const next = planned[0];
    if (!next) return { caseIds };
    await this.appendToAgenda(next, caseIds);
    return { caseIds, meetingId: next.id };
  }

  /** Adds cases to a session's agenda (after the ones there, each in its part); a case already on it stays once. */
  private async appendToAgenda(meeting: MeetingSession, caseIds: string[]): Promise<MeetingSession> {
    const now = this.nowIso();
    const records = await this.sp.store.transaction(async (tx) => Promise.all(caseIds.map((id) => tx.getCase(id))));
    const added: AgendaItem[] = [];
    records.forEach((record) => {
      const part = record ? partForPhase(record.frame.phase) : undefined;
      if (!record || !part || meeting.agenda.some((a) => a.caseId === record.id)) return;
      added.push({ id: this.newId(), caseId: record.id, part, position: 0, addedAt: now });
    });
    if (added.length === 0) return meeting;
    const all = [...meeting.agenda, ...added];
    const next = clone(meeting);
    next.agenda = AGENDA_PARTS.flatMap((p) => all.filter((a) => a.part === p.part)).map((a, i) => ({ ...a, position: i + 1 }));
    next.version = meeting.version + 1;
    await this.meetings.updateMeeting(next, meeting.version);
    return next;
  }

  private transitionMeeting(
    user: User,
    meetingId: string,
    command: 'startMeeting' | 'endMeeting',
    raw: unknown,
    change: (m: MeetingSession, now: string) => void,
  ): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse(command, raw);
      const { meeting, roles } = await this.load(user, meetingId);
      MeetingService.allowed(command, roles, meeting);
      if (input.expectedVersion !== undefined && input.expectedVersion !== meeting.version) throw new DomainError('MEETING.VERSION_CONFLICT');
      const next = clone(meeting);
      change(next, this.nowIso());
      next.version = meeting.version + 1;
      await this.meetings.updateMeeting(next, meeting.version);
      return summarise(next);
    });
  }

  /** The chair puts an agenda item on the meeting stage (or takes it off with null). Last one wins. */
  shareToStage(user: User, meetingId: string, raw: unknown): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('shareToStage', raw);
      for (let attempt = 0; ; attempt++) {
        const { meeting, roles } = await this.load(user, meetingId);
        MeetingService.allowed('shareToStage', roles, meeting);
        if (input.itemId !== null && !meeting.agenda.some((a) => a.id === input.itemId)) {
          throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'itemId', issue: 'NOT_ON_AGENDA' }] });
        }
        const next = clone(meeting);
        if (input.itemId === null) delete next.stageItemId;
        else next.stageItemId = input.itemId;
        next.version = meeting.version + 1;
        try {
          await this.meetings.updateMeeting(next, meeting.version);
          return summarise(next);
        } catch (e) {
          // a pointer, not a decision: another change in between is no conflict for the chair; retry.
          if (!(e instanceof DomainError) || e.code !== 'MEETING.VERSION_CONFLICT' || attempt >= 3) throw e;
        }
      }
    });
  }

  /**
   * What the meeting stage shows: the shared item's groups A and B only (stageViewFor), derived at every
   * read from the policy table for THIS viewer and the case's CURRENT phase (viewFor) — never identity or
   * contact, and nothing of a case the viewer may no longer see (it moved on, was closed or purged): then
   * the stage shows no item for this viewer. Nobody outside the table (guest, privacy officer, non-member)
   * gets anything. (A per-meeting cache may keep the record; the per-viewer view must stay per read.)
   *
   * No overdue flags here, though they are process-level (derived from group A) and the policy would allow
   * them: the stage is the shared screen the whole table discusses the case from, and a missed informing or
   * enrichment deadline is a task for the procesregisseur and the inbrenger, not a subject for that
   * discussion. The chair sees the flags in the side panel (agenda); the stage stays minimal.
   */
  stage(user: User, meetingId: string): Promise<Result<StageContent>> {
    return MeetingService.attempt(async () => {
      const { meeting, org } = await this.load(user, meetingId);
      const content: StageContent = { meetingId: meeting.id, status: meeting.status };
      const item = meeting.status === 'open' ? meeting.agenda.find((a) => a.id === meeting.stageItemId) : undefined;
      if (!item) return content;
      const record = await this.sp.store.transaction((tx) => tx.getCase(item.caseId));
      if (!record) return content;
      const view = viewFor(user, record, org, this.nowIso()).view;
      const stageCase = view ? stageViewFor(view) : undefined;
      if (stageCase) content.item = { id: item.id, part: item.part, position: item.position, case: stageCase };
      return content;
    });
  }

  private async carriedOverSummary(c: NonNullable<MeetingSession['carriedOver']>): Promise<NonNullable<Minutes['carriedOver']>> {
    const to = c.meetingId ? await this.meetings.getMeeting(c.meetingId) : undefined;
    return { count: c.caseIds.length, ...(to ? { meeting: { id: to.id, title: to.title, scheduledOn: to.scheduledOn } } : {}) };
  }

  /**
   * Minutes at process level, per reader: every entry is built from the reader's allow-list view of the
   * case as it is now (minutesEntry), the chair's too — an entry's content only where the policy table
   * gives this reader the case's frame, its follow-up options and lead partner only where it gives the
   * discussion (E); else only that the item exists. So ended minutes still follow the cases' phases.
   */
  minutes(user: User, meetingId: string): Promise<Result<Minutes>> {
    return MeetingService.attempt(async () => {
      const { meeting, org } = await this.load(user, meetingId);
      const now = this.nowIso();
      const entries = await this.sp.store.transaction(async (tx) => {
        const out: MinutesEntry[] = [];
        for (const item of meeting.agenda) {
          const record = await tx.getCase(item.caseId);
          out.push(minutesEntry(item, record ? viewFor(user, record, org, now).view : undefined, meeting));
        }
        return out;
      });
      return {
        meetingId: meeting.id,
        title: meeting.title,
        scheduledOn: meeting.scheduledOn,
        status: meeting.status,
        ...(meeting.startedAt ? { startedAt: meeting.startedAt } : {}),
        ...(meeting.endedAt ? { endedAt: meeting.endedAt } : {}),
        generatedAt: now,
        final: meeting.status === 'ended',
        entries,
        ...(meeting.carriedOver ? { carriedOver: await this.carriedOverSummary(meeting.carriedOver) } : {}),
      };
    });
  }
}
