/**
 * The Signaalpunt API (issue 3) behind the CaseApi/CaseListSource interfaces, and the accountability routes
 * (issue 7) behind the dashboard's AccountabilitySource. It takes a narrow HTTP function, so that SharePoint
 * passes AadHttpClient (token for the API's Entra app) and the local page passes window.fetch with a local
 * dev token.
 */
import type {
  AccountabilitySource,
  ApiLocale,
  AuditVerification,
  DownloadedFile,
  InformingDeadline,
  Period,
  RetentionOverview,
  StatisticsReport,
} from './accountability';
import { statisticsPath } from './accountability';
import type { CoordinatorDataSource } from './dataSource';
import type { AuditRow, CaseSummary, CaseView, Catalogue, CommandName, CommandOutcome, ListFilter, Me, Partner } from './model';
import { ApiProblem } from './model';
import type { UndeliveredMessage } from './components/UndeliveredMessages';
import type { AccessCodeApi, ReissuedCode, ResidentLock, ResidentRequest, ResidentRequestsSource } from './residentAccess';
import type { AccessRequest, EarlierCase, LetterPreview, LetterRequest } from './workbench/model';

export interface HttpResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  /** for downloads (window.fetch and AadHttpClient's responses have both). */
  blob?(): Promise<Blob>;
  headers?: { get(name: string): string | null };
}
export type HttpLike = (url: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }) => Promise<HttpResponseLike>;

const KEBAB: Record<CommandName, string> = {
  decideSuspicion: 'decide-suspicion',
  supplyIdentity: 'supply-identity',
  recordResidentInformed: 'record-resident-informed',
  requestEnrichment: 'request-enrichment',
  concludeEnrichment: 'conclude-enrichment',
  recordDiscussion: 'record-discussion',
  recordFollowUp: 'record-follow-up',
  closeCase: 'close-case',
  withdrawCase: 'withdraw-case',
};

