/** Small helpers for benchmarks: repeated timing with warm-up, a printed report line, an intake submit's data. */
import { randomUUID } from 'node:crypto';
export interface Timing {
  medianMs: number;
  p90Ms: number;
  runs: number;
}

export async function time(fn: () => unknown | Promise<unknown>, runs = 30, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(runs / 2)]!, p90Ms: samples[Math.floor(runs * 0.9)]!, runs };
}

/**
 * Times several variants of the same work against each other: each round runs every variant once, in a
 * rotating order, so that a pause of the machine (GC, another process) falls on all of them alike and
 * their ratio stays meaningful. Returns one timing per variant.
 */
export async function timeInterleaved(fns: readonly (() => unknown | Promise<unknown>)[], runs = 200, warmup = 10): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (i + k) % fns.length;
      const t0 = process.hrtime.bigint();
      await fns[j]!();
      samples[j]!.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return samples.map((xs) => {
    xs.sort((a, b) => a - b);
    return { medianMs: xs[Math.floor(runs / 2)]!, p90Ms: xs[Math.floor(runs * 0.9)]!, runs };
  });
}

export async function once(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function report(name: string, fields: Record<string, string | number>): void {
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(2)) : v}`);
  console.log(`[bench] ${name}: ${parts.join('  ')}`);
}

export const fmtMs = (ms: number): string => `${ms.toFixed(2)} ms`;

/** The data of one intake card submit as Teams sends it (bench/bot.ts, bench/bot-steps.ts): a new card each time. */
export function intakeSubmitData(): Record<string, unknown> {
  return {
    card: 'intake',
    v: 1,
    cardId: randomUUID(),
    // sent anyway after the duplicate hint (issue 16): every submit writes a case, the path measured
    confirmSimilar: 'yes',
    riskSignals: 'GELD,VERZUIM',
    forms: 'DEALEN',
    protectiveFactors: 'BETROKKEN_OUDERS',
    ageYears: '15',
    ageBand: '',
    registrationsBand: '0',
    urgency: 'normal',
    freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
  };
}
