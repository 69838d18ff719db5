/**
 * Evaluation: anonymous statistics over a period, for the procesregisseur, the voorzitter and the privacy
 * officer. Computed from the stored cases (codes, dates and decisions survive the purge), published with
 * small-cell suppression: a count of 1–4 is shown as "<5"; when that would let a reader work a hidden
 * count out from a shown total, the next smallest count of the same breakdown is hidden too ("x").
 * Output never holds a reference, an id or anything of the resident's identity.
 */
import { differenceInCalendarDays, eachMonthOfInterval, format, parseISO } from 'date-fns';
import { z } from 'zod';
import { EXIT_REASONS, label } from '../core/catalogue';
import { fail, ok } from '../core/errors';
import type { Result } from '../core/errors';
import type { CaseRecord, Organisation, User } from '../core/model';
import { PURGE_TOLERANCE_DAYS } from '../core/retention';
import type { Store } from '../core/ports';
import type { TransparencyDeps } from './deps';
import type { Language } from './format';
import { CATALOGUE_LOCALE, daysBetweenDays, localDay } from './format';

export const SUPPRESSION_THRESHOLD = 5;
/** The KPI of PROCESS.md: residents informed within 30 days of identity capture. */
export const INFORMED_WITHIN_DAYS = 30;

export const periodSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.from <= p.to, { message: 'FROM_AFTER_TO', path: ['from'] })
  .refine((p) => differenceInCalendarDays(parseISO(p.to), parseISO(p.from)) <= 3 * 366, { message: 'PERIOD_TOO_LONG', path: ['to'] });
export type Period = z.output<typeof periodSchema>;

export const PARTNER_TYPE_LABELS: Record<string, Record<Language, string>> = {
  school: { nl: 'Onderwijs', en: 'Education' },
  politie: { nl: 'Politie', en: 'Police' },
  wijkteam: { nl: 'Wijkteam', en: 'Neighbourhood team' },
  leerplicht: { nl: 'Leerplicht', en: 'Compulsory education' },
  jongerenwerk: { nl: 'Jongerenwerk', en: 'Youth work' },
  gemeente: { nl: 'Gemeente', en: 'Municipality' },
  other: { nl: 'Overig', en: 'Other' },
};

/* ───────────────────────────── raw figures (internal; never published) ───────────────────────────── */

export interface RawFigures {
  period: Period;
  asOf: string;
  concerns: { total: number; perMonth: Record<string, number>; perPartnerType: Record<string, number> };
  suspicion: { decided: number; yes: number; no: number };
  confirmation: { concluded: number; confirmed: number; notConfirmed: number };
  exits: { closed: number; perReason: Record<string, number> };
  days: { intakeToDecision: number[]; decisionToDiscussion: number[]; discussionToClosure: number[]; intakeToClosure: number[] };
  enrichment: { requests: number; answeredByDue: number; answeredLate: number; unanswered: number; responseDays: number[] };
  informing: { identityCaptured: number; within30Days: number; late: number; notInformedOverdue: number; pending: number; deferred: number };
  purges: { due: number; onTime: number; late: number; overdue: number };
}

const days = (fromIso: string, toIso: string): number => daysBetweenDays(localDay(fromIso), localDay(toIso));
const inPeriod = (day: string, p: Period): boolean => day >= p.from && day <= p.to;

export interface FigureInputs {
  cases: readonly CaseRecord[];
  organisations: readonly Organisation[];
  period: Period;
  /** the day the figures are taken (deadlines not yet passed on this day are pending). */
  asOf: string;
  /** days after the retention date within which a purge still counts as on time (a nightly job). */
  purgeToleranceDays?: number;
}

/**
 * The figures of a period. The cohort is the concerns brought in during the period (by their day in the
 * Netherlands); everything about them (decisions, closures, informing) is followed up to the end of the
 * period, or to `asOf` when that is earlier — so a past period's figures do not change when asked later.
 * Purges are those whose retention date fell in the period (up to that day), whenever the concern came in.
 */