export function commandPath(name: CommandName, caseId: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/${KEBAB[name]}`;
}

export function listQuery(f: ListFilter): string {
  const q: string[] = [`limit=${f.limit}`, `offset=${f.offset}`];
  if (f.phases && f.phases.length) q.push(`phase=${encodeURIComponent(f.phases.join(','))}`);
  if (f.status) q.push(`status=${f.status}`);
  if (f.organisationId) q.push(`organisation=${encodeURIComponent(f.organisationId)}`);
  if (f.overdue) q.push('overdue=true');
  if (f.reference) q.push(`q=${encodeURIComponent(f.reference)}`);
  return q.join('&');
}

/** The API's problem+json answer as an ApiProblem (a stable code and text in Dutch and English). */
async function problemOf(res: HttpResponseLike): Promise<ApiProblem> {
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  const messages = (json && (json.messages as { nl: string; en: string })) || {
    nl: 'De Signaalpunt-API gaf een fout.',
    en: 'The Signaalpunt API returned an error.',
  };
  const named = json && Array.isArray(json.fields) ? (json.fields as { path?: unknown; issue?: unknown }[]) : [];
  const fields = named.map((f) => ({ path: String(f.path), issue: String(f.issue) }));
  const reason = json && typeof json.reason === 'string' ? json.reason : undefined;
  return new ApiProblem(String((json && json.code) || `HTTP.${res.status}`), res.status, messages, fields, reason);
}

interface ApiReminder {
  reference: string;
  dueOn: string;
  overdue: boolean;
  deferred: boolean;
  daysLeft: number;
}
interface ApiRetentionReport {
  asOf: string;
  due: { reference: string; retentionAtLatest: string | null }[];
  deletions: { reference: string; at: string; destroyed: string[] }[];
}

export class ApiClient implements CoordinatorDataSource, AccountabilitySource, ResidentRequestsSource, AccessCodeApi {
  private readonly base: string;
  private readonly http: HttpLike;

  constructor(baseUrl: string, http: HttpLike) {
    this.base = baseUrl.replace(/\/$/, '');
    this.http = http;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.http(this.base + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw await problemOf(res);
    return (await res.json().catch(() => undefined)) as T;
  }

  async listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }> {
    const page = await this.call<{ items: CaseSummary[]; total: number }>('GET', `/api/v1/cases?${listQuery(filter)}`);
    return { items: page.items, total: page.total };
  }
  async undelivered(): Promise<UndeliveredMessage[]> {
    return (await this.call<{ items: UndeliveredMessage[] }>('GET', '/api/v1/bot/undelivered')).items;
  }
  /** The residents' requests, copied field by field. */
  async residentRequests(): Promise<ResidentRequest[]> {
    const r = await this.call<{ items: ResidentRequest[] }>('GET', '/api/v1/resident/requests');
    return r.items.map((x) => ({ reference: x.reference, caseId: x.caseId, kind: x.kind, at: x.at, dueOn: x.dueOn, status: x.status }));
  }
  async residentLocks(): Promise<ResidentLock[]> {
    const r = await this.call<{ items: ResidentLock[] }>('GET', '/api/v1/resident/locks');
    return r.items.map((x) => ({ reference: x.reference, failures: x.failures, ...(x.lockedUntil ? { lockedUntil: x.lockedUntil } : {}), ...(x.notBefore ? { notBefore: x.notBefore } : {}) }));
  }
  revokeAccessCode(caseId: string): Promise<{ reference: string; revokedAt: string }> {
    return this.call<{ reference: string; revokedAt: string }>('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/access-code/revoke`, {});
  }
  reissueAccessCode(caseId: string): Promise<ReissuedCode> {
    return this.call<ReissuedCode>('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/access-code/reissue`, {});
  }
  getCase(caseId: string): Promise<CaseView> {
    return this.call<CaseView>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}`);
  }
  async getAudit(caseId: string): Promise<AuditRow[]> {
    return (await this.call<{ items: AuditRow[] }>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/audit`)).items;
  }
  /**
   * Runs a command. The input carries its commandId, so when no answer came (the network failed, the host
   * gave up waiting) the same request is sent again — up to twice — and the server runs it once (a replay
   * answers `replayed: true`). An answer the API gave (an ApiProblem) is final.
   */
  async execute(name: CommandName, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call<CommandOutcome>('POST', commandPath(name, caseId), input);
      } catch (e) {
        if (e instanceof ApiProblem || attempt >= 2) throw e;
      }
    }
  }
  catalogue(): Promise<Catalogue> {
    return this.call<Catalogue>('GET', '/api/v1/catalogue');
  }
  async partners(): Promise<Partner[]> {
    return (await this.call<{ items: Partner[] }>('GET', '/api/v1/partners')).items;
  }
  me(): Promise<Me> {
    return this.call<Me>('GET', '/api/v1/me');
  }

  statistics(period: Period, locale: ApiLocale): Promise<StatisticsReport> {
    return this.call<StatisticsReport>('GET', statisticsPath(period, locale));
  }
  /** The informing deadlines, copied field by field: reference, dates and flags; the inbrenger's id stays behind. */
  async informingDeadlines(): Promise<InformingDeadline[]> {
    const r = await this.call<{ items: ApiReminder[] }>('GET', '/api/v1/informing/reminders');
    return r.items.map((x) => ({ reference: x.reference, dueOn: x.dueOn, overdue: x.overdue, deferred: x.deferred, daysLeft: x.daysLeft }));
  }
  async verifyAudit(): Promise<AuditVerification> {
    const v = await this.call<AuditVerification & { lastHash?: string }>('GET', '/api/v1/audit/verification');
    return { ok: v.ok, rows: v.rows, ...(v.firstBadSeq !== undefined ? { firstBadSeq: v.firstBadSeq } : {}), ...(v.problem !== undefined ? { problem: v.problem } : {}) };
  }
  /** The retention report, copied field by field: references, dates and destroyed groups; who deleted stays behind. */
  async retentionReport(): Promise<RetentionOverview> {
    const r = await this.call<ApiRetentionReport>('GET', '/api/v1/retention/report');
    return {
      asOf: r.asOf,
      due: r.due.map((d) => ({ reference: d.reference, retentionAtLatest: d.retentionAtLatest })),
      deletions: r.deletions.map((d) => ({ reference: d.reference, at: d.at, destroyed: d.destroyed.slice() })),
    };
  }
  async download(path: string, fallbackName: string): Promise<DownloadedFile> {
    return this.fileOf(await this.http(this.base + path, { method: 'GET', headers: { Accept: '*/*' } }), fallbackName);
  }
  /** A POST whose answer is a file (a letter, an access export). */
  private async postForFile(path: string, body: unknown, fallbackName: string): Promise<DownloadedFile> {
    const res = await this.http(this.base + path, { method: 'POST', headers: { Accept: '*/*', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return this.fileOf(res, fallbackName);
  }
  /** A letter to the resident as .docx; the API records it as sent (H.lettersSent) in the same step (issue 16). */
  generateLetter(caseId: string, request: LetterRequest): Promise<DownloadedFile> {
    return this.postForFile(`/api/v1/cases/${encodeURIComponent(caseId)}/letters`, request, `${request.kind}.docx`);
  }
  /** A letter's text before it is made (nothing recorded as sent), copied field by field. */
  async previewLetter(caseId: string, request: Omit<LetterRequest, 'commandId'>): Promise<LetterPreview> {
    const r = await this.call<LetterPreview>('POST', `/api/v1/cases/${encodeURIComponent(caseId)}/letters/preview`, request);
    return { title: r.title, text: r.text };
  }
  /** The re-registration check: earlier cases of the same young person, copied field by field (kenmerk, phase, closed on). */
  async earlierCases(caseId: string): Promise<EarlierCase[]> {
    const r = await this.call<{ items: EarlierCase[] }>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/earlier-cases`);
    return r.items.map((x) => ({ reference: x.reference, phase: x.phase, closedOn: x.closedOn }));
  }
  /** The access export (AVG art. 15) as JSON or .docx; the export is audited by the API. */
  accessExport(request: AccessRequest, format: 'json' | 'docx'): Promise<DownloadedFile> {
    const stem = request.locale === 'nl' ? 'inzage' : 'access';
    return this.postForFile('/api/v1/access-requests', { ...request, format }, `${stem}.${format}`);
  }
  /** The informing deadline of one case when it falls within 60 days or has passed (the reminders route). */
  async informingDeadlineOf(reference: string): Promise<InformingDeadline | undefined> {
    const r = await this.call<{ items: ApiReminder[] }>('GET', '/api/v1/informing/reminders?withinDays=60');
    const x = r.items.filter((i) => i.reference === reference)[0];
    return x ? { reference: x.reference, dueOn: x.dueOn, overdue: x.overdue, deferred: x.deferred, daysLeft: x.daysLeft } : undefined;
  }
  private async fileOf(res: HttpResponseLike, fallbackName: string): Promise<DownloadedFile> {
    if (!res.ok) throw await problemOf(res);
    if (!res.blob) throw new Error('download: this HTTP client gives no blob()');
    // Cross-origin the name is readable only when the API exposes Content-Disposition (CORS); else the fallback.
    const disposition = (res.headers && res.headers.get('content-disposition')) || '';
    const named = /filename="([^"]+)"/.exec(disposition);
    return {
      fileName: named ? named[1] : fallbackName,
      contentType: (res.headers && res.headers.get('content-type')) || 'application/octet-stream',
      blob: await res.blob(),
    };
  }
}
