/**
 * Meeting surfaces served from a per-meeting snapshot (issue 14, ADR 0010). Twelve participants refreshing
 * the stage and the side panel must not each read the store: on SharePoint every read is a call counted
 * against the app's throttling budget.
 *
 * - The snapshot holds what the store gives for one meeting: the session, the records of the cases on its
 *   agenda, the organisations. It is keyed by the store's change counter — the session's version and the
 *   sequence number of the last audit row (every case change writes one) — which is checked at most every
 *   `checkEveryMs` per instance (two calls on SharePoint), and at once when a viewer shows an ETag newer
 *   than the snapshot (another instance saw a change first). A change costs one reload, not one per viewer,
 *   and only of what changed: the audit rows after the snapshot's counter name the cases that changed (rows of
 *   reads change nothing).
 * - The view is still made per request and per viewer: the core's MeetingService runs unchanged for every
 *   request over ports that answer reads from the snapshot (one service per snapshot, made when the snapshot
 *   is first read, not per request: MeetingReads). Whatever the core derives per viewer (policy, phase,
 *   roles) is derived on every request.
 * - Reading personal data in the side panel is audited once per meeting, case, viewer and what was read,
 *   not per poll: the ports drop an audit entry this instance already wrote.
 * - ETags carry the change counter and a hash of the viewer's body; a poll with the current ETag gets 304.
 *
 * Nothing here is state another instance needs: a second instance builds its own snapshot from the store,
 * and the counter (hence the ETag's ordering) comes from the store. The audit dedupe is per instance: with
 * N instances a viewer's read of an item is audited at most N times.
 */
import { createHash } from 'node:crypto';
import type { AuditInput } from '../core/audit';
import type { MeetingCaseReads, MeetingCases, MeetingSession, MeetingStore } from '../core/meetings';
import { MeetingService } from '../core/meetings';
import type { CaseRecord, Organisation } from '../core/model';
import type { Clock, Store } from '../core/ports';
import type { ChangeCounting } from './server-store';

export interface ChangeCounter {
  meetingVersion: number;
  auditSeq: number;
}

interface Snapshot extends ChangeCounter {
  meetingId: string;
  meeting: MeetingSession | undefined;
  records: Map<string, CaseRecord | undefined>;
  organisations: Organisation[];
  checkedAt: number;
  loadedAt: number;
}

/** A store that can tell its change counter (both stores can: src/adapters; the server's store is one, server-store.ts). */
export type CountingStore = Store & MeetingStore & ChangeCounting;

const clone = <T>(x: T): T => structuredClone(x);

export interface SnapshotOptions {
  /** how often an instance asks the store whether anything changed (per meeting, only while it is viewed). */
  checkEveryMs?: number;
  /** the organisations of a snapshot are re-read at least this often (they change without an audit row). */
  maxAgeMs?: number;
  now?: () => number;
}

export class MeetingSnapshots {
  private readonly snaps = new Map<string, Snapshot>();
  private readonly audited = new Set<string>();
  private readonly loading = new Map<string, Promise<Snapshot>>();
  private readonly checkEveryMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** how often the store was asked for the counter, and how often a snapshot was (re)loaded. */
  readonly stats = { checks: 0, loads: 0 };

  constructor(
    private readonly store: CountingStore,
    opts: SnapshotOptions = {},
  ) {
    this.checkEveryMs = opts.checkEveryMs ?? 10_000;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Teams meeting id → session id, as found in the store: the link of a session to its Teams meeting is made
   * once (a second session for the same Teams meeting is refused), so the tab's lookup by Teams meeting id
   * can be answered from the session's snapshot. Only found links are kept (a session may be linked later).
   */
  private readonly teamsLinks = new Map<string, string>();

  sessionOfTeamsMeeting(teamsMeetingId: string): string | undefined {
    return this.teamsLinks.get(teamsMeetingId);
  }

  rememberTeamsMeeting(teamsMeetingId: string, meetingId: string): void {
    if (this.teamsLinks.size > 10_000) this.teamsLinks.clear();
    this.teamsLinks.set(teamsMeetingId, meetingId);
  }

  /** The meeting's snapshot; `seen` is the counter of the viewer's ETag, if any. */
  get(meetingId: string, seen?: ChangeCounter): Promise<Snapshot> {
    const snap = this.snaps.get(meetingId);
    const now = this.now();
    const newerSeen = seen !== undefined && snap !== undefined && (seen.meetingVersion > snap.meetingVersion || seen.auditSeq > snap.auditSeq);
    if (snap && !newerSeen && now - snap.checkedAt < this.checkEveryMs && now - snap.loadedAt < this.maxAgeMs) return Promise.resolve(snap);
    // one check at a time per meeting: concurrent viewers wait for the same one
    let pending = this.loading.get(meetingId);
    if (!pending) {
      pending = this.refresh(meetingId, snap).finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, pending);
    }
    return pending;
  }