export function computeFigures(inp: FigureInputs): RawFigures {
  const { period } = inp;
  const asOf = inp.asOf < period.to ? inp.asOf : period.to;
  const tolerance = inp.purgeToleranceDays ?? PURGE_TOLERANCE_DAYS;
  const typeOf = new Map(inp.organisations.map((o) => [o.id, o.type || 'other']));
  const cohort = inp.cases.filter((c) => inPeriod(localDay(c.frame.createdAt), period));

  const perMonth: Record<string, number> = {};
  for (const m of eachMonthOfInterval({ start: parseISO(period.from), end: parseISO(period.to) })) perMonth[format(m, 'yyyy-MM')] = 0;
  const perPartnerType: Record<string, number> = {};
  for (const t of new Set([...typeOf.values()])) perPartnerType[t] = 0;
  const perReason: Record<string, number> = Object.fromEntries(EXIT_REASONS.map((e) => [e.code, 0]));
  const f: RawFigures = {
    period,
    asOf,
    concerns: { total: cohort.length, perMonth, perPartnerType },
    suspicion: { decided: 0, yes: 0, no: 0 },
    confirmation: { concluded: 0, confirmed: 0, notConfirmed: 0 },
    exits: { closed: 0, perReason },
    days: { intakeToDecision: [], decisionToDiscussion: [], discussionToClosure: [], intakeToClosure: [] },
    enrichment: { requests: 0, answeredByDue: 0, answeredLate: 0, unanswered: 0, responseDays: [] },
    informing: { identityCaptured: 0, within30Days: 0, late: 0, notInformedOverdue: 0, pending: 0, deferred: 0 },
    purges: { due: 0, onTime: 0, late: 0, overdue: 0 },
  };

  for (const c of cohort) {
    const fr = c.frame;
    const month = localDay(fr.createdAt).slice(0, 7);
    perMonth[month] = (perMonth[month] ?? 0) + 1;
    const type = typeOf.get(fr.inbrengerOrganisationId) ?? 'other';
    perPartnerType[type] = (perPartnerType[type] ?? 0) + 1;

    const suspicion = fr.decisions.find((d) => d.kind === 'SUSPICION');
    if (suspicion) {
      f.suspicion.decided += 1;
      if (suspicion.outcome === 'YES') f.suspicion.yes += 1;
      else f.suspicion.no += 1;
      f.days.intakeToDecision.push(days(fr.createdAt, suspicion.at));
    }
    const conclusion = fr.decisions.find((d) => d.kind === 'ENRICHMENT_CONCLUSION');
    if (conclusion) {
      f.confirmation.concluded += 1;
      if (conclusion.outcome === 'CONFIRMED') f.confirmation.confirmed += 1;
      else f.confirmation.notConfirmed += 1;
    }
    const toDiscussion = fr.transitions.find((t) => t.to === 'BESPREKING');
    if (toDiscussion && suspicion?.outcome === 'YES') f.days.decisionToDiscussion.push(days(suspicion.at, toDiscussion.at));
    if (fr.exit && fr.closedAt && localDay(fr.closedAt) <= asOf) {
      f.exits.closed += 1;
      f.exits.perReason[fr.exit.reason] = (f.exits.perReason[fr.exit.reason] ?? 0) + 1;
      f.days.intakeToClosure.push(days(fr.createdAt, fr.closedAt));
      if (toDiscussion) f.days.discussionToClosure.push(days(toDiscussion.at, fr.closedAt));
    }

    for (const r of c.enrichment.requests) {
      f.enrichment.requests += 1;
      if (r.answer) {
        f.enrichment.responseDays.push(days(r.requestedAt, r.answer.answeredAt));
        if (localDay(r.answer.answeredAt) <= r.dueOn) f.enrichment.answeredByDue += 1;
        else f.enrichment.answeredLate += 1;
      } else f.enrichment.unanswered += 1;
    }

    if (fr.identityCapturedAt) {
      f.informing.identityCaptured += 1;
      if (fr.informingDeferral) f.informing.deferred += 1;
      if (fr.informedOn) {
        if (days(fr.identityCapturedAt, fr.informedOn) <= INFORMED_WITHIN_DAYS) f.informing.within30Days += 1;
        else f.informing.late += 1;
      } else if (days(fr.identityCapturedAt, asOf) > INFORMED_WITHIN_DAYS) f.informing.notInformedOverdue += 1;
      else f.informing.pending += 1;
    }
  }

  for (const c of inp.cases) {
    const fr = c.frame;
    // A purged case keeps no retention date (it may be a birthday, group C): only whether the purge was on
    // time (purgedOnTime, set at purge with PURGE_TOLERANCE_DAYS), counted by the day of the purge.
    if (fr.purgedAt && fr.purgedOnTime !== undefined && !fr.retentionUntil) {
      if (!inPeriod(localDay(fr.purgedAt), { from: period.from, to: asOf })) continue;
      f.purges.due += 1;
      if (fr.purgedOnTime) f.purges.onTime += 1;
      else f.purges.late += 1;
      continue;
    }
    const until = fr.retentionUntil;
    if (!until || !inPeriod(until, { from: period.from, to: asOf })) continue;
    f.purges.due += 1;
    if (fr.purgedAt) {
      if (days(until, fr.purgedAt) <= tolerance) f.purges.onTime += 1;
      else f.purges.late += 1;
    } else f.purges.overdue += 1;
  }
  return f;
}

