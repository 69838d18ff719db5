/** An in-memory source for the dashboard behind its own narrow interface, recording what it is asked. */
import type {
  AccountabilitySource,
  ApiLocale,
  AuditVerification,
  DownloadedFile,
  InformingDeadline,
  Period,
  RetentionOverview,
  StatisticsReport,
} from '../src/caseList/accountability';
import type { Me } from '../src/caseList/dataSource';

/** A report with known figures, shown and hidden ("<5", "x") counts, in the API's shape. */
export function report(over: Partial<StatisticsReport> = {}): StatisticsReport {
  return {
    format: 'sjv-statistics/1',
    period: { from: '2026-01-01', to: '2026-03-31' },
    asOf: '2026-03-31',
    suppression: { threshold: 5, rule: 'Aantallen van 1 tot en met 4 staan er als "<5".' },
    concerns: {
      total: 23,
      perMonth: [
        { month: '2026-01', count: 12 },
        { month: '2026-02', count: '<5' },
        { month: '2026-03', count: 'x' },
      ],
      perPartnerType: [
        { type: 'politie', label: 'Politie', count: 9 },
        { type: 'school', label: 'Onderwijs', count: 14 },
        { type: 'wijkteam', label: 'Wijkteam', count: 0 },
      ],
    },
    reasonableSuspicion: { decided: 23, yes: 10, no: 13, share: { numerator: 10, denominator: 23, pct: 43.5 } },
    confirmedInVerrijking: { concluded: 8, confirmed: '<5', notConfirmed: 'x', share: { numerator: '<5', denominator: 8, pct: null } },
    exitReasons: {
      closed: 15,
      perReason: [
        { code: 'NO_SUSPICION', label: 'Geen redelijk vermoeden', count: 13 },
        { code: 'NOT_CONFIRMED', label: 'Niet bevestigd door een andere partner', count: '<5' },
        { code: 'WITHDRAWN', label: 'Ingetrokken', count: 'x' },
      ],
    },
    daysBetweenPhases: {
      intakeToDecision: { n: 23, median: 3.5, p90: 11 },
      decisionToDiscussion: { n: 6, median: 17, p90: 29 },
      discussionToClosure: { n: '<5', median: null, p90: null },
      intakeToClosure: { n: 15, median: 41, p90: 88 },
      referenceTriageDays: 7,
    },
    enrichmentResponse: { requests: 31, answeredByDue: 24, answeredLate: 7, unanswered: 0, share: { numerator: 24, denominator: 31, pct: 77.4 }, days: { n: 31, median: 6, p90: 13 } },
    informing: { identityCaptured: 10, within30Days: 8, late: '<5', notInformedOverdue: 0, pending: 'x', deferred: '<5', share: { numerator: 8, denominator: 'x', pct: null } },
    purges: { due: 6, onTime: 6, late: 0, overdue: 0, share: { numerator: 6, denominator: 6, pct: 100 } },
    ...over,
  };
}

export const ME = (roles: string[], id = 'someone@gemeente.demo'): Me => ({ user: { id, organisationId: 'gemeente', roles } });

export class FakeAccountability implements AccountabilitySource {
  statisticsAsked: { period: Period; locale: ApiLocale }[] = [];
  downloads: { path: string; fallbackName: string }[] = [];
  calls: string[] = [];
  failWith: Partial<Record<'me' | 'statistics' | 'informingDeadlines' | 'verifyAudit' | 'retentionReport' | 'download', unknown>> = {};
  /** statistics that never answer (a loading state). */
  hang = false;
  constructor(
    public roles: string[] = ['procesregisseur'],
    public stats: StatisticsReport = report(),
    public deadlines: InformingDeadline[] = [
      { reference: 'SJV-2026-0003', dueOn: '2026-03-20', overdue: true, deferred: false, daysLeft: -11 },
      { reference: 'SJV-2026-0005', dueOn: '2026-04-03', overdue: false, deferred: true, daysLeft: 3 },
    ],
    public verification: AuditVerification = { ok: true, rows: 1234 },
    public retention: RetentionOverview = {
      asOf: '2026-03-31',
      due: [{ reference: 'SJV-2024-0011', retentionAtLatest: '2026-03-28' }, { reference: 'SJV-2024-0012', retentionAtLatest: '2026-03-28' }, { reference: 'SJV-2024-0015', retentionAtLatest: '2026-03-30' }],
      deletions: [{ reference: 'SJV-2024-0002', at: '2026-03-02T01:00:00.000Z', destroyed: ['C', 'F', 'freeText'] }],
    },
  ) {}
  private async answer<T>(name: keyof FakeAccountability['failWith'], value: T): Promise<T> {
    this.calls.push(name);
    if (this.failWith[name] !== undefined) throw this.failWith[name];
    return JSON.parse(JSON.stringify(value)) as T;
  }
  me(): Promise<Me> {
    return this.answer('me', ME(this.roles));
  }
  statistics(period: Period, locale: ApiLocale): Promise<StatisticsReport> {
    this.statisticsAsked.push({ period, locale });
    if (this.hang) return new Promise(() => undefined);
    return this.answer('statistics', this.stats);
  }
  informingDeadlines(): Promise<InformingDeadline[]> {
    return this.answer('informingDeadlines', this.deadlines);
  }
  verifyAudit(): Promise<AuditVerification> {
    return this.answer('verifyAudit', this.verification);
  }
  retentionReport(): Promise<RetentionOverview> {
    return this.answer('retentionReport', this.retention);
  }
  async download(path: string, fallbackName: string): Promise<DownloadedFile> {
    this.downloads.push({ path, fallbackName });
    this.calls.push('download');
    if (this.failWith.download !== undefined) throw this.failWith.download;
    return { fileName: fallbackName, contentType: 'text/csv', blob: new Blob(['metric,category,value\r\n']) };
  }
}
