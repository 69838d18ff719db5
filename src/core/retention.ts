/**
 * Retention: when the personal data (identity, contact, all free text) of a closed case is destroyed.
 * Defaults from PROCESS.md; configurable per privacy protocol.
 */
import { addToDay, dayOf, daysBetweenDays } from './calendar';
import type { CaseRecord, Phase } from './model';

export interface RetentionConfig {
  /** closed in Inbreng: free text removed this many days after closure. */
  closedInInbrengDays: number;
  /** closed in Verrijking (not eligible, not confirmed, withdrawn): this many days after closure. */
  closedInVerrijkingDays: number;
  /** closed later (after Reflectie, or withdrawn from Bespreking on): this many months after closure … */
  closedAfterBesprekingMonths: number;
  /** … and never later than the resident's 23rd birthday plus this many years. */
  maxYearsAfter23rdBirthday: number;
}

export const DEFAULT_RETENTION: RetentionConfig = {
  closedInInbrengDays: 90,
  closedInVerrijkingDays: 28,
  closedAfterBesprekingMonths: 24,
  maxYearsAfter23rdBirthday: 1,
};

/**
 * The latest day of the retention period, from the closure alone: group A (model.ts DERIVED_VALUE_GROUP).
 * This is what a reader without identity (C) is shown instead of `retentionUntil`. Why not the month of
 * `retentionUntil` instead: when the age limit applies, that month is the birth month, and with the age
 * (group B) or the year it narrows the date of birth to one month; even the bit "the age limit applied"
 * tells something about the date of birth. This bound depends on nothing but the closure.
 */
export function retentionAtLatest(closedInPhase: Phase, closedAt: string, cfg: RetentionConfig = DEFAULT_RETENTION): string {
  // calendar days (UTC, see calendar.ts): the same date whatever the server's time zone
  const closed = dayOf(closedAt);
  if (closedInPhase === 'INBRENG') return addToDay(closed, { days: cfg.closedInInbrengDays });
  if (closedInPhase === 'VERRIJKING') return addToDay(closed, { days: cfg.closedInVerrijkingDays });
  return addToDay(closed, { months: cfg.closedAfterBesprekingMonths });
}

/**
 * The date (ISO, yyyy-mm-dd) from which a case closed on `closedAt` in `closedInPhase` is due for purge.
 * When the age limit comes first this date is a birthday: a derived value of group C, never shown to a
 * reader without C (views.ts) and not kept after the purge (purgedRecord, DeletionRecord).
 */
export function retentionUntil(closedInPhase: Phase, closedAt: string, dateOfBirth: string | undefined, cfg: RetentionConfig = DEFAULT_RETENTION): string {
  const closed = dayOf(closedAt);
  const byClosure = retentionAtLatest(closedInPhase, closedAt, cfg);
  if (closedInPhase === 'INBRENG' || closedInPhase === 'VERRIJKING' || !dateOfBirth) return byClosure;
  const byAge = addToDay(dateOfBirth, { years: 23 + cfg.maxYearsAfter23rdBirthday });
  // Stryker disable next-line EqualityOperator: both `<` → `<=` are equivalent (a tie gives the same date either
  // way: byAge = byClosure, or byAge = closed); the `>=` mutants of this line are killed by tests/core/retention.test.ts
  return byAge < byClosure ? (byAge < closed ? closed : byAge) : byClosure;
}

export function isDue(record: CaseRecord, asOf: string): boolean {
  // Stryker disable next-line MethodExpression: equivalent — `retentionUntil` is a day (yyyy-mm-dd) and `asOf` an ISO
  // timestamp that starts with its day, so the day compares the same against the whole timestamp as against its first 10 characters
  return record.frame.phase === 'CLOSED' && record.frame.retentionUntil !== undefined && record.frame.retentionUntil <= asOf.slice(0, 10);
}

/** Days after the retention date within which a purge still counts as on time (the job runs nightly). */
export const PURGE_TOLERANCE_DAYS = 1;

