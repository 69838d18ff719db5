/**
 * The permission sync calls of the store: after a write, every item of a case is made readable by exactly
 * the principals the policy table permits now (permissions.ts derives them, permission-sync.ts sets them,
 * fail-closed); a case whose sync failed stays on the backlog until reconcile repairs it.
 */
import type { Organisation, CaseRecord } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import type { Clock } from '../../core/ports';
import type { CaseItems, CaseRefs } from './case-items';
import type { StoreLogger } from './logger';
import { desiredPermissions } from './permissions';
import type { PermissionSync } from './permission-sync';
import { PermissionSyncError } from './permission-sync';
import type { RegistryLists } from './registry';
import type { SpLists } from './rest';
import { chunk, guard, str } from './rest';
import { LISTS } from './schema';
import { translate } from './sp-client';

/** The item permissions of the cases of the site. */
export class CasePermissions {
  /** cases whose permission sync failed: their items are locked down until reconcile succeeds. */
  private readonly backlog = new Set<string>();

  constructor(
    private readonly lists: SpLists,
    private readonly cases: CaseItems,
    private readonly registry: RegistryLists,
    private readonly permissions: PermissionSync,
    private readonly clock: Clock,
    private readonly policy: PolicyTable,
    private readonly log: StoreLogger,
  ) {}

  /**
   * Makes every item of a case readable by exactly the principals the policy table permits now.
   * On failure the item that failed is locked down (PermissionSync) and the case stays on the backlog.
   */
  async syncCase(record: CaseRecord, refs: CaseRefs, organisations: ReadonlyMap<string, Organisation>, force = false): Promise<boolean> {
    const now = this.clock.now().toISOString();
    try {
      const upns = await this.upnsOf([record.frame.inbrengerUserId]);
      for (const { item, readers } of desiredPermissions(record, organisations, now, this.policy, upns)) {
        const itemId = this.cases.itemIdOf(refs, item);
        if (itemId === undefined) continue;
        await this.permissions.syncItem(LISTS[item.list].title, itemId, readers, force);
      }
      this.backlog.delete(record.id);
      return true;
    } catch (e) {
      this.backlog.add(record.id);
      const cause = e instanceof PermissionSyncError ? e.cause : e;
      const lockedDown = e instanceof PermissionSyncError ? e.lockedDown : false;
      this.log.warn(lockedDown ? 'permission sync failed; item locked down until reconcile' : 'permission sync and lock-down failed; reconcile needed', {
        caseId: record.id,
        reason: translate(cause).details.reason ?? translate(cause).code,
      });
      return false;
    }
  }

  /** Case ids whose permission sync failed (their items are locked down). */
  permissionBacklog(): string[] {
    return [...this.backlog];
  }

  /**
   * Recomputes the permissions of every item of every case from the policy table (e.g. nightly, after an
   * organisation joined or left, or to clear the backlog). Reads the role assignments of every item.
   */
  async reconcilePermissions(): Promise<{ cases: number; failed: string[] }> {
    return guard(async () => {
      const organisations = await this.organisationMap();
      this.knownUpns.clear();
      const ids = (await this.lists.collect('cases', { select: ['CaseId'] })).map((c) => str(c.CaseId));
      const failed: string[] = [];
      for (const part of chunk(ids, 20)) {
        const loaded = await this.cases.load(part);
        for (const { record, refs } of loaded.values()) {
          if (!(await this.syncCase(record, refs, organisations, true))) failed.push(record.id);
        }
      }
      return { cases: ids.length, failed };
    });
  }

  /** UPNs of users from the registry (SharePoint resolves a person by UPN); remembered per instance, a UPN rarely changes. */
  private readonly knownUpns = new Map<string, string>();
  private async upnsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    for (const id of userIds) {
      if (!id || this.knownUpns.has(id)) continue;
      // '' remembers "no UPN in the registry" (reconcile forgets it, so a later sign-in is picked up there).
      this.knownUpns.set(id, (await this.registry.getUser(id))?.upn ?? '');
    }
    return this.knownUpns;
  }

  async organisationMap(): Promise<Map<string, Organisation>> {
    return new Map((await this.registry.listOrganisations()).map((o) => [o.id, o]));
  }
}
