/**
 * 10,000 wrong codes (issue 19): from one address against one kenmerk, from one address against many
 * kenmerken, and from 10,000 addresses against one kenmerk. None gets in; the locks happen as configured;
 * the honest resident with the right code still gets in after the attacker stops. Client addresses come
 * through the resident server's test seam (header x-test-client), not from X-Forwarded-For (no proxy is
 * trusted). And: wrong and unknown codes take the same time, within the measured noise.
 */
import { randomBytes } from 'node:crypto';
import { DEMO } from '../server/support/harness';
import type { Both } from './support';
import { caseInVerrijking, letterCode, login, startBoth } from './support';

jest.setTimeout(600_000);

const LIMITS = { ipLockAfter: 30, refIpLockAfter: 5, refSlowAfter: 10, lockMinutes: 15, baseDelayMs: 2, maxDelayMs: 40, windowMinutes: 60 };
const N = 10_000;
const randomCode = (): string => randomBytes(10).toString('hex').toUpperCase().replace(/[ILOU]/g, '7').slice(0, 16);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let b: Both;
beforeAll(async () => {
  b = await startBoth(LIMITS);
});
afterAll(() => b.close());

async function attack(reference: () => string, client: (i: number) => string): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (let i = 0; i < N; i++) {
    const r = await login(b.r, reference(), randomCode(), client(i));
    counts[r.status] = (counts[r.status] ?? 0) + 1;
  }
  return counts;
}

test('10,000 wrong codes from ONE address against one kenmerk: none gets in, that address is locked out of the kenmerk after 5 failures (audited, listed for the procesregisseur); the resident still gets in', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const counts = await attack(() => reference, () => '198.51.100.7');
  expect(counts[303]).toBeUndefined();
  expect(counts[401]).toBe(LIMITS.refIpLockAfter);
  expect(counts[429]).toBe(N - LIMITS.refIpLockAfter);
  const locks = await b.t.call<{ items: { reference: string; lockedUntil?: string }[] }>('GET', '/api/v1/resident/locks', { as: DEMO.regisseur });
  expect(locks.body.items.some((l) => l.reference === reference && l.lockedUntil)).toBe(true);
  const audit = await b.t.server.store.readAudit({ caseId, limit: 10_000 });
  expect(audit.filter((a) => a.purpose === 'statuspagina: blokkade na mislukte pogingen (kenmerk en adres)')).toHaveLength(1);
  // the attacker stopped; the resident, from their own address, gets in
  expect((await login(b.r, reference, code, '203.0.113.20')).status).toBe(303);
});

test('10,000 wrong codes from ONE address against random kenmerken: the address is locked after 30 failures (audited)', async () => {
  const before = (await b.t.server.store.readAudit({ limit: 100_000 })).filter((a) => a.purpose.endsWith('(adres)')).length;
  const counts = await attack(() => `SJV-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`, () => '198.51.100.8');
  expect(counts[303]).toBeUndefined();
  expect(counts[401]).toBe(LIMITS.ipLockAfter);
  expect(counts[429]).toBe(N - LIMITS.ipLockAfter);
  const after = (await b.t.server.store.readAudit({ limit: 100_000 })).filter((a) => a.purpose.endsWith('(adres)')).length;
  expect(after - before).toBe(1);
});

test('10,000 wrong codes from 10,000 addresses against one kenmerk: none gets in, the kenmerk’s growing gap refuses most of them unchecked, never a lock; the resident gets in once the attacker stops', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const started = Date.now();
  const counts = await attack(() => reference, (i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
  const seconds = (Date.now() - started) / 1000;
  expect(counts[303]).toBeUndefined();
  // checked attempts: the first refSlowAfter, then at most one per gap (≥ the largest gap once it is reached)
  expect(counts[401]).toBeGreaterThan(LIMITS.refSlowAfter);
  expect(counts[401]!).toBeLessThan(LIMITS.refSlowAfter + 10 + (seconds * 1000) / LIMITS.maxDelayMs);
  expect(counts[429]).toBe(N - counts[401]!);
  console.log(`many addresses: ${counts[401]} checked, ${counts[429]} refused unchecked in ${seconds.toFixed(1)} s`);
  await sleep(LIMITS.maxDelayMs + 10);
  expect((await login(b.r, reference, code, '203.0.113.21')).status).toBe(303);
});

test('a wrong code for a known kenmerk and any code for an unknown kenmerk take the same time (medians within the measured spread)', async () => {
  const quiet = await startBoth({ ipLockAfter: 1e9, refIpLockAfter: 1e9, refSlowAfter: 1e9 });
  try {
    const { caseId, reference } = await caseInVerrijking(quiet.t);
    await letterCode(quiet.t, caseId);
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 400; i++) {
      // interleaved rounds, order alternating, so drift of the machine hits both alike
      const pair = [async () => wrong.push((await login(quiet.r, reference, randomCode(), `10.9.${i >> 8}.${i & 255}`)).ms), async () => unknown.push((await login(quiet.r, `SJV-1999-${String(1000 + i)}`, randomCode(), `10.8.${i >> 8}.${i & 255}`)).ms)];
      if (i % 2) pair.reverse();
      for (const f of pair) await f();
    }
    const w = wrong.slice(50).sort((a, b2) => a - b2);
    const u = unknown.slice(50).sort((a, b2) => a - b2);
    const q = (xs: number[], p: number): number => xs[Math.floor((xs.length - 1) * p)]!;
    const spread = Math.max(q(w, 0.75) - q(w, 0.25), q(u, 0.75) - q(u, 0.25));
    console.log(`timing: wrong median ${q(w, 0.5).toFixed(3)} ms, unknown median ${q(u, 0.5).toFixed(3)} ms, spread (IQR) ${spread.toFixed(3)} ms`);
    expect(Math.abs(q(w, 0.5) - q(u, 0.5))).toBeLessThanOrEqual(spread);
  } finally {
    await quiet.close();
  }
});
