/**
 * One write limit per user, whether the write comes over the API or as a card submit to the bot:
 * SJV_WRITE_RATE_LIMIT writes per user per minute. The API's write routes are limited by @fastify/rate-limit
 * (app.ts); card submits count in the same library's store (its LocalStore: a fixed one-minute window per
 * key), so the bot refuses exactly where the API answers 429.
 */
import type { WriteLimit } from '../../bot/app/types';

interface RateLimitStore {
  incr(key: string, cb: (err: Error | null, result: { current: number; ttl: number }) => void, timeWindow: number, max: number): void;
}
type RateLimitStoreClass = new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => RateLimitStore;

// reason: @fastify/rate-limit ships this store as CommonJS without a declaration; its shape is typed above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as RateLimitStoreClass;

const WINDOW_MS = 60_000;

/** The per-user write limit for the bot's card submits. */
export function userWriteLimit(writesPerMinute: number): WriteLimit {
  const store = new LocalStore(false, false, 5000);
  return (userId) =>
    new Promise((resolve, reject) => {
      store.incr(
        `u:${userId}`,
        (err, r) => {
          if (err) reject(err);
          else resolve(r.current <= writesPerMinute ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(r.ttl / 1000)) });
        },
        WINDOW_MS,
        writesPerMinute,
      );
    });
}
