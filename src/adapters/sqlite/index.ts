/**
 * The embedded store: the core's Store port on SQLite (better-sqlite3). Used for the local run and the
 * tests; production uses the SharePoint adapter. Every transaction is BEGIN IMMEDIATE, so that several
 * processes on one file (server, job runner) serialise their writes; within a process, calls are queued
 * so that an async transaction never sees another's uncommitted writes.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { chainRows } from '../../core/audit';
import type { AuditInput, AuditLink, AuditRow } from '../../core/audit';
import { caseIndex } from '../../core/case-index';
import { partnerVisibility } from '../../core/partner-visibility';
import { DomainError } from '../../core/errors';
import { ACTIVE_PHASES, PHASES } from '../../core/model';
import type { CaseRecord, Organisation, Phase, User } from '../../core/model';
import type { AuditCheckpointLog, AuditQuery, BotStore, CaseIndex, CaseQuery, CommandRecord, ResidentAccessCode, ResidentAccessStore, Store, StoreTx } from '../../core/ports';
import type { MeetingSession, MeetingStore } from '../../core/meetings';
import type { ReferenceStore, ReferenceVersion } from '../../core/reference-data';
import { versionConflict } from '../../core/reference-data';
import type { DeletionRecord } from '../../core/retention';
import { sqliteBotStore } from './bot-store';
import { WalCheckpointer } from './checkpointer';
import { FileCheckpointLog } from './checkpoints';
import { MIGRATIONS } from './migrations';

interface CaseRow {
  id: string;
  version: number;
  frame: string;
  concern: string;
  identity: string | null;
  enrichment: string;
  discussion: string | null;
  contact: string | null;
  follow_up: string | null;
  reflection: string;
}

interface AuditDbRow {
  seq: number;
  at: string;
  actor_id: string;
  role: string;
  case_id: string | null;
  reference: string | null;
  phase: string | null;
  action: string;
  groups: string;
  purpose: string;
  command_id: string | null;
  prev_hash: string;
  hash: string;
}

/** how long a writer waits for another connection's write lock before giving up. */
const BUSY_TIMEOUT_MS = 5000;

const CASE_COLUMNS = 'id, version, frame, concern, identity, enrichment, discussion, contact, follow_up, reflection';

function toRecord(row: CaseRow): CaseRecord {
  const parse = <T>(s: string | null): T | undefined => (s === null ? undefined : (JSON.parse(s) as T));
  const record: CaseRecord = {
    id: row.id,
    version: row.version,
    frame: JSON.parse(row.frame) as CaseRecord['frame'],
    concern: JSON.parse(row.concern) as CaseRecord['concern'],
    enrichment: JSON.parse(row.enrichment) as CaseRecord['enrichment'],
    reflection: JSON.parse(row.reflection) as CaseRecord['reflection'],
  };
  const identity = parse<CaseRecord['identity']>(row.identity);
  const discussion = parse<CaseRecord['discussion']>(row.discussion);
  const contact = parse<CaseRecord['contact']>(row.contact);
  const followUp = parse<CaseRecord['followUp']>(row.follow_up);
  if (identity) record.identity = identity;
  if (discussion) record.discussion = discussion;
  if (contact) record.contact = contact;
  if (followUp) record.followUp = followUp;
  return record;
}

