/** The leases of scheduled jobs on SharePoint: one item per lease in SJVLeases (unique LeaseName). */
import type { Clock } from '../../core/ports';
import type { SpLists } from './rest';
import { eq, etagOf, guard, str } from './rest';
import { httpStatus } from './sp-client';

/** The leases of the site. */
export class LeaseList {
  constructor(
    private readonly lists: SpLists,
    private readonly clock: Clock,
  ) {}

  /** Takes a free or expired lease (no renewal), with optimistic concurrency: unique name on insert, If-Match on take-over. */
  acquireLease(name: string, holder: string, ttlMs: number, now: Date = this.clock.now()): Promise<boolean> {
    return guard(async () => {
      const at = now.toISOString();
      const fields = { Title: name, LeaseName: name, Holder: holder, AcquiredAt: at, ExpiresAt: new Date(now.getTime() + ttlMs).toISOString() };
      const [row] = await this.lists.collect('leases', { filter: eq('LeaseName', name), select: ['LeaseName', 'Holder', 'ExpiresAt'], limit: 1 });
      try {
        if (!row) await this.lists.items('leases').add(fields);
        else if (str(row.ExpiresAt) <= at) await this.lists.items('leases').getById(row.Id).update(fields, etagOf(row));
        else return false;
        return true;
      } catch (e) {
        const status = httpStatus(e);
        if (status === 412 || status === 409) return false; // another instance was first
        throw e;
      }
    });
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return guard(async () => {
      const [row] = await this.lists.collect('leases', { filter: eq('LeaseName', name), select: ['LeaseName', 'Holder'], limit: 1 });
      if (row && row.Holder === holder) await this.lists.items('leases').getById(row.Id).delete(etagOf(row));
    });
  }
}
