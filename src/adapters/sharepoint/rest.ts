/**
 * The REST plumbing every part of the SharePoint store shares: OData literals and filters, the etag of an
 * item read, and `SpLists` — one list's items, queries paged with $top ≤ 5,000 following odata.nextLink,
 * upserts by item id, deletes that tolerate an item already gone. Every request goes through PnP
 * behaviours (sp-client.ts), which retry 429/503/504 honouring Retry-After; `guard` turns a request that
 * still fails into STORE.UNAVAILABLE.
 */
import type { IItems } from '@pnp/sp/items';
import type { SPFI } from '@pnp/sp';
import { odataLiteral } from '../../../packages/contract/src/sharepoint';
import type { ListKey } from './schema';
import { LISTS } from './schema';
import { httpStatus, translate } from './sp-client';

/** A list item as SharePoint returns it (minimal metadata JSON). */
export type SpItem = Record<string, unknown> & { Id: number };

/** A list query: filter and sort on indexed columns only; `limit` caps the items collected over all pages. */
export interface ListQuery {
  filter?: string;
  select?: string[];
  orderBy?: [string, boolean];
  limit?: number;
}

/** OData string literal. */
/** An OData text literal: the column contract's quoting (a quote doubled), which the web part uses too. */
export const lit = odataLiteral;
export const eq = (field: string, value: string): string => `${field} eq ${lit(value)}`;
export const anyOf = (field: string, values: readonly string[]): string => `(${values.map((v) => eq(field, v)).join(' or ')})`;
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const json = <T>(v: unknown): T | undefined => (typeof v === 'string' && v.length > 0 ? (JSON.parse(v) as T) : undefined);
export const etagOf = (item: SpItem): string => str(item['odata.etag']) || '*';
export const chunk = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Runs `fn`, translating transport errors into coded ones (STORE.UNAVAILABLE). */
export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translate(e);
  }
}

/** The lists of the site (schema.ts), queried page by page. */
export class SpLists {
  constructor(
    readonly sp: SPFI,
    /** items per page of every list query (≤ 5,000). */
    readonly pageSize: number,
  ) {}

  items(key: ListKey): IItems {
    return this.sp.web.lists.getByTitle(LISTS[key].title).items;
  }

  /** Runs a query page by page (odata.nextLink) and collects up to `limit` items. */
  async collect(key: ListKey, q: ListQuery): Promise<SpItem[]> {
    let query = this.items(key).top(Math.min(q.limit ?? this.pageSize, this.pageSize));
    if (q.filter) query = query.filter(q.filter);
    if (q.select) query = query.select('Id', ...q.select);
    if (q.orderBy) query = query.orderBy(q.orderBy[0], q.orderBy[1]);
    const out: SpItem[] = [];
    for await (const page of query as AsyncIterable<SpItem[]>) {
      out.push(...page);
      if (q.limit !== undefined && out.length >= q.limit) return out.slice(0, q.limit);
    }
    return out;
  }

  async upsert(key: ListKey, itemId: number | undefined, fields: Record<string, unknown>): Promise<number> {
    if (itemId !== undefined) {
      await this.items(key).getById(itemId).update(fields);
      return itemId;
    }
    const added = (await this.items(key).add(fields)) as SpItem;
    return added.Id;
  }

  /** Deletes an item; one that is already gone (a replay, another instance) is fine. */
  async removeOnce(key: ListKey, itemId: number): Promise<void> {
    try {
      await this.items(key).getById(itemId).delete();
    } catch (e) {
      if (httpStatus(e) !== 404) throw e;
    }
  }
}