/** The record after destruction: identity, contact and every free text gone; codes, dates, decisions kept. */
export function purgedRecord(record: CaseRecord, at: string): CaseRecord {
  const f = record.frame;
  return {
    id: record.id,
    version: record.version + 1,
    frame: {
      reference: f.reference,
      phase: 'PURGED',
      createdAt: f.createdAt,
      phaseSince: at,
      inbrengerOrganisationId: f.inbrengerOrganisationId,
      inbrengerUserId: '',
      ...(f.aveLevel !== undefined ? { aveLevel: f.aveLevel } : {}),
      decisions: f.decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, rationale: '', at: d.at, actorId: '', role: d.role })),
      transitions: [
        ...f.transitions.map((t) => ({ from: t.from, to: t.to, at: t.at, actorId: '', role: t.role, command: t.command, rationale: '' })),
        { from: 'CLOSED' as const, to: 'PURGED' as const, at, actorId: 'system:retention', role: 'procesregisseur' as const, command: 'purge', rationale: '' },
      ],
      ...(f.identityCapturedAt !== undefined ? { identityCapturedAt: f.identityCapturedAt } : {}),
      ...(f.informedOn !== undefined ? { informedOn: f.informedOn } : {}),
      ...(f.informingDeferral !== undefined ? { informingDeferral: { reason: '', until: f.informingDeferral.until } } : {}),
      ...(f.exit !== undefined ? { exit: { reason: f.exit.reason, advisedRoute: f.exit.advisedRoute, rationale: '', closedInPhase: f.exit.closedInPhase } } : {}),
      ...(f.closedAt !== undefined ? { closedAt: f.closedAt } : {}),
      // not retentionUntil: it may be a birthday (group C), and C is destroyed now.
      ...(f.retentionAtLatest !== undefined ? { retentionAtLatest: f.retentionAtLatest } : {}),
      purgedAt: at,
      ...(f.retentionUntil !== undefined ? { purgedOnTime: daysBetweenDays(f.retentionUntil, at) <= PURGE_TOLERANCE_DAYS } : {}),
      catalogueVersion: f.catalogueVersion,
      // a link holds the other case's id and kenmerk only (group A, kept after the purge; ADR 0018)
      ...(f.links !== undefined ? { links: f.links.map((l) => ({ caseId: l.caseId, reference: l.reference, linkedAt: l.linkedAt })) } : {}),
    },
    concern: {
      ageBand: record.concern.ageBand,
      riskSignals: [...record.concern.riskSignals],
      protectiveFactors: [...record.concern.protectiveFactors],
      forms: [...record.concern.forms],
      registrationsBand: record.concern.registrationsBand,
      urgency: record.concern.urgency,
      freeText: '',
    },
    enrichment: {
      requests: record.enrichment.requests.map((r) => ({
        organisationId: r.organisationId,
        requestedAt: r.requestedAt,
        dueOn: r.dueOn,
        status: r.status,
        ...(r.answer ? { answer: { known: r.answer.known, signals: [...r.answer.signals], answeredAt: r.answer.answeredAt, answeredBy: '' } } : {}),
      })),
    },
    ...(record.discussion
      ? {
          discussion: {
            lifeDomains: { ...record.discussion.lifeDomains },
            parties: [...record.discussion.parties],
            interventions: [...record.discussion.interventions],
            followUpOptions: [...record.discussion.followUpOptions],
            ...(record.discussion.leadOrganisationId ? { leadOrganisationId: record.discussion.leadOrganisationId } : {}),
            notes: '',
            ...(record.discussion.completedAt ? { completedAt: record.discussion.completedAt } : {}),
          },
        }
      : {}),
    ...(record.followUp
      ? {
          followUp: {
            actions: record.followUp.actions.map((a) => ({ id: a.id, offerCode: a.offerCode, organisationId: a.organisationId, dueOn: a.dueOn, status: a.status })),
            residentStance: record.followUp.residentStance,
            ...(record.followUp.completedAt ? { completedAt: record.followUp.completedAt } : {}),
          },
        }
      : {}),
    reflection: {
      ...(record.reflection.closureReason ? { closureReason: record.reflection.closureReason } : {}),
      ...(record.reflection.feedbackSentAt ? { feedbackSentAt: record.reflection.feedbackSentAt } : {}),
      lettersSent: record.reflection.lettersSent.map((l) => ({ kind: l.kind, at: l.at, by: '' })),
    },
  };
}

/**
 * What remains of a destruction: which case, the moment it happened, why, by whom and which groups. No
 * content — and no retention date, which may be a birthday (group C, destroyed with the rest).
 */
export interface DeletionRecord {
  caseId: string;
  reference: string;
  at: string;
  reason: 'RETENTION_EXPIRED';
  by: string;
  /** which groups were destroyed: identity (C), contact (F), free text. No content. */
  destroyed: string[];
}
