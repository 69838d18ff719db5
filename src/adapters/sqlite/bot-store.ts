/**
 * The bot's storage on SQLite (BotStore port, issue 4): the proactive message queue, conversation
 * references and audit cursors. Every claim is one UPDATE … RETURNING statement, atomic across the
 * processes that share the database file, so that two server instances never hold the same message.
 */
import type Database from 'better-sqlite3';
import type { CaseRecord } from '../../core/model';
import type { BotStore, NewOutboxMessage, OutboxMessage, StoredConversation } from '../../core/ports';

interface OutboxRow {
  id: string;
  dedupe_key: string;
  kind: string;
  recipient_user_id: string;
  case_id: string | null;
  reference: string | null;
  payload: string;
  status: OutboxMessage['status'];
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  dedupeKey: r.dedupe_key,
  kind: r.kind,
  recipientUserId: r.recipient_user_id,
  caseId: r.case_id,
  reference: r.reference,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  createdAt: r.created_at,
  doneAt: r.done_at,
});

/** BotStore on one connection; `run` serialises each call with the store's other calls. */
export function sqliteBotStore(
  db: Database.Database,
  run: <T>(fn: () => T) => Promise<T>,
  readCases: (where: string, params: unknown[]) => CaseRecord[],
): BotStore {
  return {
    enqueueOutbox: (messages: NewOutboxMessage[]) =>
      run(() => {
        const ins = db.prepare(
          `INSERT INTO bot_outbox (id, dedupe_key, kind, recipient_user_id, case_id, reference, payload, next_attempt_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
        );
        let inserted = 0;
        db.transaction(() => {
          for (const m of messages) {
            inserted += ins.run(m.id, m.dedupeKey, m.kind, m.recipientUserId, m.caseId, m.reference, JSON.stringify(m.payload), m.createdAt, m.createdAt).changes;
          }
        }).immediate();
        return inserted;
      }),
    claimOutbox: (owner, now, leaseUntil, limit) =>
      run(() =>
        db
          .prepare<[string, string, string, string, number], OutboxRow>(
            `UPDATE bot_outbox SET lease_owner = ?, lease_until = ?
             WHERE id IN (SELECT id FROM bot_outbox
                          WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                          ORDER BY next_attempt_at, created_at LIMIT ?)
             RETURNING *`,
          )
          .all(owner, leaseUntil, now, now, limit)
          .map(toMessage),
      ),
    renewOutboxLease: (id, owner, leaseUntil) =>
      run(() => db.prepare(`UPDATE bot_outbox SET lease_until = ? WHERE id = ? AND lease_owner = ? AND status = 'pending'`).run(leaseUntil, id, owner).changes === 1),
    completeOutbox: (id, owner, status, at, note) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE bot_outbox SET status = ?, done_at = ?, lease_until = NULL, last_error = COALESCE(?, last_error),
                 attempts = attempts + (CASE WHEN ? = 'dead' THEN 1 ELSE 0 END)
               WHERE id = ? AND lease_owner = ? AND status = 'pending'`,
            )
            .run(status, at, note ?? null, status, id, owner).changes === 1,
      ),
    failOutbox: (id, owner, error, nextAttemptAt) =>
      run(
        () =>
          db
            .prepare(
              `UPDATE bot_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, lease_until = NULL, lease_owner = NULL
               WHERE id = ? AND lease_owner = ? AND status = 'pending'`,
            )
            .run(error, nextAttemptAt, id, owner).changes === 1,
      ),
    listOutbox: (filter) =>
      run(() => {
        const where: string[] = [];
        const params: unknown[] = [];
        if (filter.status) {
          where.push('status = ?');
          params.push(filter.status);
        }
        if (filter.minAttempts !== undefined) {
          where.push('attempts >= ?');
          params.push(filter.minAttempts);
        }
        params.push(filter.limit);
        return db
          .prepare<unknown[], OutboxRow>(`SELECT * FROM bot_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id LIMIT ?`)
          .all(...params)
          .map(toMessage);
      }),
    releaseOutboxFor: (recipientUserId, now) =>
      run(
        () =>
          db
            .prepare(`UPDATE bot_outbox SET next_attempt_at = ? WHERE recipient_user_id = ? AND status = 'pending' AND next_attempt_at > ?`)
            .run(now, recipientUserId, now).changes,
      ),
    putConversation: (c: StoredConversation) =>
      run(() => {
        db.prepare(
          `INSERT INTO bot_conversations (user_id, channel_user_id, locale, reference, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET channel_user_id = excluded.channel_user_id, locale = excluded.locale,
             reference = excluded.reference, updated_at = excluded.updated_at`,
        ).run(c.userId, c.channelUserId, c.locale, JSON.stringify(c.reference), c.updatedAt);
      }),
    getConversation: (userId) =>
      run(() => {
        const r = db
          .prepare<[string], { user_id: string; channel_user_id: string; locale: string; reference: string; updated_at: string }>('SELECT * FROM bot_conversations WHERE user_id = ?')
          .get(userId);
        return r
          ? { userId: r.user_id, channelUserId: r.channel_user_id, locale: r.locale, reference: JSON.parse(r.reference) as Record<string, unknown>, updatedAt: r.updated_at }
          : undefined;
      }),
    getCursor: (name) => run(() => db.prepare<[string], { position: number }>('SELECT position FROM bot_cursors WHERE name = ?').get(name)?.position ?? 0),
    advanceCursor: (name, from, to) =>
      run(() => {
        if (from === 0) {
          const inserted = db.prepare('INSERT INTO bot_cursors (name, position) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, to).changes === 1;
          if (inserted) return true;
        }
        return db.prepare('UPDATE bot_cursors SET position = ? WHERE name = ? AND position = ?').run(to, name, from).changes === 1;
      }),
    listCasesBroughtInBy: (userId, limit) => run(() => readCases('inbrenger_user = ? ORDER BY created_at DESC, id LIMIT ?', [userId, limit])),
  };
}
