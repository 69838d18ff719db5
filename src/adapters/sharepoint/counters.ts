/** The reference counters on SharePoint: one item per year in SJVCounters, incremented with If-Match. */
import { DomainError } from '../../core/errors';
import type { SpLists } from './rest';
import { eq, etagOf } from './rest';
import { httpStatus } from './sp-client';

/** The reference counters of the site. */
export class CounterList {
  constructor(private readonly lists: SpLists) {}

  /** Increments the counter of a year with optimistic concurrency (If-Match; 412 → read again). */
  async nextNumber(year: number): Promise<number> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const [row] = await this.lists.collect('counters', { filter: eq('Year', String(year)), select: ['Year', 'Last'], limit: 1 });
      try {
        if (!row) {
          await this.lists.items('counters').add({ Title: String(year), Year: String(year), Last: 1 });
          return 1;
        }
        const next = Number(row.Last) + 1;
        await this.lists.items('counters').getById(row.Id).update({ Last: next }, etagOf(row));
        return next;
      } catch (e) {
        const status = httpStatus(e);
        // 412: someone else incremented first; 409: someone else created the year's row first.
        if (status !== 412 && status !== 409) throw e;
      }
    }
    throw new DomainError('STORE.UNAVAILABLE', { reason: 'COUNTER_CONTENTION' });
  }
}
