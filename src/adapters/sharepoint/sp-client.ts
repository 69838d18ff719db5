/**
 * The server's PnP client for SharePoint: every request runs through PnP behaviours — default headers,
 * retries that honour 429/503/504 with Retry-After (BrowserFetchWithRetry; Node 20 has the fetch it uses),
 * JSON parsing with HttpRequestError on failure, and an app-only bearer token from a TokenProvider.
 *
 * Retry-After: SharePoint answers a throttled request with 429 or 503 and "a Retry-After header … indicating
 * how long the calling application should wait before retrying" (in seconds,
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 * PnP 4's BrowserFetchWithRetry waits `parseInt(Retry-After) * 1000` ms before the next attempt, and
 * doubles `retryIntervalMs` only when the header is absent. Every call of the store and of provisioning
 * goes through `connect` (no other fetch to SharePoint exists); tests/adapters/sharepoint/throttling.test.ts
 * checks that no retry comes before the header's seconds.
 */
import type { Queryable } from '@pnp/queryable';
import { BrowserFetchWithRetry, DefaultParse, HttpRequestError } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import type { SPFI } from '@pnp/sp';
import { DefaultHeaders, DefaultInit, spfi } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import '@pnp/sp/security';
import { DomainError } from '../../core/errors';
import type { TokenProvider } from './token';

export interface SharePointConnection {
  /** absolute URL of the Signaalpunt site, e.g. https://contoso.sharepoint.com/sites/signaalpunt */
  siteUrl: string;
  token: TokenProvider;
  /** attempts per request when SharePoint throttles (429) or is unavailable (503/504). */
  retries?: number;
  /** first back-off in ms when no Retry-After header is sent (doubles each time). */
  retryIntervalMs?: number;
}

/** Puts an app-only bearer token on every request (replaces PnP's auth stage). */
export function AppOnlyToken(provider: TokenProvider): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.auth.replace(async (url: URL, init: RequestInit) => {
      const token = await provider.getToken(`${url.protocol}//${url.host}`);
      (init.headers as Record<string, string>)['Authorization'] = `Bearer ${token}`;
      return [url, init];
    });
    return instance;
  };
}

export function connect(conn: SharePointConnection): SPFI {
  return spfi(conn.siteUrl.replace(/\/$/, '')).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: conn.retries ?? 6, interval: conn.retryIntervalMs ?? 250 }),
    DefaultParse(),
    AppOnlyToken(conn.token),
  );
}

export function httpStatus(e: unknown): number | undefined {
  if (e instanceof HttpRequestError) return e.status;
  const s = (e as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * Transport errors as coded errors: a 412 is an optimistic-concurrency conflict, everything else (throttled
 * past all retries, unavailable, network) is the store being unavailable. No response body travels along:
 * it may echo item values.
 */
export function translate(e: unknown): DomainError {
  if (e instanceof DomainError) return e;
  const status = httpStatus(e);
  if (status === 412) return new DomainError('CASE.VERSION_CONFLICT');
  return new DomainError('STORE.UNAVAILABLE', { reason: status ? `HTTP ${status}` : 'NETWORK' });
}