function toAuditRow(r: AuditDbRow): AuditRow {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    role: r.role as AuditRow['role'],
    caseId: r.case_id,
    reference: r.reference,
    phase: r.phase as Phase | null,
    action: r.action as AuditRow['action'],
    groups: JSON.parse(r.groups) as AuditRow['groups'],
    purpose: r.purpose,
    commandId: r.command_id,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export interface SqliteStoreOptions {
  /** months after identity capture within which the resident must be informed (for the index column). */
  informingDeadlineMonths?: number;
  /** the append-only file of the audit's checkpoints (ADR 0009); none: verification cannot see truncation. */
  auditCheckpointFile?: string;
}

export class SqliteStore implements Store, MeetingStore, BotStore, ResidentAccessStore, ReferenceStore {
  readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly deadlineMonths: number;
  private readonly tx: StoreTx;
  /** set when the running transaction wrote a deletion record (personal data destroyed). */
  private destroyedInTx = false;

  readonly auditCheckpoints?: AuditCheckpointLog;

  /**
   * Statements prepared once per connection and reused: preparing (parsing and planning the SQL) on every
   * call was a fifth of a card submit's store time (bench/bot.ts, issue 17). Keyed by the SQL text, so for
   * fixed texts only: the case listings, built from their filters, prepare theirs per call.
   */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly prepared = ((source: string) => {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }) as Database.Database['prepare'];

  /** WAL checkpoints in a worker thread, for a store on disk (checkpointer.ts). */
  private readonly checkpointer?: WalCheckpointer;

  private constructor(db: Database.Database, opts: SqliteStoreOptions, file?: string) {
    this.db = db;
    if (file) this.checkpointer = new WalCheckpointer(db, file);
    if (opts.auditCheckpointFile) this.auditCheckpoints = new FileCheckpointLog(opts.auditCheckpointFile);
    this.deadlineMonths = opts.informingDeadlineMonths ?? 1;
    this.tx = this.makeTx();
    this.bot = sqliteBotStore(db, (fn) => this.exclusive(fn), (where, params) =>
      db.prepare<unknown[], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE ${where}`).all(...params).map(toRecord),
    );
  }

  /** Opens (and migrates) a store at `file`, or an in-memory store for ':memory:'. */
  static open(file: string, opts: SqliteStoreOptions = {}): SqliteStore {
    const onDisk = file !== ':memory:' && file !== '';
    if (onDisk) {
      // The file holds personal data: its folder 0700, the file 0600 (as the local key). Created here,
      // before SQLite does, so it never exists with a wider mode; SQLite gives -wal and -shm the mode of
      // the database file, and they are set again below in case an older file had a wider one.
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
      chmodSync(file, 0o600);
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Destroyed personal data is overwritten with zeros instead of lingering in free pages of the file.
    db.pragma('secure_delete = ON');
    migrate(db);
    if (onDisk) for (const extra of [`${file}-wal`, `${file}-shm`]) if (existsSync(extra)) chmodSync(extra, 0o600);
    return new SqliteStore(db, opts, onDisk ? file : undefined);
  }

  /** Runs `fn` exclusively on the connection (queued behind earlier calls). */
  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = async (): Promise<T> => fn();
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Takes the write lock without blocking the event loop. busy_timeout waits synchronously: when another
   * connection in this same process holds the lock inside an async transaction, that wait could never
   * end (the holder cannot run), so BEGIN IMMEDIATE is retried asynchronously instead.
   */
  private async begin(): Promise<void> {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    this.prepared('PRAGMA busy_timeout = 0').get();
    try {
      for (let wait = 1; ; wait = Math.min(wait * 2, 25)) {
        try {
          this.prepared('BEGIN IMMEDIATE').run();
          return;
        } catch (e) {
          if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw e;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    } finally {
      this.prepared(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`).get();
    }
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.begin();
      try {
        this.destroyedInTx = false;
        const result = await fn(this.tx);
        this.prepared('COMMIT').run();
        // Destroyed personal data must not survive in the write-ahead log either: checkpoint it into the
        // database file (where secure_delete zeroed it) and truncate the log.
        if (this.destroyedInTx) await this.checkpointTruncate();
        return result;
      } catch (e) {
        if (this.db.inTransaction) this.prepared('ROLLBACK').run();
        throw e;
      }
    });
  }

  /**
   * Copies the log into the database file and empties it. The checkpoint worker may be checkpointing at
   * this moment (SQLite then answers busy at once, without waiting): tried again until the log is empty.
   */
  private async checkpointTruncate(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const r = this.prepared<[], { busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)').get();
      if (!r?.busy || attempt >= 200) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private relationStatements?: { clear: Database.Statement<[string]>; add: Database.Statement<[string, string, string, string, string]> };

  /**
   * Rewrites the case's relation rows (organisations asked / parties) from the index the core derived, with
   * the case's phase and creation time (a partner's list reads them from the relation index alone). A new
   * case (`fresh`) has none to clear: its id is new to `cases`, and a relation row needs its case's row
   * (foreign key) — one statement less per intake (issue 17, ADR 0008 fifth pass).
   */
  private writeRelations(caseId: string, ix: CaseIndex, fresh = false): void {
    this.relationStatements ??= {
      clear: this.prepared<[string]>('DELETE FROM case_relations WHERE case_id = ?'),
      add: this.prepared<[string, string, string, string, string]>('INSERT OR IGNORE INTO case_relations (case_id, organisation_id, relation, phase, created_at) VALUES (?, ?, ?, ?, ?)'),
    };
    if (!fresh) this.relationStatements.clear.run(caseId);
    for (const r of ix.relations) this.relationStatements.add.run(caseId, r.organisationId, r.relation, ix.phase, ix.createdAt);
  }

  private caseParams(record: CaseRecord, ix: CaseIndex = caseIndex(record, this.deadlineMonths)): Record<string, unknown> {
    const json = (x: unknown): string | null => (x === undefined ? null : JSON.stringify(x));
    return {
      id: record.id,
      reference: ix.reference,
      version: record.version,
      phase: ix.phase,
      status: ix.status,
      inbrenger_org: ix.inbrengerOrganisationId,
      inbrenger_user: ix.inbrengerUserId,
      created_at: ix.createdAt,
      phase_since: ix.phaseSince,
      informing_due: ix.informingDueOn,
      enrichment_due: ix.enrichmentDueOn,
      retention_until: ix.retentionUntil,
      frame: JSON.stringify(record.frame),
      concern: JSON.stringify(record.concern),
      identity: json(record.identity),
      enrichment: JSON.stringify(record.enrichment),
      discussion: json(record.discussion),
      contact: json(record.contact),
      follow_up: json(record.followUp),
      reflection: JSON.stringify(record.reflection),
    };
  }

  private makeTx(): StoreTx {
    const db = this.db;
    const getById = db.prepare<[string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`);
    const getByRef = db.prepare<[string], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE reference = ?`);
    const insert = db.prepare(
      `INSERT INTO cases (id, reference, version, phase, status, inbrenger_org, inbrenger_user, created_at, phase_since, informing_due, enrichment_due,
        retention_until, frame, concern, identity, enrichment, discussion, contact, follow_up, reflection)
       VALUES (@id, @reference, @version, @phase, @status, @inbrenger_org, @inbrenger_user, @created_at, @phase_since, @informing_due, @enrichment_due,
        @retention_until, @frame, @concern, @identity, @enrichment, @discussion, @contact, @follow_up, @reflection)`,
    );
    const update = db.prepare(
      `UPDATE cases SET version = @version, phase = @phase, status = @status, phase_since = @phase_since, informing_due = @informing_due,
        enrichment_due = @enrichment_due, retention_until = @retention_until, inbrenger_user = @inbrenger_user, frame = @frame, concern = @concern,
        identity = @identity, enrichment = @enrichment, discussion = @discussion, contact = @contact, follow_up = @follow_up, reflection = @reflection
       WHERE id = @id AND version = @expected`,
    );
    const lastAudit = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
    const insertAudit = db.prepare(
      `INSERT INTO audit (seq, at, actor_id, role, case_id, reference, phase, action, groups, purpose, command_id, prev_hash, hash)
       VALUES (@seq, @at, @actorId, @role, @caseId, @reference, @phase, @action, @groups, @purpose, @commandId, @prevHash, @hash)`,
    );
    const counter = db.prepare<[number], { last: number }>(
      'INSERT INTO reference_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last',
    );
    const getCommand = db.prepare<[string], { command_id: string; name: string; actor_id: string; fingerprint: string; case_id: string | null; result: string; at: string }>(
      'SELECT * FROM commands WHERE command_id = ?',
    );
    const putCommand = db.prepare('INSERT INTO commands (command_id, name, actor_id, fingerprint, case_id, result, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const forgetCommands = db.prepare<[string]>('DELETE FROM commands WHERE case_id = ?');
    const putDeletion = db.prepare(
      'INSERT OR REPLACE INTO deletion_records (case_id, reference, at, reason, by_whom, destroyed) VALUES (?, ?, ?, ?, ?, ?)',
    );
    return {
      getCase: async (id) => {
        const row = getById.get(id);
        return row ? toRecord(row) : undefined;
      },
      getCaseByReference: async (reference) => {
        const row = getByRef.get(reference);
        return row ? toRecord(row) : undefined;
      },
      insertCase: async (record) => {
        const ix = caseIndex(record, this.deadlineMonths);
        insert.run(this.caseParams(record, ix));
        this.writeRelations(record.id, ix, true);
      },
      updateCase: async (record, expectedVersion) => {
        const ix = caseIndex(record, this.deadlineMonths);
        const info = update.run({ ...this.caseParams(record, ix), expected: expectedVersion });
        if (info.changes !== 1) throw new DomainError('CASE.VERSION_CONFLICT');
        this.writeRelations(record.id, ix);
      },
      nextReferenceNumber: async (year) => counter.get(year)!.last,
      getCommand: async (commandId): Promise<CommandRecord | undefined> => {
        const r = getCommand.get(commandId);
        return r
          ? { commandId: r.command_id, name: r.name, actorId: r.actor_id, fingerprint: r.fingerprint, caseId: r.case_id, result: JSON.parse(r.result) as unknown, at: r.at }
          : undefined;
      },
      listCases: async (query) => this.listCasesNow(query),
      putCommand: async (c) => {
        putCommand.run(c.commandId, c.name, c.actorId, c.fingerprint, c.caseId, JSON.stringify(c.result), c.at);
      },
      forgetCommands: async (caseId) => {
        // secure_delete zeroes the freed pages; the transaction's checkpoint clears them from the log too.
        if (forgetCommands.run(caseId).changes > 0) this.destroyedInTx = true;
      },
      appendAudit: async (entries: AuditInput[]) => {
        for (const row of chainRows(lastAudit.get(), entries)) insertAudit.run({ ...row, groups: JSON.stringify(row.groups) });
      },
      putDeletionRecord: async (d: DeletionRecord) => {
        this.destroyedInTx = true;
        putDeletion.run(d.caseId, d.reference, d.at, d.reason, d.by, JSON.stringify(d.destroyed));
      },
    };
  }

  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }> {
    return this.exclusive(() => this.listCasesNow(query));
  }

  /** The listing itself, on the connection as it is (in a transaction: `tx.listCases`). */
  private listCasesNow(query: CaseQuery): { items: CaseRecord[]; total: number } {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: query.limit, offset: query.offset };
    if (query.phases?.length) {
      where.push(`c.phase IN (${query.phases.map((_, i) => `@p${i}`).join(', ')})`);
      query.phases.forEach((p, i) => (params[`p${i}`] = p));
    }
    if (query.status && query.overdueOn) {
      // the deadline indexes find the rows; the status is checked on them
      where.push('c.status = @status');
      params.status = query.status;
    } else if (query.status) {
      // a status is a set of phases (caseIndex): listed through cases_phase, with no index of its own (migration 17)
      const phases = PHASES.filter((p) => ACTIVE_PHASES.includes(p) === (query.status === 'open'));
      where.push(`c.phase IN (${phases.map((p) => `'${p}'`).join(', ')})`);
    }
    if (query.organisationId) {
      where.push('c.inbrenger_org = @org');
      params.org = query.organisationId;
    }
    if (query.overdueOn) {
      where.push('(c.informing_due < @overdue OR c.enrichment_due < @overdue)');
      params.overdue = query.overdueOn;
    }
    if (query.referenceContains) {
      where.push('instr(c.reference, @ref) > 0');
      params.ref = query.referenceContains;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (query.visibleTo) return this.listVisible(query.visibleTo, where, params);
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM cases c ${clause}`).get(params) as { n: number }).n;
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(`SELECT ${CASE_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')} FROM cases c ${clause} ORDER BY c.created_at DESC, c.id LIMIT @limit OFFSET @offset`)
      .all(params);
    return { items: rows.map(toRecord), total };
  }

  /**
   * A partner's list: the phases per relation come from the policy table (core/partner-visibility.ts; the
   * core still applies the policy to every row). Written as a UNION of index-backed branches — by phase, by
   * inbrenger user, by the organisation's relations (which carry the case's phase and creation time,
   * migration 13) — so that its cost follows the cases the partner can see, not all cases. The page takes
   * the first offset + limit of each branch in index order before merging, and reads the wide rows of the
   * page only. Phases go into the SQL as literals from the closed set PHASES, never from input.
   */
  private listVisible(visibleTo: NonNullable<CaseQuery['visibleTo']>, where: readonly string[], params: Record<string, unknown>): { items: CaseRecord[]; total: number } {
    const vis = visibleTo.visibility ?? partnerVisibility();
    const also = where.map((w) => ` AND ${w}`).join('');
    const inPhases = (column: string, phases: readonly Phase[]): string => `${column} IN (${phases.filter((p) => PHASES.includes(p)).map((p) => `'${p}'`).join(', ')})`;
    const own = (condition: string): string => `SELECT c.created_at AS created_at, c.id AS id FROM cases c WHERE ${condition}${also}`;
    // without other filters a relation branch reads its index only; with them, it joins the case's row.
    const related = (relation: 'asked' | 'party', phases: readonly Phase[]): string =>
      `SELECT r.created_at AS created_at, r.case_id AS id FROM case_relations r${where.length ? ' JOIN cases c ON c.id = r.case_id' : ''}
       WHERE r.organisation_id = @vo AND r.relation = '${relation}' AND ${inPhases('r.phase', phases)}${also}`;
    const branches = [
      ...(vis.member.length ? [own(inPhases('c.phase', vis.member))] : []),
      ...(vis.inbrenger.length ? [own(`c.inbrenger_user = @vu AND ${inPhases('c.phase', vis.inbrenger)}`)] : []),
      ...(vis.asked.length ? [related('asked', vis.asked)] : []),
      ...(vis.party.length ? [related('party', vis.party)] : []),
    ];
    if (branches.length === 0) return { items: [], total: 0 };
    const all = { ...params, vu: visibleTo.userId, vo: visibleTo.organisationId, top: Number(params.offset) + Number(params.limit) };
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${branches.join(' UNION ')})`).get(all) as { n: number }).n;
    const heads = branches.map((b) => `SELECT * FROM (${b} ORDER BY created_at DESC, id LIMIT @top)`).join(' UNION ');
    const rows = this.db
      .prepare<Record<string, unknown>, CaseRow>(
        `SELECT ${CASE_COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')}
         FROM (SELECT created_at, id FROM (${heads}) ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset) p
         CROSS JOIN cases c ON c.id = p.id ORDER BY p.created_at DESC, p.id`,
      )
      .all(all);
    return { items: rows.map(toRecord), total };
  }

  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]> {
    // INDEXED BY: without it SQLite took cases_phase (all closed cases, then a sort) over the partial index
    return this.exclusive(() =>
      this
        .prepared<[string, number], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases INDEXED BY cases_retention WHERE phase = 'CLOSED' AND retention_until <= ? ORDER BY retention_until LIMIT ?`)
        .all(asOf, limit)
        .map(toRecord),
    );
  }

  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]> {
    return this.exclusive(() =>
      this
        .prepared<[string, number], CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE enrichment_due IS NOT NULL AND enrichment_due < ? ORDER BY enrichment_due LIMIT ?`)
        .all(asOf, limit)
        .map(toRecord),
    );
  }

  /** The store's change counter: the sequence number of the last audit row (every change writes one). */
  lastAuditSeq(): Promise<number> {
    return this.exclusive(() => this.prepared<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM audit').get()?.seq ?? 0);
  }

  readAudit(query: AuditQuery): Promise<AuditRow[]> {
    return this.exclusive(() => {
      const after = query.afterSeq ?? 0;
      const rows = query.caseId
        ? this.prepared<[string, number, number], AuditDbRow>('SELECT * FROM audit WHERE case_id = ? AND seq > ? ORDER BY seq LIMIT ?').all(query.caseId, after, query.limit)
        : this.prepared<[number, number], AuditDbRow>('SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?').all(after, query.limit);
      return rows.map(toAuditRow);
    });
  }

  async *auditPages(pageSize: number): AsyncIterable<AuditRow[]> {
    let after = 0;
    for (;;) {
      const page = await this.readAudit({ afterSeq: after, limit: pageSize });
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.seq;
    }
  }

  /** The chain with each row's canonical string built by SQLite (json_array), for fast verification. */
  async *auditLinkPages(pageSize: number): AsyncIterable<AuditLink[]> {
    // its own statement: raw mode is set on it, and the generator holds it across awaits.
    const page = this.db.prepare<[number, number], [number, string, string, string]>(
      `SELECT seq, prev_hash, hash,
              json_array(seq, at, actor_id, role, case_id, reference, phase, action, json(groups), purpose, command_id, prev_hash)
         FROM audit WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    page.raw(true);
    let after = 0;
    for (;;) {
      const rows = await this.exclusive(() => page.all(after, pageSize));
      if (rows.length === 0) return;
      yield rows.map(([seq, prevHash, hash, canonical]) => ({ seq, prevHash, hash, canonical }));
      after = rows[rows.length - 1]![0];
    }
  }

  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]> {
    return this.exclusive(() =>
      this
        .prepared<[number, number], { case_id: string; reference: string; at: string; reason: string; by_whom: string; destroyed: string }>(
          'SELECT case_id, reference, at, reason, by_whom, destroyed FROM deletion_records ORDER BY at DESC, reference LIMIT ? OFFSET ?',
        )
        .all(limit, offset)
        .map((r) => ({
          caseId: r.case_id,
          reference: r.reference,
          at: r.at,
          reason: r.reason as DeletionRecord['reason'],
          by: r.by_whom,
          destroyed: JSON.parse(r.destroyed) as string[],
        })),
    );
  }

  getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], { json: string }>('SELECT json FROM organisations WHERE id = ?').get(id);
      return r ? (JSON.parse(r.json) as Organisation) : undefined;
    });
  }
  listOrganisations(): Promise<Organisation[]> {
    return this.exclusive(() => this.prepared<[], { json: string }>('SELECT json FROM organisations ORDER BY id').all().map((r) => JSON.parse(r.json) as Organisation));
  }
  putOrganisation(org: Organisation): Promise<void> {
    return this.exclusive(() => {
      this.prepared('INSERT INTO organisations (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json').run(org.id, JSON.stringify(org));
    });
  }
  getUser(id: string): Promise<User | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], { json: string }>('SELECT json FROM users WHERE id = ?').get(id);
      return r ? (JSON.parse(r.json) as User) : undefined;
    });
  }
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], { json: string }>('SELECT json FROM users WHERE aad_object_id = ?').get(aadObjectId);
      return r ? (JSON.parse(r.json) as User) : undefined;
    });
  }
  listUsers(): Promise<User[]> {
    return this.exclusive(() => this.prepared<[], { json: string }>('SELECT json FROM users ORDER BY id').all().map((r) => JSON.parse(r.json) as User));
  }
  putUser(user: User): Promise<void> {
    return this.exclusive(() => {
      this
        .prepared('INSERT INTO users (id, aad_object_id, json) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET aad_object_id = excluded.aad_object_id, json = excluded.json')
        .run(user.id, user.aadObjectId ?? null, JSON.stringify(user));
    });
  }

  // ---- the resident's access codes (ResidentAccessStore, issue 19) ----
  putAccessCode(c: ResidentAccessCode): Promise<void> {
    return this.exclusive(() => {
      this
        .prepared(
          `INSERT INTO resident_access_codes (reference, case_id, code_hash, issued_at, issued_by, origin, revoked_at, revoked_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (reference) DO UPDATE SET case_id = excluded.case_id, code_hash = excluded.code_hash, issued_at = excluded.issued_at, issued_by = excluded.issued_by,
             origin = excluded.origin, revoked_at = excluded.revoked_at, revoked_by = excluded.revoked_by`,
        )
        .run(c.reference, c.caseId, c.codeHash, c.issuedAt, c.issuedBy, c.origin, c.revokedAt ?? null, c.revokedBy ?? null);
    });
  }

  getAccessCode(reference: string): Promise<ResidentAccessCode | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], Record<string, string | null>>('SELECT * FROM resident_access_codes WHERE reference = ?').get(reference);
      if (!r) return undefined;
      const code: ResidentAccessCode = { reference: r.reference!, caseId: r.case_id!, codeHash: r.code_hash!, issuedAt: r.issued_at!, issuedBy: r.issued_by!, origin: r.origin! };
      if (r.revoked_at) code.revokedAt = r.revoked_at;
      if (r.revoked_by) code.revokedBy = r.revoked_by;
      return code;
    });
  }

  getResidentState(key: string): Promise<string | undefined> {
    return this.exclusive(() => this.prepared<[string], { json: string }>('SELECT json FROM resident_state WHERE key = ?').get(key)?.json);
  }

  putResidentState(key: string, kind: string, json: string): Promise<void> {
    return this.exclusive(() => {
      this.prepared('INSERT INTO resident_state (key, kind, json) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, json = excluded.json').run(key, kind, json);
    });
  }

  listResidentState(kind: string): Promise<{ key: string; json: string }[]> {
    return this.exclusive(() => this.prepared<[string], { key: string; json: string }>('SELECT key, json FROM resident_state WHERE kind = ? ORDER BY key').all(kind));
  }

  // ---- ReferenceStore (core/reference-data.ts): versions, append-only ----

  /** the newest version as last read (a command reads it on every run: parsed again only when a new one came). */
  private latestReference?: ReferenceVersion;

  listReferenceVersions(): Promise<ReferenceVersion[]> {
    return this.exclusive(() => this.prepared<[], { json: string }>('SELECT json FROM reference_versions ORDER BY version').all().map((r) => JSON.parse(r.json) as ReferenceVersion));
  }

  latestReferenceVersion(): Promise<ReferenceVersion | undefined> {
    return this.exclusive(() => {
      const newest = this.prepared<[], { v: number | null }>('SELECT MAX(version) AS v FROM reference_versions').get()?.v ?? null;
      if (newest === null) return undefined;
      if (this.latestReference?.version !== newest) {
        const row = this.prepared<[number], { json: string }>('SELECT json FROM reference_versions WHERE version = ?').get(newest);
        this.latestReference = JSON.parse(row!.json) as ReferenceVersion;
      }
      return this.latestReference;
    });
  }

  /** The version, the command's record and its audit rows in one transaction; a taken number is a conflict. */
  commitReferenceVersion(version: ReferenceVersion, written: { command: CommandRecord | null; audit: readonly AuditInput[] }): Promise<void> {
    return this.transaction(async (tx) => {
      const newest = this.prepared<[], { v: number | null }>('SELECT MAX(version) AS v FROM reference_versions').get()?.v ?? 0;
      if (version.version !== newest + 1) throw versionConflict(version.version - 1, newest);
      this.prepared('INSERT INTO reference_versions (version, valid_from, json) VALUES (?, ?, ?)').run(version.version, version.validFrom, JSON.stringify(version));
      if (written.command) await tx.putCommand(written.command);
      if (written.audit.length > 0) await tx.appendAudit([...written.audit]);
    });
  }

  acquireLease(name: string, holder: string, ttlMs: number, now: Date = new Date()): Promise<boolean> {
    return this.exclusive(() => {
      const at = now.toISOString();
      const until = new Date(now.getTime() + ttlMs).toISOString();
      // One statement, atomic across processes on the same file: insert, or take over an expired lease.
      const info = this
        .prepared(
          `INSERT INTO job_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
           WHERE job_leases.expires_at <= excluded.acquired_at`,
        )
        .run(name, holder, at, until);
      return info.changes === 1;
    });
  }
  releaseLease(name: string, holder: string): Promise<void> {
    return this.exclusive(() => {
      this.prepared('DELETE FROM job_leases WHERE name = ? AND holder = ?').run(name, holder);
    });
  }

  // ---- signaaltafel sessions (MeetingStore, issue 5) ----
  getMeeting(id: string): Promise<MeetingSession | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], { json: string }>('SELECT json FROM meetings WHERE id = ?').get(id);
      return r ? (JSON.parse(r.json) as MeetingSession) : undefined;
    });
  }
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined> {
    return this.exclusive(() => {
      const r = this.prepared<[string], { json: string }>('SELECT json FROM meetings WHERE teams_meeting_id = ?').get(teamsMeetingId);
      return r ? (JSON.parse(r.json) as MeetingSession) : undefined;
    });
  }
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]> {
    return this.exclusive(() =>
      this
        .prepared<[number, number], { json: string }>('SELECT json FROM meetings ORDER BY scheduled_on DESC, id LIMIT ? OFFSET ?')
        .all(query.limit, query.offset)
        .map((r) => JSON.parse(r.json) as MeetingSession),
    );
  }
  insertMeeting(m: MeetingSession): Promise<void> {
    return this.exclusive(() => {
      const info = this
        .prepared('INSERT INTO meetings (id, teams_meeting_id, version, status, scheduled_on, json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(m.id, m.teamsMeetingId, m.version, m.status, m.scheduledOn, JSON.stringify(m));
      if (info.changes !== 1) throw new DomainError('MEETING.ALREADY_EXISTS');
    });
  }
  updateMeeting(m: MeetingSession, expectedVersion: number): Promise<void> {
    return this.exclusive(() => {
      const info = this
        .prepared('UPDATE meetings SET version = ?, status = ?, scheduled_on = ?, json = ? WHERE id = ? AND version = ?')
        .run(m.version, m.status, m.scheduledOn, JSON.stringify(m), m.id, expectedVersion);
      if (info.changes !== 1) throw new DomainError('MEETING.VERSION_CONFLICT');
    });
  }

  // ---- the bot's queue, conversation references and cursors (BotStore, issue 4): see bot-store.ts ----
  private readonly bot: BotStore;
  enqueueOutbox: BotStore['enqueueOutbox'] = (m) => this.bot.enqueueOutbox(m);
  claimOutbox: BotStore['claimOutbox'] = (o, n, l, k) => this.bot.claimOutbox(o, n, l, k);
  renewOutboxLease: BotStore['renewOutboxLease'] = (i, o, l) => this.bot.renewOutboxLease(i, o, l);
  completeOutbox: BotStore['completeOutbox'] = (i, o, s, a, n) => this.bot.completeOutbox(i, o, s, a, n);
  failOutbox: BotStore['failOutbox'] = (i, o, e, n) => this.bot.failOutbox(i, o, e, n);
  listOutbox: BotStore['listOutbox'] = (f) => this.bot.listOutbox(f);
  releaseOutboxFor: BotStore['releaseOutboxFor'] = (u, n) => this.bot.releaseOutboxFor(u, n);
  putConversation: BotStore['putConversation'] = (c) => this.bot.putConversation(c);
  getConversation: BotStore['getConversation'] = (u) => this.bot.getConversation(u);
  getCursor: BotStore['getCursor'] = (n) => this.bot.getCursor(n);
  advanceCursor: BotStore['advanceCursor'] = (n, f, t) => this.bot.advanceCursor(n, f, t);
  listCasesBroughtInBy: BotStore['listCasesBroughtInBy'] = (u, l) => this.bot.listCasesBroughtInBy(u, l);

  close(): Promise<void> {
    return this.exclusive(async () => {
      await this.checkpointer?.stop();
      this.db.close();
    });
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version));
  // Versions are owned by different features and may land out of order or with gaps (4 before 3): apply
  // every missing one, in version order; a version is never applied twice.
  const ordered = [...MIGRATIONS].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (i > 0 && ordered[i - 1]!.version === m.version) throw new Error(`duplicate migration version ${m.version}`);
  });
  for (const m of ordered) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}
