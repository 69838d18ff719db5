/**
 * Evaluation and accountability for the dashboard tab (issue 7): the shapes it reads from the Signaalpunt API
 * (the API contract's, generated from the server's OpenAPI document, ADR 0015; narrowed to what the
 * dashboard shows), the narrow source the dashboard takes, the URLs of its downloads, and who may see which part.
 *
 * The dashboard never holds a name, a date of birth, a user id or any case content: the API client copies
 * only the fields below (allow-list) at the boundary. A case's reference (group A, process level) appears
 * only where the reader needs it to act or to check: the informing deadlines (procesregisseur only) and
 * the retention report, whose deletion records are "reference, date, what was destroyed" (PROCESS.md).
 * The statistics never hold one.
 */
import { mayCall } from '@signaalpunt/contract/commands';
import { dutchDayOf } from '@signaalpunt/contract/days';
import type { AccessExportApi } from './workbench/model';
import type { StatisticsReport as ContractStatisticsReport } from '@signaalpunt/contract';
import type { QueryOf, ResponseOf, UndeliveredMessage } from '@signaalpunt/contract/types';
import type { Me } from './dataSource';
import type { ResidentRequestsSource } from './residentAccess';

/* ───────────── anonymous statistics (GET /api/v1/statistics) ───────────── */

// the report's shape is the API contract's (generated from the server's OpenAPI document, ADR 0015)
export type StatisticsReport = ContractStatisticsReport;
export type Period = StatisticsReport['period'];
/** A published count: the number, "<5" (1–4), or "x" (hidden so that a "<5" cannot be worked out from a total). */
export type Count = StatisticsReport['concerns']['total'];
export type Share = StatisticsReport['reasonableSuspicion']['share'];

/* ───────────── accountability ───────────── */

type Reminder = ResponseOf<'listInformingReminders'>['items'][number];
/** One informing deadline: the reminder's reference, dates and flags; the inbrenger's ids stay behind (allow-list). */
export type InformingDeadline = Pick<Reminder, 'reference' | 'dueOn' | 'overdue' | 'deferred' | 'daysLeft'>;

/** The audit chain's verification: whether it holds, over how many rows, and where it breaks. */
export type AuditVerification = Pick<ResponseOf<'verifyAudit'>, 'ok' | 'rows' | 'firstBadSeq' | 'problem'>;

type RetentionReport = ResponseOf<'getRetentionReport'>;
/** The retention report at process level: references and dates, no content. */
export interface RetentionOverview {
  asOf: RetentionReport['asOf'];
  /**
   * closed cases whose retention date has passed, with the latest day of their period (from the closure
   * only): the retention date itself may be a birthday (identity, group C), which the FG does not read.
   */
  due: RetentionReport['due'];
  /** deletion records: which case, when, and which groups were destroyed (C, F, freeText); who deleted stays behind. */
  deletions: Pick<RetentionReport['deletions'][number], 'reference' | 'at' | 'destroyed'>[];
}

export interface DownloadedFile {
  fileName: string;
  contentType: string;
  blob: Blob;
}

/** The language the statistics and documents are asked in. */
export type ApiLocale = NonNullable<QueryOf<'getStatistics'>['locale']>;
export type PrivacyDocument = 'register' | 'dpia-annex';
export type DocumentFormat = 'markdown' | 'docx';

/** What the dashboard reads. The API client implements it; tests use an in-memory fake. */
export interface AccountabilitySource extends Partial<ResidentRequestsSource> {
  /** the bot's undelivered messages (procesregisseur; GET /api/v1/bot/undelivered); absent where not offered. */
  undelivered?(): Promise<UndeliveredMessage[]>;
  me(): Promise<Me>;
  statistics(period: Period, locale: ApiLocale): Promise<StatisticsReport>;
  informingDeadlines(): Promise<InformingDeadline[]>;
  verifyAudit(): Promise<AuditVerification>;
  retentionReport(): Promise<RetentionOverview>;
  /** an authenticated GET of a file (CSV, Markdown, .docx); `fallbackName` when the server's name cannot be read. */
  download(path: string, fallbackName: string): Promise<DownloadedFile>;
  /** the access export (AVG art. 15; procesregisseur), where offered (issue 16). */
  accessExport?: AccessExportApi['accessExport'];
}

export function statisticsPath(period: Period, locale: ApiLocale, format: 'json' | 'csv' = 'json'): string {
  const q = `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&locale=${locale}`;
  return `/api/v1/statistics?${q}${format === 'csv' ? '&format=csv' : ''}`;
}

export function privacyDocumentPath(name: PrivacyDocument, format: DocumentFormat): string {
  return `/api/v1/privacy/${name}?format=${format}`;
}

export const csvFileName = (p: Period): string => `statistieken-${p.from}-${p.to}.csv`;
export const documentFileName = (name: PrivacyDocument, format: DocumentFormat): string => `${name}.${format === 'docx' ? 'docx' : 'md'}`;

/* ───────────── who sees what ───────────── */

/**
 * The API operation behind each part of the dashboard: a part is shown to the roles its route allows (the
 * contract's OPERATIONS, from the route table via the OpenAPI document; the register and DPIA annex need
 * only a signed-in user). The API decides; this only hides what it would refuse, and every section still
 * handles a 403.
 */
const PART_OPERATION = {
  statistics: 'getStatistics',
  informingDeadlines: 'listInformingReminders',
  auditVerification: 'verifyAudit',
  retentionReport: 'getRetentionReport',
} as const;
export type DashboardPart = keyof typeof PART_OPERATION;

export function may(roles: readonly string[], part: DashboardPart): boolean {
  return mayCall(PART_OPERATION[part], roles);
}

/**
 * Which tabs a user gets. The dashboard: whoever may read one of its API parts. The case list: everyone as
 * before, except the privacy officer, who sees statistics and accountability and never case content
 * (unless the same person is also the procesregisseur).
 */
export function tabsFor(roles: readonly string[]): { cases: boolean; dashboard: boolean } {
  const has = (r: string): boolean => roles.indexOf(r) >= 0;
  const dashboard = may(roles, 'statistics') || may(roles, 'auditVerification') || may(roles, 'retentionReport');
  return { cases: !has('privacyOfficer') || has('procesregisseur'), dashboard };
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The default period: the last 12 calendar months up to and including today (from the 1st of the month 11
 * months back) — today being the day in the Netherlands, the day the server's statistics count a concern on,
 * whatever the browser's zone (a concern brought in at 23:30 UTC counts on the next day).
 */
export function defaultPeriod(now: Date): Period {
  const to = dutchDayOf(now);
  const months = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - 1 - 11;
  return { from: `${Math.floor(months / 12)}-${pad((months % 12) + 1)}-01`, to };
}

/** The API's statistics accept at most about three years (3 × 366 days) and from ≤ to. */
export function periodProblem(p: Period): 'invalid' | 'order' | 'tooLong' | undefined {
  const re = /^\d{4}-\d{2}-\d{2}$/;
  if (!re.test(p.from) || !re.test(p.to)) return 'invalid';
  if (p.from > p.to) return 'order';
  const ms = Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`);
  if (isNaN(ms)) return 'invalid';
  return ms / 86400000 > 3 * 366 ? 'tooLong' : undefined;
}