/** Median (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** 90th percentile by the nearest-rank method: the smallest value with at least 90% of values at or below it. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.ceil(0.9 * s.length) - 1]!;
}

/* ───────────────────────────── published report (suppressed) ───────────────────────────── */

/** A published count: the number, "<5" (1–4), or "x" (hidden so a "<5" cannot be worked out from a total). */
export type Count = number | '<5' | 'x';
export interface Share {
  numerator: Count;
  denominator: Count;
  /** percentage with one decimal; null when it would reveal a small count. */
  pct: number | null;
}
export interface Spread {
  n: Count;
  median: number | null;
  p90: number | null;
}

export interface StatisticsReport {
  format: 'sjv-statistics/1';
  period: Period;
  asOf: string;
  suppression: { threshold: number; rule: string };
  concerns: { total: Count; perMonth: { month: string; count: Count }[]; perPartnerType: { type: string; label: string; count: Count }[] };
  reasonableSuspicion: { decided: Count; yes: Count; no: Count; share: Share };
  confirmedInVerrijking: { concluded: Count; confirmed: Count; notConfirmed: Count; share: Share };
  exitReasons: { closed: Count; perReason: { code: string; label: string; count: Count }[] };
  daysBetweenPhases: { intakeToDecision: Spread; decisionToDiscussion: Spread; discussionToClosure: Spread; intakeToClosure: Spread; referenceTriageDays: number };
  enrichmentResponse: { requests: Count; answeredByDue: Count; answeredLate: Count; unanswered: Count; share: Share; days: Spread };
  informing: { identityCaptured: Count; within30Days: Count; late: Count; notInformedOverdue: Count; pending: Count; deferred: Count; share: Share };
  purges: { due: Count; onTime: Count; late: Count; overdue: Count; share: Share };
}

const small = (n: number): boolean => n > 0 && n < SUPPRESSION_THRESHOLD;

/**
 * Suppresses one breakdown whose parts add up to a shown total: counts of 1–4 become "<5"; if exactly one
 * part is hidden while the total is shown, the smallest other non-zero part is hidden too ("x"), so the
 * hidden one cannot be worked out by subtraction.
 */
export function suppressBreakdown(total: number, parts: readonly number[]): { total: Count; parts: Count[] } {
  const out: Count[] = parts.map((n) => (small(n) ? '<5' : n));
  const shownTotal: Count = small(total) ? '<5' : total;
  if (typeof shownTotal === 'number') {
    const hidden = out.filter((x) => typeof x !== 'number').length;
    if (hidden === 1) {
      let pick = -1;
      out.forEach((x, i) => {
        if (typeof x === 'number' && x > 0 && (pick < 0 || x < (out[pick] as number))) pick = i;
      });
      if (pick >= 0) out[pick] = 'x';
    }
  }
  return { total: shownTotal, parts: out };
}

/** A share is shown only when both its counts are shown, neither the part nor the rest is a small count, and the whole is at least 5. */
export function share(numerator: number, denominator: number, shown: { numerator: Count; denominator: Count }): Share {
  const rest = denominator - numerator;
  const visible = typeof shown.numerator === 'number' && typeof shown.denominator === 'number';
  const pct = visible && denominator >= SUPPRESSION_THRESHOLD && !small(numerator) && !small(rest) ? Math.round((numerator / denominator) * 1000) / 10 : null;
  return { numerator: shown.numerator, denominator: shown.denominator, pct };
}

export function spread(values: readonly number[]): Spread {
  if (values.length < SUPPRESSION_THRESHOLD) return { n: small(values.length) ? '<5' : values.length, median: null, p90: null };
  return { n: values.length, median: median(values), p90: p90(values) };
}

const RULE: Record<Language, string> = {
  nl: 'Aantallen van 1 tot en met 4 staan er als "<5". Zou een verborgen aantal uit een getoond totaal te berekenen zijn, dan is ook het kleinste andere aantal verborgen ("x"). Percentages en mediaan/p90 alleen bij ten minste 5 gevallen en als ze geen klein aantal verraden.',
  en: 'Counts from 1 to 4 are shown as "<5". Where a hidden count could be worked out from a shown total, the smallest other count is hidden too ("x"). Percentages and median/p90 only with at least 5 cases and when they reveal no small count.',
};

