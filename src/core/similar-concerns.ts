/**
 * The duplicate hint at intake (issue 16, PROCESS.md feature row 25), without identity: a concern about to be
 * brought in is "similar" to one the same organisation brought in within the configured window when they
 * share at least one risk signal and the same age band (an unknown band matches nothing). Compared only on
 * what the partner's own view of the earlier case holds (kenmerk, day brought in, signals, age band — groups A
 * and B); the answer is that kenmerk and day, nothing else. The partner may still bring the concern in.
 */
import type { CaseView } from './views';

export interface ConcernProbe {
  riskSignals: readonly string[];
  ageBand: string;
}

export interface SimilarConcern {
  reference: string;
  /** when the earlier concern was brought in (ISO timestamp). */
  createdAt: string;
}

/** Whether an earlier case, as the partner's view holds it, is similar to the probe and recent enough. */
export function similarTo(view: CaseView | undefined, probe: ConcernProbe, since: string): SimilarConcern | undefined {
  const createdAt = view?.frame?.createdAt;
  const concern = view?.concern;
  if (!view?.reference || !createdAt || !concern?.riskSignals || createdAt < since) return undefined;
  if (probe.ageBand === 'unknown' || concern.ageBand !== probe.ageBand) return undefined;
  if (!concern.riskSignals.some((s) => probe.riskSignals.includes(s))) return undefined;
  return { reference: view.reference, createdAt };
}
