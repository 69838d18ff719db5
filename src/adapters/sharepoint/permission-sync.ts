/**
 * Makes an item's role assignments exactly the desired set of readers (role definition "Read"):
 * break inheritance if the item still inherits (a new item inherits the list's locked-down permissions),
 * remove every assignment that is not desired — first, so that access is never broader in between — then
 * add the missing ones. Idempotent: a second run with the same readers changes nothing.
 *
 * Fail closed: when any step fails (after PnP's own retries), the item is reset to inherit from its list,
 * whose permissions grant no user or partner group anything, and the error is rethrown so that the caller
 * keeps the case on its reconcile backlog.
 */
import type { SPFI } from '@pnp/sp';
import type { IItem } from '@pnp/sp/items';
import type { Principal } from './permissions';

/** A failed sync; `lockedDown` tells whether the item was reset to its list's locked-down permissions. */
export class PermissionSyncError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly lockedDown: boolean,
  ) {
    super(lockedDown ? 'permission sync failed; item locked down' : 'permission sync failed; lock-down failed too');
    this.name = 'PermissionSyncError';
  }
}

/** SharePoint's role type of the built-in "Read" role definition. */
export const READER_ROLE_TYPE = 2;
/** …and of "Contribute" (add, edit and delete items): RoleType.Contributor. */
export const CONTRIBUTOR_ROLE_TYPE = 3;

export interface SyncOutcome {
  added: number;
  removed: number;
  skipped: boolean;
}

/** What PermissionSync needs of a list or an item (both are securable objects in PnP). */
type Securable = Pick<IItem, 'breakRoleInheritance' | 'roleAssignments'> & { select(...s: string[]): () => Promise<unknown> };

interface RoleAssignmentInfo {
  PrincipalId: number;
  RoleDefinitionBindings?: { Id: number }[];
}

export class PermissionSync {
  private readRoleId: number | undefined;
  private contributeRoleId: number | undefined;
  private readonly principalIds = new Map<string, number>();
  /** what this process last made true per item: skips a sync whose outcome is already in place. */
  private readonly applied = new Map<string, string>();

  constructor(private readonly sp: SPFI) {}

  async readRoleDefinitionId(): Promise<number> {
    if (this.readRoleId === undefined) {
      const def = (await this.sp.web.roleDefinitions.getByType(READER_ROLE_TYPE).select('Id')()) as { Id: number };
      this.readRoleId = def.Id;
    }
    return this.readRoleId;
  }

  async contributeRoleDefinitionId(): Promise<number> {
    if (this.contributeRoleId === undefined) {
      const def = (await this.sp.web.roleDefinitions.getByType(CONTRIBUTOR_ROLE_TYPE).select('Id')()) as { Id: number };
      this.contributeRoleId = def.Id;
    }
    return this.contributeRoleId;
  }

  /** The site principal id of a group (must exist: provisioning creates it) or a user (ensured). */
  async principalId(p: Principal): Promise<number> {
    const hit = this.principalIds.get(p.key);
    if (hit !== undefined) return hit;
    const id =
      p.kind === 'group'
        ? ((await this.sp.web.siteGroups.getByName(p.name).select('Id')()) as { Id: number }).Id
        : ((await this.sp.web.ensureUser(p.name)) as { Id: number }).Id;
    this.principalIds.set(p.key, id);
    return id;
  }

  /** Forgets cached principal ids and applied states (after groups were recreated, or for reconcile). */
  reset(): void {
    this.principalIds.clear();
    this.applied.clear();
  }

  async syncItem(listTitle: string, itemId: number, readers: readonly Principal[], force = false): Promise<SyncOutcome> {
    const key = `${listTitle}#${itemId}`;
    const want = readers.map((r) => r.key).sort().join('\n');
    if (!force && this.applied.get(key) === want) return { added: 0, removed: 0, skipped: true };
    try {
      const outcome = await this.apply(this.sp.web.lists.getByTitle(listTitle).items.getById(itemId), readers);
      this.applied.set(key, want);
      return outcome;
    } catch (e) {
      this.applied.delete(key);
      throw new PermissionSyncError(e, await this.lockDown(listTitle, itemId));
    }
  }

  /**
   * The same for a whole list (provisioning): its own permissions, exactly `readers` with Read and
   * `contributors` with Contribute.
   */
  async syncList(listTitle: string, readers: readonly Principal[], contributors: readonly Principal[] = []): Promise<SyncOutcome> {
    return this.apply(this.sp.web.lists.getByTitle(listTitle), readers, contributors);
  }

  private async apply(target: Securable, readers: readonly Principal[], contributors: readonly Principal[] = []): Promise<SyncOutcome> {
    const readRole = await this.readRoleDefinitionId();
    /** principal id → the one role definition it must have. */
    const desired = new Map<number, number>();
    for (const r of readers) desired.set(await this.principalId(r), readRole);
    if (contributors.length) {
      const contributeRole = await this.contributeRoleDefinitionId();
      for (const c of contributors) desired.set(await this.principalId(c), contributeRole);
    }
    const info = (await target.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments?: boolean };
    if (!info.HasUniqueRoleAssignments) await target.breakRoleInheritance(false, true);
    const current = (await target.roleAssignments.expand('RoleDefinitionBindings')()) as RoleAssignmentInfo[];
    let removed = 0;
    let added = 0;
    for (const ra of current) {
      for (const b of ra.RoleDefinitionBindings ?? []) {
        if (desired.get(ra.PrincipalId) === b.Id) continue;
        await target.roleAssignments.remove(ra.PrincipalId, b.Id);
        removed++;
      }
    }
    for (const [id, role] of desired) {
      if (current.some((ra) => ra.PrincipalId === id && (ra.RoleDefinitionBindings ?? []).some((b) => b.Id === role))) continue;
      await target.roleAssignments.add(id, role);
      added++;
    }
    return { added, removed, skipped: false };
  }

  /** Resets an item to its list's permissions (no user or partner access). False when that failed too. */
  async lockDown(listTitle: string, itemId: number): Promise<boolean> {
    try {
      await this.sp.web.lists.getByTitle(listTitle).items.getById(itemId).resetRoleInheritance();
      return true;
    } catch {
      // reason: not swallowed — the caller gets `lockedDown: false` in the PermissionSyncError it logs.
      return false;
    }
  }
}