/** The publishable report: suppressed counts, labels, never a reference or identity. */
export function publish(raw: RawFigures, locale: Language = 'nl'): StatisticsReport {
  const months = Object.keys(raw.concerns.perMonth).sort();
  const monthParts = suppressBreakdown(raw.concerns.total, months.map((m) => raw.concerns.perMonth[m]!));
  const types = Object.keys(raw.concerns.perPartnerType).sort();
  const typeParts = suppressBreakdown(raw.concerns.total, types.map((t) => raw.concerns.perPartnerType[t]!));
  const s = raw.suspicion;
  const sParts = suppressBreakdown(s.decided, [s.yes, s.no]);
  const c = raw.confirmation;
  const cParts = suppressBreakdown(c.concluded, [c.confirmed, c.notConfirmed]);
  const reasons = Object.keys(raw.exits.perReason);
  const eParts = suppressBreakdown(raw.exits.closed, reasons.map((r) => raw.exits.perReason[r]!));
  const en = raw.enrichment;
  const enParts = suppressBreakdown(en.requests, [en.answeredByDue, en.answeredLate, en.unanswered]);
  const inf = raw.informing;
  const iParts = suppressBreakdown(inf.identityCaptured, [inf.within30Days, inf.late, inf.notInformedOverdue, inf.pending]);
  // The share's base (residents whose 30 days are over) is the total minus the pending ones: suppressed as one breakdown.
  const settled = inf.within30Days + inf.late + inf.notInformedOverdue;
  const settledParts = suppressBreakdown(inf.identityCaptured, [settled, inf.pending]);
  const pu = raw.purges;
  const pParts = suppressBreakdown(pu.due, [pu.onTime, pu.late, pu.overdue]);
  const single = (n: number): Count => (small(n) ? '<5' : n);
  return {
    format: 'sjv-statistics/1',
    period: { ...raw.period },
    asOf: raw.asOf,
    suppression: { threshold: SUPPRESSION_THRESHOLD, rule: RULE[locale] },
    concerns: {
      total: monthParts.total,
      perMonth: months.map((month, i) => ({ month, count: monthParts.parts[i]! })),
      perPartnerType: types.map((type, i) => ({ type, label: PARTNER_TYPE_LABELS[type]?.[locale] ?? type, count: typeParts.parts[i]! })),
    },
    reasonableSuspicion: { decided: sParts.total, yes: sParts.parts[0]!, no: sParts.parts[1]!, share: share(s.yes, s.decided, { numerator: sParts.parts[0]!, denominator: sParts.total }) },
    confirmedInVerrijking: {
      concluded: cParts.total,
      confirmed: cParts.parts[0]!,
      notConfirmed: cParts.parts[1]!,
      share: share(c.confirmed, c.concluded, { numerator: cParts.parts[0]!, denominator: cParts.total }),
    },
    exitReasons: { closed: eParts.total, perReason: reasons.map((code, i) => ({ code, label: label('exitReasons', code, CATALOGUE_LOCALE[locale]), count: eParts.parts[i]! })) },
    daysBetweenPhases: {
      intakeToDecision: spread(raw.days.intakeToDecision),
      decisionToDiscussion: spread(raw.days.decisionToDiscussion),
      discussionToClosure: spread(raw.days.discussionToClosure),
      intakeToClosure: spread(raw.days.intakeToClosure),
      referenceTriageDays: 7,
    },
    enrichmentResponse: {
      requests: enParts.total,
      answeredByDue: enParts.parts[0]!,
      answeredLate: enParts.parts[1]!,
      unanswered: enParts.parts[2]!,
      share: share(en.answeredByDue, en.requests, { numerator: enParts.parts[0]!, denominator: enParts.total }),
      days: spread(raw.enrichment.responseDays),
    },
    informing: {
      identityCaptured: iParts.total,
      within30Days: iParts.parts[0]!,
      late: iParts.parts[1]!,
      notInformedOverdue: iParts.parts[2]!,
      pending: iParts.parts[3]!,
      deferred: single(inf.deferred),
      share: share(inf.within30Days, settled, { numerator: iParts.parts[0]!, denominator: settledParts.parts[0]! }),
    },
    purges: { due: pParts.total, onTime: pParts.parts[0]!, late: pParts.parts[1]!, overdue: pParts.parts[2]!, share: share(pu.onTime, pu.due, { numerator: pParts.parts[0]!, denominator: pParts.total }) },
  };
}

/* ───────────────────────────── CSV ───────────────────────────── */

