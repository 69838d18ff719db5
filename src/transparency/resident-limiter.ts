/**
 * Attempt limits of the resident page (issue 19, ADR 0011), kept in the store so that every instance
 * sees the same counts. Three counters per attempt:
 * - per client address (`ip`): growing gaps between failures, a lock after `ipLockAfter` failures;
 * - per kenmerk AND address (`refip`): a lock after `refIpLockAfter` failures — the attacker's address is
 *   locked out of that kenmerk, the resident's own address is not;
 * - per kenmerk from all addresses (`ref`): after `refSlowAfter` failures a growing gap between attempts,
 *   capped at `maxDelayMs` and NEVER a lock — so many addresses together cannot guess faster than one
 *   attempt per gap, and the honest resident gets in once the attacker stops and the gap has passed.
 * Failures older than `windowMinutes` are forgotten. Addresses are stored only as a keyed hash.
 */
import { createHmac } from 'node:crypto';

export interface LimiterConfig {
  ipLockAfter: number;
  refIpLockAfter: number;
  refSlowAfter: number;
  lockMinutes: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMinutes: number;
}

export const DEFAULT_LIMITS: LimiterConfig = { ipLockAfter: 30, refIpLockAfter: 5, refSlowAfter: 10, lockMinutes: 15, baseDelayMs: 500, maxDelayMs: 30_000, windowMinutes: 60 };

export interface AttemptState {
  failures: number;
  lastAt: string;
  /** no attempt is checked before this moment. */
  notBefore?: string;
  lockedUntil?: string;
  /** the kenmerk the counter is about (absent for a pure address counter). */
  reference?: string;
}

export interface StateStore {
  getResidentState(key: string): Promise<string | undefined>;
  putResidentState(key: string, kind: string, json: string): Promise<void>;
  listResidentState(kind: string): Promise<{ key: string; json: string }[]>;
}

export type Gate = { open: true } | { open: false; reason: 'locked' | 'wait'; until: string };

/** the gap after `n` failures: base × 2^(n−1), capped. */
export const delayAfter = (n: number, c: LimiterConfig): number => (n <= 0 ? 0 : Math.min(c.maxDelayMs, c.baseDelayMs * 2 ** Math.min(n - 1, 30)));

export class AttemptLimiter {
  constructor(
    private readonly store: StateStore,
    private readonly secret: Buffer,
    readonly config: LimiterConfig,
  ) {}

  private keys(reference: string, address: string): { ip: string; refip: string; ref: string } {
    const a = createHmac('sha256', this.secret).update(`address\u0000${address}`).digest('hex').slice(0, 32);
    return { ip: `ip:${a}`, refip: `refip:${reference}|${a}`, ref: `ref:${reference}` };
  }

  private async read(key: string, now: Date): Promise<AttemptState | undefined> {
    const raw = await this.store.getResidentState(key);
    if (!raw) return undefined;
    const s = JSON.parse(raw) as AttemptState;
    const stale = now.getTime() - Date.parse(s.lastAt) > this.config.windowMinutes * 60_000 && !(s.lockedUntil && s.lockedUntil > now.toISOString());
    return stale ? undefined : s;
  }

  /** Whether an attempt for `reference` from `address` may be checked now. */
  async gate(reference: string, address: string, now: Date): Promise<Gate> {
    const k = this.keys(reference, address);
    const at = now.toISOString();
    const states = await Promise.all([this.read(k.ip, now), this.read(k.refip, now), this.read(k.ref, now)]);
    for (const s of states) if (s?.lockedUntil && s.lockedUntil > at) return { open: false, reason: 'locked', until: s.lockedUntil };
    for (const s of states) if (s?.notBefore && s.notBefore > at) return { open: false, reason: 'wait', until: s.notBefore };
    return { open: true };
  }

  /** Counts a failure; returns the locks it set (for the audit). */
  async failure(reference: string, address: string, now: Date): Promise<('ip' | 'refip')[]> {
    const c = this.config;
    const k = this.keys(reference, address);
    const at = now.toISOString();
    const locks: ('ip' | 'refip')[] = [];
    const bump = async (key: string, lockAfter: number | undefined, slowAfter: number, ref?: string): Promise<boolean> => {
      const s = (await this.read(key, now)) ?? { failures: 0, lastAt: at };
      const failures = s.failures + 1;
      const next: AttemptState = { failures, lastAt: at, ...(ref ? { reference: ref } : {}) };
      const gap = delayAfter(failures - slowAfter, c);
      if (gap > 0) next.notBefore = new Date(now.getTime() + gap).toISOString();
      const locked = lockAfter !== undefined && failures >= lockAfter && !(s.lockedUntil && s.lockedUntil > at);
      if (lockAfter !== undefined && failures >= lockAfter) next.lockedUntil = s.lockedUntil && s.lockedUntil > at ? s.lockedUntil : new Date(now.getTime() + c.lockMinutes * 60_000).toISOString();
      await this.store.putResidentState(key, 'attempt', JSON.stringify(next));
      return locked;
    };
    if (await bump(k.ip, c.ipLockAfter, 0)) locks.push('ip');
    if (await bump(k.refip, c.refIpLockAfter, 0, reference)) locks.push('refip');
    await bump(k.ref, undefined, c.refSlowAfter, reference);
    return locks;
  }

  /** After a correct code: the counters of this kenmerk and address start again. */
  async success(reference: string, address: string): Promise<void> {
    const k = this.keys(reference, address);
    const cleared = JSON.stringify({ failures: 0, lastAt: new Date(0).toISOString() });
    await Promise.all([this.store.putResidentState(k.refip, 'attempt', cleared), this.store.putResidentState(k.ref, 'attempt', cleared)]);
  }

  /** The kenmerken locked now (for the procesregisseur): kenmerk, until when, and whether it is one address or the kenmerk's delay. */
  async locked(now: Date): Promise<{ reference: string; lockedUntil?: string; notBefore?: string; failures: number }[]> {
    const at = now.toISOString();
    const out: { reference: string; lockedUntil?: string; notBefore?: string; failures: number }[] = [];
    for (const { json } of await this.store.listResidentState('attempt')) {
      const s = JSON.parse(json) as AttemptState;
      if (!s.reference) continue;
      if ((s.lockedUntil && s.lockedUntil > at) || (s.notBefore && s.notBefore > at)) {
        out.push({ reference: s.reference, failures: s.failures, ...(s.lockedUntil && s.lockedUntil > at ? { lockedUntil: s.lockedUntil } : {}), ...(s.notBefore && s.notBefore > at ? { notBefore: s.notBefore } : {}) });
      }
    }
    return out.sort((a, b) => a.reference.localeCompare(b.reference));
  }
}
