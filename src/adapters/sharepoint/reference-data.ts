/**
 * The reference data's versions on SharePoint (ReferenceStore port, issue 16, ADR 0017): one item per
 * version in SJVReferenceData (schema.ts, created by provisioning), the version number a unique indexed
 * column. Append-only: items are added, never changed or removed.
 *
 * SharePoint has no transaction across lists. A version with a command record or audit rows is written as
 * one journalled transaction (ADR 0007, transaction.ts `commitWithReference`): the journal item first, then
 * the version item — the commit point, carrying the transaction's TxId; its unique number decides a race
 * between instances (409: REFERENCE.VERSION_CONFLICT, the journal item deleted, nothing else written) —,
 * then the command's idempotency record and the audit row, then the journal item is deleted. A crash after
 * the version item is rolled forward by the replay, one before it discarded: both or neither. The seed
 * (version 1: no command, no audit) is one single write and needs no journal.
 */
import type { IItems } from '@pnp/sp/items';
import type { AuditInput } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { CommandRecord } from '../../core/ports';
import type { ReferenceStore, ReferenceVersion } from '../../core/reference-data';
import { versionConflict } from '../../core/reference-data';
import type { ListQuery, SpItem } from './rest';
import { str } from './rest';
import type { ListKey } from './schema';
import { httpStatus, translate } from './sp-client';


/** SharePoint's multi-line text holds 63,999 characters in a list (as the journal's parts, journal.ts). */
export const REFERENCE_JSON_MAX = 63_999;

export interface ReferenceStoreDeps {
  items(key: ListKey): IItems;
  collect(key: ListKey, q: ListQuery): Promise<SpItem[]>;
  guard<T>(fn: () => Promise<T>): Promise<T>;
  /** one journalled transaction whose commit point `commit(txId)` adds (transaction.ts). */
  commitWithReference(reference: ReferenceVersion, commands: readonly CommandRecord[], audit: readonly AuditInput[], commit: (txId: string) => Promise<void>): Promise<void>;
}

const parse = (item: SpItem): ReferenceVersion => JSON.parse(typeof item.Json === 'string' ? item.Json : '{}') as ReferenceVersion;

export function sharePointReferenceStore(deps: ReferenceStoreDeps): ReferenceStore {
  /** the TxId the item of a version number carries ('' for none or the seed's). */
  const ownerOf = async (n: number): Promise<string> => str((await deps.collect('referenceData', { filter: `Version eq ${n}`, select: ['Version', 'TxId'], limit: 1 }))[0]?.TxId);
  const latest = (): Promise<ReferenceVersion | undefined> =>
    deps.guard(async () => {
      const [last] = await deps.collect('referenceData', { select: ['Version', 'Json'], orderBy: ['Version', false], limit: 1 });
      return last ? parse(last) : undefined;
    });
  return {
    listReferenceVersions: () => deps.guard(async () => (await deps.collect('referenceData', { select: ['Version', 'Json'], orderBy: ['Version', true] })).map(parse)),
    latestReferenceVersion: latest,
    async commitReferenceVersion(version: ReferenceVersion, written: { command: CommandRecord | null; audit: readonly AuditInput[] }): Promise<void> {
      const newest = (await latest())?.version ?? 0;
      if (version.version !== newest + 1) throw versionConflict(version.version - 1, newest);
      const json = JSON.stringify(version);
      if (json.length > REFERENCE_JSON_MAX) throw new DomainError('REFERENCE.INVALID', { reason: 'TOO_LARGE' });
      const add = async (txId: string | null): Promise<void> => {
        try {
          await deps.items('referenceData').add({ Title: `v${version.version}`, Version: version.version, ValidFrom: version.validFrom, Json: json, ...(txId ? { TxId: txId } : {}) });
        } catch (e) {
          // 409: the number is taken — by another instance, or by this very add on an attempt whose answer was
          // lost and which PnP retried (503/504): then the item carries this transaction's TxId and is ours.
          if (httpStatus(e) === 409 && txId && (await ownerOf(version.version)) === txId) return;
          if (httpStatus(e) === 409) throw versionConflict(version.version - 1, version.version);
          throw translate(e);
        }
      };
      if (!written.command && written.audit.length === 0) return add(null);
      await deps.commitWithReference(version, written.command ? [written.command] : [], written.audit, add);
    },
  };
}