  /** The meeting's snapshot after asking the store's counter now (the push timer: once per meeting, not per viewer). */
  check(meetingId: string): Promise<Snapshot> {
    const snap = this.snaps.get(meetingId);
    if (snap && !this.loading.has(meetingId)) snap.checkedAt = Number.NEGATIVE_INFINITY;
    return this.get(meetingId);
  }

  private async refresh(meetingId: string, snap: Snapshot | undefined): Promise<Snapshot> {
    this.stats.checks += 1;
    const now = this.now();
    const meeting = await this.store.getMeeting(meetingId);
    const auditSeq = await this.store.lastAuditSeq();
    const meetingVersion = meeting?.version ?? 0;
    if (snap && snap.meetingVersion === meetingVersion && snap.auditSeq === auditSeq) {
      // organisations join or leave without an audit row: re-read them (one call) now and then
      if (now - snap.loadedAt >= this.maxAgeMs) {
        snap.organisations = await this.store.listOrganisations();
        snap.loadedAt = now;
      }
      snap.checkedAt = now;
      return snap;
    }
    this.stats.loads += 1;
    // Which cases changed since the snapshot: the audit rows after its counter name them. Rows of reads
    // (a viewer's first look, audited once) change nothing, so they cost this one query and no reload.
    let changed: Set<string> | undefined;
    if (snap && snap.auditSeq !== auditSeq) {
      changed = new Set();
      for (let after = snap.auditSeq; ; ) {
        const rows = await this.store.readAudit({ afterSeq: after, limit: 1000 });
        for (const r of rows) if (r.action !== 'read' && r.caseId) changed.add(r.caseId);
        if (rows.length < 1000) break;
        after = rows[rows.length - 1]!.seq;
      }
    }
    const records = new Map<string, CaseRecord | undefined>();
    const missing: string[] = [];
    for (const item of meeting?.agenda ?? []) {
      if (records.has(item.caseId)) continue;
      if (snap?.records.has(item.caseId) && !(changed === undefined ? snap.auditSeq !== auditSeq : changed.has(item.caseId))) records.set(item.caseId, snap.records.get(item.caseId));
      else missing.push(item.caseId);
    }
    if (missing.length > 0) {
      await this.store.transaction(async (tx) => {
        for (const id of missing) records.set(id, await tx.getCase(id));
      });
    }
    const organisations = snap && now - snap.loadedAt < this.maxAgeMs ? snap.organisations : await this.store.listOrganisations();
    const loadedAt = snap && organisations === snap.organisations ? snap.loadedAt : now;
    const fresh: Snapshot = { meetingId, meeting, records, organisations, meetingVersion, auditSeq, checkedAt: now, loadedAt };
    this.snaps.set(meetingId, fresh);
    return fresh;
  }

  /**
   * Marks every snapshot as unchecked (after a write through this instance: the next read asks the store,
   * so this instance's own writes show at once; another instance's within `checkEveryMs`).
   */
  invalidate(): void {
    for (const s of this.snaps.values()) s.checkedAt = Number.NEGATIVE_INFINITY;
  }

