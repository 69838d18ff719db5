/**
 * The duplicate hint (issue 16, PROCESS.md feature row 25), without identity — the one rule, used both at
 * intake (a concern about to be brought in) and by the procesregisseur's read of the concerns similar to a
 * case (Signaalpunt.similarCases): a concern is "similar" to one the same organisation brought in within the
 * window when they share at least one risk signal and the same age band (an unknown band matches nothing).
 * Compared only on what the reader's own view of the other case holds (kenmerk, day brought in, signals, age
 * band — groups A and B); the answer is that kenmerk and day, nothing else. The partner may still bring the
 * concern in.
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

/**
 * The window a similar concern must have been brought in: from the start of day `from` up to (not including)
 * day `before` when given (days as yyyy-mm-dd; createdAt is an ISO moment, so a day compares as its start).
 */
export interface SimilarWindow {
  from: string;
  before?: string;
}

/** Whether a case, as the reader's view holds it, is similar to the probe and brought in within the window. */
export function similarTo(view: CaseView | undefined, probe: ConcernProbe, window: SimilarWindow): SimilarConcern | undefined {
  const createdAt = view?.frame?.createdAt;
  const concern = view?.concern;
  if (!view?.reference || !createdAt || !concern?.riskSignals || createdAt < window.from) return undefined;
  if (window.before !== undefined && createdAt >= window.before) return undefined;
  if (probe.ageBand === 'unknown' || concern.ageBand !== probe.ageBand) return undefined;
  if (!concern.riskSignals.some((s) => probe.riskSignals.includes(s))) return undefined;
  return { reference: view.reference, createdAt };
}
