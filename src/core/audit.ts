/**
 * The audit log is append-only and hash-chained: each row carries the hash of the previous row, so that
 * altering, removing or reordering a row breaks the chain at that point. No case content is ever
 * written here: actor, role, case, phase, action, groups and purpose only.
 */
import { createHash } from 'node:crypto';
import type { DataGroup, Phase, Role } from './model';

export type AuditAction = 'create' | 'read' | 'update' | 'export' | 'delete' | 'transition' | 'refuse';

export interface AuditInput {
  at: string;
  actorId: string;
  role: Role | 'system';
  caseId: string | null;
  reference: string | null;
  phase: Phase | null;
  action: AuditAction;
  groups: DataGroup[];
  purpose: string;
  commandId: string | null;
}

export interface AuditRow extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical serialisation: a JSON array in fixed order (groups sorted), so that the hash does not depend
 * on how a store returns rows. A store may build this same string itself (SQLite: json_array) to verify
 * without materialising every row; a mismatch is always re-checked on the full row.
 */
export function canonical(seq: number, e: AuditInput, prevHash: string): string {
  return JSON.stringify([seq, e.at, e.actorId, e.role, e.caseId, e.reference, e.phase, e.action, [...e.groups].sort(), e.purpose, e.commandId, prevHash]);
}

export function hashRow(seq: number, entry: AuditInput, prevHash: string): string {
  return sha256Hex(canonical(seq, entry, prevHash));
}

/** Turns new entries into chained rows after the given last row (or the genesis). */
export function chainRows(last: { seq: number; hash: string } | undefined, entries: readonly AuditInput[]): AuditRow[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return entries.map((e) => {
    seq += 1;
    const hash = hashRow(seq, e, prevHash);
    const row: AuditRow = { ...e, groups: [...e.groups].sort(), seq, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/** One link of the chain as a store can return it cheaply: the canonical string it built from the row's columns. */
export interface AuditLink {
  seq: number;
  prevHash: string;
  hash: string;
  canonical: string;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The outcome of a verification. Beyond the chain itself (ALTERED, MISSING, REORDERED), a store with
 * checkpoints (ADR 0009) reports TRUNCATED when the chain ends before the latest checkpoint (its newest rows
 * were removed) and DIVERGED when the checkpointed row is no longer the one that was anchored (the chain
 * was rewritten from there). `checkpointSeq`: the checkpoint compared against, or the one recorded now.
 */
export type AuditVerification =
  | { ok: true; rows: number; lastHash: string; checkpointSeq?: number }
  | { ok: false; rows: number; firstBadSeq: number; problem: 'ALTERED' | 'MISSING' | 'REORDERED' | 'TRUNCATED' | 'DIVERGED'; checkpointSeq?: number };

/** Incremental verifier: feed rows in sequence order; it reports the first row that breaks the chain. */
export class AuditVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private failure: AuditVerification | undefined;

  push(row: AuditRow): boolean {
    if (this.failure) return false;
    this.count += 1;
    if (row.seq !== this.expectedSeq) {
      // Stryker disable next-line EqualityOperator: equivalent — this line runs only when the two differ, so > and >= agree
      this.failure = { ok: false, rows: this.count - 1, firstBadSeq: this.expectedSeq, problem: row.seq > this.expectedSeq ? 'MISSING' : 'REORDERED' };
      return false;
    }
    if (row.prevHash !== this.prevHash) {
      this.failure = { ok: false, rows: this.count - 1, firstBadSeq: row.seq, problem: 'MISSING' };
      return false;
    }
    if (hashRow(row.seq, row, row.prevHash) !== row.hash) {
      this.failure = { ok: false, rows: this.count - 1, firstBadSeq: row.seq, problem: 'ALTERED' };
      return false;
    }
    this.prevHash = row.hash;
    this.expectedSeq += 1;
    return true;
  }

  /** A row whose hash the caller has already recomputed and found equal: only order and linkage are checked. */
  pushLink(link: AuditLink): boolean {
    if (this.failure) return false;
    this.count += 1;
    if (link.seq !== this.expectedSeq) {
      // Stryker disable next-line EqualityOperator: equivalent — this line runs only when the two differ, so > and >= agree
      this.failure = { ok: false, rows: this.count - 1, firstBadSeq: this.expectedSeq, problem: link.seq > this.expectedSeq ? 'MISSING' : 'REORDERED' };
      return false;
    }
    if (link.prevHash !== this.prevHash) {
      this.failure = { ok: false, rows: this.count - 1, firstBadSeq: link.seq, problem: 'MISSING' };
      return false;
    }
    this.prevHash = link.hash;
    this.expectedSeq += 1;
    return true;
  }

  /** The row at `seq` vanished while verifying. */
  missing(seq: number): AuditVerification {
    this.failure ??= { ok: false, rows: this.count, firstBadSeq: seq, problem: 'MISSING' };
    return this.failure;
  }

  result(): AuditVerification {
    return this.failure ?? { ok: true, rows: this.count, lastHash: this.prevHash };
  }
}

export function verifyRows(rows: Iterable<AuditRow>): AuditVerification {
  const v = new AuditVerifier();
  for (const row of rows) if (!v.push(row)) break;
  return v.result();
}
