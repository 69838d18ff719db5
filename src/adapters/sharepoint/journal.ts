/**
 * The write-ahead journal of the SharePoint store (ADR 0007): one item in SJVJournal per transaction,
 * holding everything the transaction will write, so that a crash part-way through applying it can be
 * completed (rolled forward) or discarded by any server instance.
 *
 * PERSONAL DATA: the payload holds the transaction's case records in full (identity and contact
 * included while a case has them), its command records and audit entries. A journal item is transient:
 * it is deleted (permanently: DELETE, not the recycle bin; versioning is off on the list) as soon as the
 * transaction's writes are applied, and a crashed one as soon as another instance replays it. The list
 * is readable by the server's app identity only (broken inheritance, no user or group grants).
 *
 * Encoding: JSON → gzip → base64, split over Payload1..PayloadN plain multi-line text columns of at most
 * JOURNAL_PART_CHARS characters each (SharePoint's multi-line text holds 63,999 characters in a list).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AuditInput } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { CaseRecord } from '../../core/model';
import type { CommandRecord } from '../../core/ports';
import type { ReferenceVersion } from '../../core/reference-data';
import type { DeletionRecord } from '../../core/retention';

export const JOURNAL_PART_CHARS = 60_000;
export const JOURNAL_PARTS = 4;
export const JOURNAL_PAYLOAD_FIELDS: readonly string[] = Array.from({ length: JOURNAL_PARTS }, (_, i) => `Payload${i + 1}`);

export interface JournalCase {
  caseId: string;
  /** null: an insert. */
  expectedVersion: number | null;
  record: CaseRecord;
}

export interface JournalBody {
  v: 1;
  txId: string;
  /** in apply order; the first case's SJVCases item is the transaction's commit point. */
  cases: JournalCase[];
  /** cases whose command records are deleted (retention purge), before `commands` are written. */
  forgotten: string[];
  commands: CommandRecord[];
  /** entries, not rows: Seq and hashes are assigned when they are appended (after the last row then). */
  audit: AuditInput[];
  deletions: DeletionRecord[];
  /**
   * A reference data version (reference-data.ts, ADR 0017): its SJVReferenceData item, carrying TxId, is
   * the transaction's commit point instead of a case item (a transaction has cases or a version, not both).
   */
  reference?: ReferenceVersion;
}

/** The key an audit row of a journalled transaction carries (SJVAudit.TxKey): finds it again on replay. */
export const auditKey = (txId: string, index: number): string => `${txId}:${index}`;

/** The payload columns of a journal item. Throws before anything is written if it does not fit. */
export function encodeJournal(body: JournalBody): Record<string, string | null> {
  const packed = gzipSync(Buffer.from(JSON.stringify(body), 'utf8')).toString('base64');
  const parts = Math.ceil(packed.length / JOURNAL_PART_CHARS);
  if (parts > JOURNAL_PARTS) throw new DomainError('STORE.UNAVAILABLE', { reason: 'JOURNAL_TOO_LARGE' });
  return Object.fromEntries(JOURNAL_PAYLOAD_FIELDS.map((f, i) => [f, i < parts ? packed.slice(i * JOURNAL_PART_CHARS, (i + 1) * JOURNAL_PART_CHARS) : null]));
}

export function decodeJournal(item: Record<string, unknown>): JournalBody {
  const packed = JOURNAL_PAYLOAD_FIELDS.map((f) => (typeof item[f] === 'string' ? (item[f] as string) : '')).join('');
  const body = JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as JournalBody;
  if (body.v !== 1) throw new DomainError('INTERNAL.ERROR', { reason: 'JOURNAL_VERSION' });
  return body;
}
