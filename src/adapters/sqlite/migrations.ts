/** Schema migrations of the embedded store, applied in order, each once, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases, registry, commands, audit, retention',
    sql: `
      CREATE TABLE organisations (id TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE users (id TEXT PRIMARY KEY, aad_object_id TEXT UNIQUE, json TEXT NOT NULL);
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        phase TEXT NOT NULL,
        status TEXT NOT NULL,
        inbrenger_org TEXT NOT NULL,
        inbrenger_user TEXT NOT NULL,
        created_at TEXT NOT NULL,
        phase_since TEXT NOT NULL,
        informing_due TEXT,
        enrichment_due TEXT,
        retention_until TEXT,
        frame TEXT NOT NULL,
        concern TEXT NOT NULL,
        identity TEXT,
        enrichment TEXT NOT NULL,
        discussion TEXT,
        contact TEXT,
        follow_up TEXT,
        reflection TEXT NOT NULL
      );
      CREATE INDEX cases_phase ON cases (phase, created_at DESC);
      CREATE INDEX cases_org ON cases (inbrenger_org, created_at DESC);
      CREATE INDEX cases_status ON cases (status, created_at DESC);
      CREATE INDEX cases_created ON cases (created_at DESC);
      CREATE INDEX cases_inbrenger_user ON cases (inbrenger_user);
      CREATE INDEX cases_retention ON cases (retention_until) WHERE phase = 'CLOSED';
      CREATE INDEX cases_enrichment_due ON cases (enrichment_due) WHERE enrichment_due IS NOT NULL;
      CREATE INDEX cases_informing_due ON cases (informing_due) WHERE informing_due IS NOT NULL;
      CREATE TABLE case_relations (
        case_id TEXT NOT NULL REFERENCES cases (id),
        organisation_id TEXT NOT NULL,
        relation TEXT NOT NULL,
        PRIMARY KEY (case_id, organisation_id, relation)
      ) WITHOUT ROWID;
      CREATE INDEX case_relations_org ON case_relations (organisation_id, relation, case_id);
      CREATE TABLE reference_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
      CREATE TABLE commands (
        command_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        case_id TEXT,
        result TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        role TEXT NOT NULL,
        case_id TEXT,
        reference TEXT,
        phase TEXT,
        action TEXT NOT NULL,
        groups TEXT NOT NULL,
        purpose TEXT NOT NULL,
        command_id TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_case ON audit (case_id, seq);
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
      CREATE TABLE deletion_records (
        case_id TEXT PRIMARY KEY,
        reference TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT NOT NULL,
        by_whom TEXT NOT NULL,
        destroyed TEXT NOT NULL,
        retention_until TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'job leases: a scheduled job runs once across server instances',
    sql: `
      CREATE TABLE job_leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'bot: proactive message queue with leases, conversation references, audit cursors (issue 4)',
    sql: `
      CREATE TABLE bot_outbox (
        id TEXT PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        recipient_user_id TEXT NOT NULL,
        case_id TEXT,
        reference TEXT,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until TEXT,
        last_error TEXT,
        created_at TEXT NOT NULL,
        done_at TEXT
      );
      CREATE INDEX bot_outbox_due ON bot_outbox (status, next_attempt_at);
      CREATE TABLE bot_conversations (
        user_id TEXT PRIMARY KEY,
        channel_user_id TEXT NOT NULL,
        locale TEXT NOT NULL,
        reference TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE bot_cursors (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'signaaltafel sessions: agenda, stage item, linked Teams meeting (issue 5)',
    sql: `
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        teams_meeting_id TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        status TEXT NOT NULL,
        scheduled_on TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX meetings_scheduled ON meetings (scheduled_on DESC, id);
    `,
  },
  {
    version: 5,
    name: 'commands by case: the retention purge forgets a case\'s idempotency records',
    sql: `
      CREATE INDEX commands_case ON commands (case_id) WHERE case_id IS NOT NULL;
    `,
  },
  {
    version: 12,
    name: 'no retention date after a purge: it may be a birthday (group C, issue 12)',
    sql: `
      ALTER TABLE deletion_records DROP COLUMN retention_until;
      UPDATE cases SET
        frame = json_remove(frame, '$.retentionUntil'),
        reflection = json_remove(reflection, '$.retentionUntil')
      WHERE phase = 'PURGED';
    `,
  },
  {
    version: 13,
    name: 'a partner\'s case list: relations carry the case\'s phase and creation time; ordered, covering indexes for its branches (issue 13)',
    sql: `
      ALTER TABLE case_relations ADD COLUMN phase TEXT NOT NULL DEFAULT '';
      ALTER TABLE case_relations ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
      UPDATE case_relations SET
        phase = (SELECT c.phase FROM cases c WHERE c.id = case_relations.case_id),
        created_at = (SELECT c.created_at FROM cases c WHERE c.id = case_relations.case_id);
      DROP INDEX IF EXISTS case_relations_org;
      CREATE INDEX case_relations_org ON case_relations (organisation_id, relation, created_at DESC, case_id, phase);
      DROP INDEX IF EXISTS cases_phase;
      CREATE INDEX cases_phase ON cases (phase, created_at DESC, id);
      DROP INDEX IF EXISTS cases_inbrenger_user;
      CREATE INDEX cases_inbrenger_user ON cases (inbrenger_user, created_at DESC, id, phase);
    `,
  },
  {
    version: 14,
    name: 'the resident\'s access codes (one keyed hash per kenmerk, never the code) and the resident server\'s attempt counters and requests (issue 19, ADR 0011)',
    sql: `
      CREATE TABLE resident_access_codes (
        reference TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        origin TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT
      );
      CREATE TABLE resident_state (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX resident_state_kind ON resident_state (kind, key);
    `,
  },
  {
    version: 17,
    name: 'one index fewer on cases: a status is a set of phases, listed through cases_phase (issue 17: each index is a page of log per submit)',
    sql: `
      DROP INDEX IF EXISTS cases_status;
    `,
  },
  {
    version: 18,
    name: 'reference data as versions: catalogue entries, local offer, registry (issue 16, ADR 0017); version 1 is seeded from the constants on first use',
    sql: `
      CREATE TABLE reference_versions (
        version INTEGER PRIMARY KEY,
        valid_from TEXT NOT NULL,
        json TEXT NOT NULL
      );
    `,
  },
];