  /**
   * The two ports of the meeting service over one snapshot: the sessions (MeetingStore) and the cases
   * (MeetingCases) answer the meeting's reads from the snapshot — the session, the records of its agenda,
   * the organisations — and pass each audit entry through once; anything else goes to `cases` (the case
   * service) and the real store. Typed ports, no proxy: what is not the snapshot's is said here.
   */
  ports(snap: Snapshot, cases: MeetingCases): { cases: MeetingCases; meetings: MeetingStore } {
    const store = this.store;
    const audited = this.audited;
    const reads: MeetingCaseReads = {
      getCase: async (id) => (snap.records.has(id) ? clone(snap.records.get(id)) : cases.readCases((r) => r.getCase(id))),
      appendAudit: async (entries: AuditInput[]) => {
        const fresh = entries.filter((e) => !audited.has(auditKey(snap.meetingId, e)));
        if (fresh.length === 0) return;
        await cases.readCases((r) => r.appendAudit(fresh));
        for (const e of fresh) audited.add(auditKey(snap.meetingId, e));
        if (audited.size > 100_000) audited.clear();
      },
    };
    return {
      cases: {
        get clock() {
          return cases.clock;
        },
        get guardOptions() {
          return cases.guardOptions;
        },
        get config() {
          return cases.config;
        },
        organisation: async (id) => clone(snap.organisations.find((o) => o.id === id)),
        listOrganisations: async () => clone(snap.organisations),
        listCases: (user, filter) => cases.listCases(user, filter),
        readCases: (fn) => fn(reads),
        purgedSince: (since) => cases.purgedSince(since),
      },
      meetings: {
        getMeeting: async (id) => (id === snap.meetingId ? clone(snap.meeting) : store.getMeeting(id)),
        findMeetingByTeamsId: async (teamsMeetingId) => (snap.meeting && teamsMeetingId === snap.meeting.teamsMeetingId ? clone(snap.meeting) : store.findMeetingByTeamsId(teamsMeetingId)),
        listMeetings: (query) => store.listMeetings(query),
        insertMeeting: (meeting) => store.insertMeeting(meeting),
        updateMeeting: (meeting, expectedVersion) => store.updateMeeting(meeting, expectedVersion),
      },
    };
  }
}

/**
 * The meeting service over the snapshots, built once at start-up (app.ts). A snapshot is a value that stays
 * until the store's counter moves; the service over it is made once per snapshot, not per request: twelve
 * viewers polling an unchanged meeting share one.
 */
export class MeetingReads {
  private readonly services = new WeakMap<Snapshot, MeetingService>();

  constructor(
    readonly snapshots: MeetingSnapshots,
    /** the case service of the server (Signaalpunt): what is not in a snapshot is read through it. */
    private readonly cases: MeetingCases,
    private readonly clock: Clock,
  ) {}

  /** The meeting's snapshot (`seen`: the counter of the viewer's ETag) and the service that reads from it. */
  async read(meetingId: string, seen?: ChangeCounter): Promise<{ snapshot: ChangeCounter; service: MeetingService }> {
    const snap = await this.snapshots.get(meetingId, seen);
    let service = this.services.get(snap);
    if (!service) {
      const ports = this.snapshots.ports(snap, this.cases);
      this.services.set(snap, (service = new MeetingService(ports.cases, ports.meetings, this.clock)));
    }
    return { snapshot: snap, service };
  }
}

/** One snapshot cache per store, i.e. per server instance (a cache only). */
const caches = new WeakMap<object, MeetingSnapshots>();

export function snapshotsFor(store: CountingStore, opts: SnapshotOptions = {}): MeetingSnapshots {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new MeetingSnapshots(store, opts)));
  return cache;
}

/** One audit row per meeting, viewer, case, phase and what was read: a poll that reads the same writes none. */
function auditKey(meetingId: string, e: AuditInput): string {
  return JSON.stringify([meetingId, e.actorId, e.caseId, e.phase, e.action, [...e.groups].sort(), e.purpose]);
}

/** A weak ETag: the store's change counter and a hash of what this viewer gets. */
export function etagOf(counter: ChangeCounter, body: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);
  return `W/"m${counter.meetingVersion}.a${counter.auditSeq}.${hash}"`;
}

/**
 * The newest change counter an If-None-Match header names, if any is ours. The header is a list: after a
 * pushed event the tab sends its ETag and `W/"m<v>.a<seq>.push"` with the pushed counter, so that an
 * instance whose snapshot is older than the push checks the store at once.
 */
export function counterOf(ifNoneMatch: string | undefined): ChangeCounter | undefined {
  let newest: ChangeCounter | undefined;
  for (const m of (ifNoneMatch ?? '').matchAll(/W\/"m(\d+)\.a(\d+)\./g)) {
    newest = { meetingVersion: Math.max(Number(m[1]), newest?.meetingVersion ?? 0), auditSeq: Math.max(Number(m[2]), newest?.auditSeq ?? 0) };
  }
  return newest;
}

/** Does If-None-Match (a comma-separated list) name this ETag? */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return (ifNoneMatch ?? '').split(',').some((t) => t.trim() === etag);
}