/** Quotes a CSV field (RFC 4180) and defuses spreadsheet formulas. */
function csvField(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report as CSV: one row per figure (metric, category, value), UTF-8, comma-separated. */
export function statisticsCsv(r: StatisticsReport): string {
  const rows: [string, string, string | number | null][] = [
    ['period_from', '', r.period.from],
    ['period_to', '', r.period.to],
    ['as_of', '', r.asOf],
    ['concerns_total', '', r.concerns.total],
    ...r.concerns.perMonth.map((m): [string, string, Count] => ['concerns_per_month', m.month, m.count]),
    ...r.concerns.perPartnerType.map((t): [string, string, Count] => ['concerns_per_partner_type', t.type, t.count]),
    ['reasonable_suspicion_decided', '', r.reasonableSuspicion.decided],
    ['reasonable_suspicion_yes', '', r.reasonableSuspicion.yes],
    ['reasonable_suspicion_no', '', r.reasonableSuspicion.no],
    ['reasonable_suspicion_pct', '', r.reasonableSuspicion.share.pct],
    ['confirmed_in_verrijking_concluded', '', r.confirmedInVerrijking.concluded],
    ['confirmed_in_verrijking_confirmed', '', r.confirmedInVerrijking.confirmed],
    ['confirmed_in_verrijking_not_confirmed', '', r.confirmedInVerrijking.notConfirmed],
    ['confirmed_in_verrijking_pct', '', r.confirmedInVerrijking.share.pct],
    ['closed_total', '', r.exitReasons.closed],
    ...r.exitReasons.perReason.map((e): [string, string, Count] => ['exit_reason', e.code, e.count]),
  ];
  for (const [key, sp] of Object.entries(r.daysBetweenPhases)) {
    if (typeof sp === 'number') continue;
    rows.push([`days_${key}_n`, '', sp.n], [`days_${key}_median`, '', sp.median], [`days_${key}_p90`, '', sp.p90]);
  }
  const e = r.enrichmentResponse;
  const i = r.informing;
  const p = r.purges;
  rows.push(
    ['enrichment_requests', '', e.requests],
    ['enrichment_answered_by_due', '', e.answeredByDue],
    ['enrichment_answered_late', '', e.answeredLate],
    ['enrichment_unanswered', '', e.unanswered],
    ['enrichment_answered_by_due_pct', '', e.share.pct],
    ['enrichment_response_days_n', '', e.days.n],
    ['enrichment_response_days_median', '', e.days.median],
    ['enrichment_response_days_p90', '', e.days.p90],
    ['informing_identity_captured', '', i.identityCaptured],
    ['informing_within_30_days', '', i.within30Days],
    ['informing_late', '', i.late],
    ['informing_not_informed_overdue', '', i.notInformedOverdue],
    ['informing_pending', '', i.pending],
    ['informing_deferred', '', i.deferred],
    ['informing_within_30_days_pct', '', i.share.pct],
    ['purges_due', '', p.due],
    ['purges_on_time', '', p.onTime],
    ['purges_late', '', p.late],
    ['purges_overdue', '', p.overdue],
    ['purges_on_time_pct', '', p.share.pct],
  );
  return `metric,category,value\r\n${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/* ───────────────────────────── service ───────────────────────────── */

export async function allCases(store: Pick<Store, 'listCases'>, pageSize = 500): Promise<CaseRecord[]> {
  const out: CaseRecord[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.listCases({ limit: pageSize, offset });
    out.push(...items);
    if (items.length < pageSize) break;
  }
  return out;
}

export const STATISTICS_ROLES: readonly User['roles'][number][] = ['procesregisseur', 'voorzitter', 'privacyOfficer'];

export class StatisticsService {
  constructor(private readonly deps: Pick<TransparencyDeps, 'store' | 'clock'>) {}

  async report(user: User, rawPeriod: unknown, locale: Language = 'nl'): Promise<Result<StatisticsReport>> {
    if (!user.roles.some((r) => STATISTICS_ROLES.includes(r))) return fail('AUTH.FORBIDDEN');
    const parsed = periodSchema.safeParse(rawPeriod);
    if (!parsed.success) return fail('VALIDATION.INVALID_INPUT', { fields: parsed.error.issues.map((i) => ({ path: i.path.join('.'), issue: i.code === 'custom' ? i.message : i.code })) });
    const [cases, organisations] = await Promise.all([allCases(this.deps.store), this.deps.store.listOrganisations()]);
    const asOf = localDay(this.deps.clock.now().toISOString());
    return ok(publish(computeFigures({ cases, organisations, period: parsed.data, asOf }), locale));
  }
}
