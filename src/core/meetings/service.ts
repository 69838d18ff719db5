/**
 * The signaaltafel's service: sessions, their agenda, the stage and the minutes, through two ports
 * (meetings/ports.ts) — the MeetingStore for sessions and MeetingCases (the case service) for the cases, the
 * organisations and the audit of what a surface showed.
 *
 * Every surface — side panel, stage, minutes — is built at every read from the reader's own view of the
 * case as it is NOW (its current phase), never from the record: the stage shows at most groups A and B
 * (stageViewFor), and nothing to a viewer who may not read the frame; minutes hold process-level data only
 * (minutes.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AuditInput } from '../audit';
import { overdueFlags } from '../case-index';
import type { ErrorCode, Result } from '../errors';
import { DomainError, ok } from '../errors';
import type { Organisation, User } from '../model';
import { PERSONAL_GROUPS } from '../model';
import { POLICY, readRoleFor } from '../policy';
import type { Clock } from '../ports';
import type { CaseSummary } from '../service';
import { guardTexts, validationError } from '../service';
import { isMember, stageViewFor, viewFor } from '../views';
import { minutesEntry } from './minutes';
import type { AgendaItem, AgendaItemView, AgendaPart, AgendaView, MeetingCommand, MeetingInput, MeetingRole, MeetingSession, MeetingStatus, MeetingSummary, Minutes, MinutesEntry, StageContent } from './model';
import { AGENDA_PARTS, AGENDA_PHASES, MEETING_COMMANDS, MEETING_SCHEMAS, meetingCaseView, meetingGroupsFor, meetingRolesFor, partForPhase, summarise } from './model';
import type { MeetingCases, MeetingStore } from './ports';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export class MeetingService {
  constructor(
    readonly cases: MeetingCases,
    readonly meetings: MeetingStore,
    private readonly clock: Clock = cases.clock,
    private readonly newId: () => string = randomUUID,
  ) {}

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  private async rolesOf(user: User): Promise<{ roles: MeetingRole[]; org: Organisation | undefined }> {
    const org = await this.cases.organisation(user.organisationId);
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
    const guarded = guardTexts(parsed.data, MEETING_COMMANDS[command].guarded, this.cases.guardOptions);
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
        await this.saveChanged(from, (marked) => {
          marked.carriedOver = { caseIds: from.carriedOver!.caseIds, meetingId: meeting.id };
        });
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

  /** Cases the procesregisseur may put on an agenda: INBRENG (anonymous round), BESPREKING, OPVOLGING and REFLECTIE (status round). */
  candidates(user: User): Promise<Result<CaseSummary[]>> {
    return MeetingService.attempt(async () => {
      const { roles } = await this.rolesOf(user);
      MeetingService.allowed('setAgenda', roles);
      const r = await this.cases.listCases(user, { phases: [...AGENDA_PHASES], limit: 200 });
      if (!r.ok) throw r.error;
      return r.value.items;
    });
  }

  /** The agenda as this user may see it: per item the policy's allow-list view (meeting groups only). */
  agenda(user: User, meetingId: string, purpose = 'signaaltafel: agenda in het zijpaneel'): Promise<Result<AgendaView>> {
    return MeetingService.attempt(async () => {
      const { meeting, roles, org } = await this.load(user, meetingId);
      const organisations = (await this.cases.listOrganisations()).filter((o) => isMember(o, this.nowIso())).map((o) => ({ id: o.id, name: o.name }));
      const now = this.nowIso();
      const items = await this.cases.readCases(async (tx) => {
        const out: AgendaItemView[] = [];
        const audit: AuditInput[] = [];
        for (const item of meeting.agenda) {
          const record = await tx.getCase(item.caseId);
          const base = { id: item.id, part: item.part, position: item.position };
          const result = record ? viewFor(user, record, org, now) : undefined;
          const view = result?.view ? meetingCaseView(result.view, item.part) : undefined;
          const hasContent = view !== undefined && (view.frame !== undefined || view.concern !== undefined);
          const entry: AgendaItemView = { ...base, visible: hasContent, ...(hasContent ? { case: view } : {}) };
          if (view?.frame && item.statusNote && view.phase !== 'PURGED') entry.statusNote = item.statusNote.text;
          if (record && view?.frame) entry.overdue = overdueFlags(record, this.cases.config.informingDeadlineMonths, now);
          if (roles.includes('chair') && result?.view) entry.outcome = minutesEntry(item, result.view, meeting);
          out.push(entry);
          if (record && result && hasContent) {
            const read = PERSONAL_GROUPS.filter((g) => meetingGroupsFor(item.part).includes(g) && result.personalGroupsRead.includes(g));
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
      const records = await this.cases.readCases(async (tx) => Promise.all(input.caseIds.map((id) => tx.getCase(id))));
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
   * `moveUndecided`, the cases still in the phase that put them on this agenda (nothing decided; status-round
   * items ask no decision and stay) move to the next signaaltafel: onto the earliest planned session on or
   * after this one's day, else — none planned yet — they are kept on this session and the next session
   * created starts with them (create).
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

  /** The cases of a session still in the phase that put them on its agenda (decision parts only): nothing was decided on them. */
  private async undecidedCases(meeting: MeetingSession): Promise<string[]> {
    const records = await this.cases.readCases(async (tx) => Promise.all(meeting.agenda.map((a) => tx.getCase(a.caseId))));
    return meeting.agenda.filter((a, i) => a.part !== 'STATUS_ROUND' && records[i] && partForPhase(records[i].frame.phase) === a.part).map((a) => a.caseId);
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

  /**
   * Retention at the signaaltafel (PROCESS.md: when a case's retention ends, "C, F and all free text are
   * destroyed"): a status note is free text about one case, kept in the session, so it goes when its case is
   * purged. A sweep over the sessions rather than a step inside the case's purge, so a run stopped between the
   * two catches up at the next run. It reads no case: the sessions holding notes, and the deletion records
   * (written in the purge's own transaction) since the earliest of those items was put on an agenda — a case
   * on an agenda was not purged yet, so an older record cannot concern a note (one day's margin for the
   * clocks of several instances). The item stays (that the case was on the agenda is process data, like its
   * kenmerk); each destroyed note is audited as a deletion of group G (the follow-up status it speaks of),
   * without content. The note goes before its audit row: a crash in between leaves a deletion the case's own
   * purge row already announced ("freeText"), never a row for a note still there.
   */
  async forgetPurgedStatusNotes(pageSize = 100): Promise<{ notes: number }> {
    const noted: MeetingSession[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.meetings.listMeetings({ limit: pageSize, offset });
      noted.push(...page.filter((m) => m.agenda.some((a) => a.statusNote)));
      if (page.length < pageSize) break;
    }
    if (noted.length === 0) return { notes: 0 };
    const earliest = noted.flatMap((m) => m.agenda.filter((a) => a.statusNote).map((a) => a.addedAt)).sort()[0]!;
    const since = new Date(Date.parse(earliest) - 86_400_000).toISOString();
    const purged = new Map((await this.cases.purgedSince(since)).map((p) => [p.caseId, p.reference]));
    if (purged.size === 0) return { notes: 0 };
    let notes = 0;
    for (const meeting of noted) notes += await this.forgetNotesOf(meeting, purged);
    return { notes };
  }

  private async forgetNotesOf(first: MeetingSession, purged: ReadonlyMap<string, string>): Promise<number> {
    for (let meeting: MeetingSession | undefined = first, attempt = 0; meeting; attempt++) {
      const gone = meeting.agenda.filter((a) => a.statusNote && purged.has(a.caseId));
      if (gone.length === 0) return 0;
      try {
        await this.saveChanged(meeting, (next) => {
          for (const item of next.agenda) if (gone.some((g) => g.id === item.id)) delete item.statusNote;
        });
      } catch (e) {
        // another change to the session in between: read it again and retry (a note is no decision)
        if (!(e instanceof DomainError) || e.code !== 'MEETING.VERSION_CONFLICT' || attempt >= 3) throw e;
        meeting = await this.meetings.getMeeting(meeting.id);
        continue;
      }
      const at = this.nowIso();
      const audit: AuditInput[] = [...new Set(gone.map((g) => g.caseId))].map((caseId) => ({
        at,
        actorId: 'system:retention',
        role: 'system',
        caseId,
        reference: purged.get(caseId)!,
        phase: 'PURGED',
        action: 'delete',
        groups: ['G'],
        purpose: 'bewaartermijn verstreken: statusnotitie van de signaaltafel vernietigd',
        commandId: null,
      }));
      await this.cases.readCases((tx) => tx.appendAudit(audit));
      return gone.length;
    }
    return 0;
  }

  /** Stores the next version of a session: a copy of `meeting` with `change` applied, if `meeting` is still the stored version. */
  private async saveChanged(meeting: MeetingSession, change: (next: MeetingSession) => void): Promise<MeetingSession> {
    const next = clone(meeting);
    change(next);
    next.version = meeting.version + 1;
    await this.meetings.updateMeeting(next, meeting.version);
    return next;
  }

  /** Adds cases to a session's agenda (after the ones there, each in its part); a case already on it stays once. */
  private async appendToAgenda(meeting: MeetingSession, caseIds: string[]): Promise<MeetingSession> {
    const now = this.nowIso();
    const records = await this.cases.readCases(async (tx) => Promise.all(caseIds.map((id) => tx.getCase(id))));
    const added: AgendaItem[] = [];
    records.forEach((record) => {
      const part = record ? partForPhase(record.frame.phase) : undefined;
      if (!record || !part || meeting.agenda.some((a) => a.caseId === record.id)) return;
      added.push({ id: this.newId(), caseId: record.id, part, position: 0, addedAt: now });
    });
    if (added.length === 0) return meeting;
    const all = [...meeting.agenda, ...added];
    return this.saveChanged(meeting, (next) => {
      next.agenda = AGENDA_PARTS.flatMap((p) => all.filter((a) => a.part === p.part)).map((a, i) => ({ ...a, position: i + 1 }));
    });
  }

  private async carriedOverSummary(c: NonNullable<MeetingSession['carriedOver']>): Promise<NonNullable<Minutes['carriedOver']>> {
    const to = c.meetingId ? await this.meetings.getMeeting(c.meetingId) : undefined;
    return { count: c.caseIds.length, ...(to ? { meeting: { id: to.id, title: to.title, scheduledOn: to.scheduledOn } } : {}) };
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
      return summarise(await this.saveChanged(meeting, (next) => change(next, this.nowIso())));
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
   * The chair or the procesregisseur records who attends (the whole list): organisations and roles, never
   * names. Each organisation must be known; a ketenpartner's organisation must be a member of the privacy
   * protocol on the day. Recording it again replaces the list.
   */
  setAttendees(user: User, meetingId: string, raw: unknown): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('setAttendees', raw);
      const { meeting, roles } = await this.load(user, meetingId);
      MeetingService.allowed('setAttendees', roles, meeting);
      if (input.expectedVersion !== undefined && input.expectedVersion !== meeting.version) throw new DomainError('MEETING.VERSION_CONFLICT');
      const now = this.nowIso();
      const organisations = new Map((await this.cases.listOrganisations()).map((o) => [o.id, o]));
      const seen = new Set<string>();
      input.attendees.forEach((a, i) => {
        const org = organisations.get(a.organisationId);
        if (!org) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: `attendees.${i}.organisationId`, issue: 'NOT_FOUND' }] });
        if (a.role === 'ketenpartner' && !isMember(org, now)) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: `attendees.${i}.organisationId`, issue: 'NOT_A_MEMBER' }] });
        const key = `${a.organisationId}|${a.role}`;
        if (seen.has(key)) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: `attendees.${i}`, issue: 'DUPLICATE' }] });
        seen.add(key);
      });
      const next = await this.saveChanged(meeting, (m) => {
        m.attendees = input.attendees.map((a) => ({ organisationId: a.organisationId, role: a.role }));
      });
      return summarise(next);
    });
  }

  /**
   * The table's status note on a status-round item (issue 16), while the session is open: short guarded free
   * text at process level (refused when it identifies someone, like the discussion's notes), read by every
   * participant who sees the item's frame — in the side panel and the minutes. Recording it again replaces it.
   */
  recordStatusNote(user: User, meetingId: string, raw: unknown): Promise<Result<MeetingSummary>> {
    return MeetingService.attempt(async () => {
      const input = this.parse('recordStatusNote', raw);
      for (let attempt = 0; ; attempt++) {
        const { meeting, roles } = await this.load(user, meetingId);
        MeetingService.allowed('recordStatusNote', roles, meeting);
        const item = meeting.agenda.find((a) => a.id === input.itemId);
        if (!item) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'itemId', issue: 'NOT_ON_AGENDA' }] });
        if (item.part !== 'STATUS_ROUND') throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'itemId', issue: 'NOT_A_STATUS_ITEM' }] });
        const next = clone(meeting);
        next.agenda.find((a) => a.id === item.id)!.statusNote = { text: input.note, at: this.nowIso() };
        next.version = meeting.version + 1;
        try {
          await this.meetings.updateMeeting(next, meeting.version);
          return summarise(next);
        } catch (e) {
          // one item's note, not a decision: another change in between is no conflict; retry on the new version.
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
      const record = await this.cases.readCases((tx) => tx.getCase(item.caseId));
      if (!record) return content;
      const view = viewFor(user, record, org, this.nowIso()).view;
      const stageCase = view ? stageViewFor(view) : undefined;
      if (stageCase) content.item = { id: item.id, part: item.part, position: item.position, case: stageCase };
      return content;
    });
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
      const entries = await this.cases.readCases(async (tx) => {
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
        attendees: (meeting.attendees ?? []).map((a) => ({ organisationId: a.organisationId, role: a.role })),
        final: meeting.status === 'ended',
        entries,
        ...(meeting.carriedOver ? { carriedOver: await this.carriedOverSummary(meeting.carriedOver) } : {}),
      };
    });
  }
}
