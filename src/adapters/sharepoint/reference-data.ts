/**
 * The reference data's versions on SharePoint (ReferenceStore port, issue 16, ADR 0017): one item per
 * version in SJVReferenceData (schema.ts, created by provisioning), the version number a unique indexed
 * column. Append-only: items are added, never changed or removed.
 *
 * SharePoint has no transaction across lists: the version item is added first — its unique number decides
 * a race between instances (409: REFERENCE.VERSION_CONFLICT, nothing else written) — and the command's
 * idempotency record and audit row follow in the store's own (journalled) transaction.
 */
import type { IItems } from '@pnp/sp/items';
import type { AuditInput } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { CommandRecord, StoreTx } from '../../core/ports';
import type { ReferenceStore, ReferenceVersion } from '../../core/reference-data';
import { versionConflict } from '../../core/reference-data';
import type { ListQuery, SpItem } from './rest';
import type { ListKey } from './schema';
import { httpStatus, translate } from './sp-client';


/** SharePoint's multi-line text holds 63,999 characters in a list (as the journal's parts, journal.ts). */
export const REFERENCE_JSON_MAX = 63_999;

export interface ReferenceStoreDeps {
  items(key: ListKey): IItems;
  collect(key: ListKey, q: ListQuery): Promise<SpItem[]>;
  guard<T>(fn: () => Promise<T>): Promise<T>;
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
}

const parse = (item: SpItem): ReferenceVersion => JSON.parse(typeof item.Json === 'string' ? item.Json : '{}') as ReferenceVersion;

export function sharePointReferenceStore(deps: ReferenceStoreDeps): ReferenceStore {
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
      try {
        await deps.items('referenceData').add({ Title: `v${version.version}`, Version: version.version, ValidFrom: version.validFrom, Json: json });
      } catch (e) {
        if (httpStatus(e) === 409) throw versionConflict(version.version - 1, version.version);
        throw translate(e);
      }
      if (!written.command && written.audit.length === 0) return;
      await deps.transaction(async (tx) => {
        if (written.command) await tx.putCommand(written.command);
        if (written.audit.length > 0) await tx.appendAudit([...written.audit]);
      });
    },
  };
}
