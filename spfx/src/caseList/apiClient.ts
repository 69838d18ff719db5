/**
 * The Signaalpunt API (issue 3) behind the CaseApi/CaseListSource interfaces, and the accountability routes
 * (issue 7) behind the dashboard's AccountabilitySource — over the contract's one API client
 * (packages/contract/src/client.ts, ADR 0015): typed by the generated operations, problem+json as an
 * ApiProblem, and a command's commandId kept across the retries after a lost answer. It takes the host's
 * HttpLike: SharePoint passes AadHttpClient (token for the API's Entra app), the local page window.fetch
 * with a local dev token.
 */
import { ApiClient } from '@signaalpunt/contract/client';
import type { ApiClientOptions, HttpLike as ContractHttpLike, HttpResponseLike as ContractResponse } from '@signaalpunt/contract/client';
import type { QueryOf } from '@signaalpunt/contract/types';
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
import type { CoordinatorDataSource } from './dataSource';
import type { AuditRow, CaseSummary, CaseView, Catalogue, CommandOutcome, ListFilter, Me, Partner } from './dataSource';
import type { CommandName, LinkCommand } from './commandForms';
import type { UndeliveredMessage } from '@signaalpunt/contract/types';
import type { AccessCodeApi, ReissuedCode, ResidentLock, ResidentRequest, ResidentRequestsSource } from './residentAccess';
import type { AccessRequest, EarlierCase, LetterPreview, LetterRequest, SimilarCase } from './workbench/model';
import type { ReferenceChangeOutcome, ReferenceData, ReferenceDataApi, ReferenceVersion } from './management/model';

/** An HTTP answer as the contract's client reads it, with blob() for downloads (window.fetch and AadHttpClient's responses have both). */
export interface HttpResponseLike extends ContractResponse {
  blob?(): Promise<Blob>;
}
/** The host's HTTP call: `(url, init) => fetch(url, init)` or AadHttpClient's fetch. */
export type HttpLike = (url: string, init: Parameters<ContractHttpLike>[1]) => Promise<HttpResponseLike>;

/** The API's query parameters for the list's filter. */
export function listQuery(f: ListFilter): QueryOf<'listCases'> {
  return {
    limit: f.limit,
    offset: f.offset,
    ...(f.phases && f.phases.length ? { phase: f.phases.join(',') } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.organisationId ? { organisation: f.organisationId } : {}),
    ...(f.overdue ? { overdue: 'true' as const } : {}),
    ...(f.reference ? { q: f.reference } : {}),
  };
}

const deadlineOf = (x: InformingDeadline): InformingDeadline => ({ reference: x.reference, dueOn: x.dueOn, overdue: x.overdue, deferred: x.deferred, daysLeft: x.daysLeft });

export class ApiDataSource implements CoordinatorDataSource, AccountabilitySource, ResidentRequestsSource, AccessCodeApi, ReferenceDataApi {
  private readonly api: ApiClient;

  /** `options`: the contract client's timeout and retry settings (tests shorten the waits). */
  constructor(baseUrl: string, http: HttpLike, options: Omit<ApiClientOptions, 'http' | 'baseUrl'> = {}) {
    this.api = new ApiClient({ ...options, http, baseUrl: baseUrl.replace(/\/$/, '') });
  }

  async listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }> {
    const page = await this.api.call('listCases', { query: listQuery(filter) });
    return { items: page.items, total: page.total };
  }
  async undelivered(): Promise<UndeliveredMessage[]> {
    return (await this.api.call('listUndeliveredMessages')).items;
  }
  /** The residents' requests, copied field by field. */
  async residentRequests(): Promise<ResidentRequest[]> {
    const r = await this.api.call('listResidentRequests');
    return r.items.map((x) => ({ reference: x.reference, caseId: x.caseId, kind: x.kind, at: x.at, dueOn: x.dueOn, status: x.status }));
  }
  async residentLocks(): Promise<ResidentLock[]> {
    const r = await this.api.call('listResidentLocks');
    return r.items.map((x) => ({ reference: x.reference, failures: x.failures, ...(x.lockedUntil ? { lockedUntil: x.lockedUntil } : {}), ...(x.notBefore ? { notBefore: x.notBefore } : {}) }));
  }
  async revokeAccessCode(caseId: string): Promise<{ reference: string; revokedAt: string }> {
    const r = await this.api.call('revokeResidentCode', { path: { caseId } });
    return { reference: r.reference, revokedAt: r.revokedAt };
  }
  async reissueAccessCode(caseId: string): Promise<ReissuedCode> {
    const r = await this.api.call('reissueResidentCode', { path: { caseId } });
    return { reference: r.reference, code: r.code, issuedAt: r.issuedAt };
  }
  async getCase(caseId: string): Promise<CaseView> {
    // the contract types a view's groups loosely (an object each); the web part reads them as JSON
    return (await this.api.call('getCase', { path: { caseId } })) as unknown as CaseView;
  }
  async getAudit(caseId: string): Promise<AuditRow[]> {
    return (await this.api.call('getCaseAudit', { path: { caseId } })).items as AuditRow[];
  }
  /**
   * Runs a command through the contract's client: the input's commandId (kept by the screen across the
   * user's own retries) is sent with every resend after a lost answer (network error, timeout, a gateway's
   * 502/503/504), so the server runs it once and a replay answers `replayed: true`. An answer the API gave
   * (an ApiProblem) is final.
   */
  execute(name: CommandName | LinkCommand, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome> {
    const { commandId, ...body } = input;
    // reason: the forms build each command's body from the contract's field names; the server validates it
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return this.api.command(name, { path: { caseId }, body: body as any }, typeof commandId === 'string' ? { commandId } : {});
  }
  async catalogue(): Promise<Catalogue> {
    return this.api.call('getCatalogue');
  }
  async partners(): Promise<Partner[]> {
    return (await this.api.call('listPartners')).items;
  }
  me(): Promise<Me> {
    return this.api.call('getMe');
  }

  statistics(period: Period, locale: ApiLocale): Promise<StatisticsReport> {
    return this.api.call('getStatistics', { query: { from: period.from, to: period.to, locale } });
  }
  /** The informing deadlines, copied field by field: reference, dates and flags; the inbrenger's id stays behind. */
  async informingDeadlines(): Promise<InformingDeadline[]> {
    return (await this.api.call('listInformingReminders')).items.map(deadlineOf);
  }
  async verifyAudit(): Promise<AuditVerification> {
    const v = await this.api.call('verifyAudit');
    return { ok: v.ok, rows: v.rows, ...(v.firstBadSeq !== undefined ? { firstBadSeq: v.firstBadSeq } : {}), ...(v.problem !== undefined ? { problem: v.problem } : {}) };
  }
  /** The retention report, copied field by field: references and dates, destroyed groups; who deleted stays behind. */
  async retentionReport(): Promise<RetentionOverview> {
    const r = await this.api.call('getRetentionReport');
    return {
      asOf: r.asOf,
      due: r.due.map((d) => ({ reference: d.reference, retentionAtLatest: d.retentionAtLatest })),
      deletions: r.deletions.map((d) => ({ reference: d.reference, at: d.at, destroyed: d.destroyed.slice() })),
    };
  }
  async download(path: string, fallbackName: string): Promise<DownloadedFile> {
    return fileOf(await this.api.fetchFile(path), fallbackName);
  }
  /** A letter to the resident as .docx; the API records it as sent (H.lettersSent) in the same step (issue 16). */
  async generateLetter(caseId: string, request: LetterRequest): Promise<DownloadedFile> {
    return fileOf(await this.api.fetchFile(this.api.path('generateLetter', { path: { caseId } }), { method: 'POST', body: request }), `${request.kind}.docx`);
  }
  /** A letter's text before it is made (nothing recorded as sent), copied field by field. */
  async previewLetter(caseId: string, request: Omit<LetterRequest, 'commandId'>): Promise<LetterPreview> {
    const r = await this.api.call('previewLetter', { path: { caseId }, body: request });
    return { title: r.title, text: r.text };
  }
  /** The re-registration check: earlier cases of the same young person, copied field by field (kenmerk, phase, closed on). */
  async earlierCases(caseId: string): Promise<EarlierCase[]> {
    const r = await this.api.call('listEarlierCases', { path: { caseId } });
    return r.items.map((x) => ({ reference: x.reference, phase: x.phase, closedOn: x.closedOn }));
  }
  /** The concerns similar to a case by the API's duplicate-hint rule, copied field by field (kenmerk, case id, day, phase). */
  async similarCases(caseId: string): Promise<SimilarCase[]> {
    const r = await this.api.call('listSimilarCases', { path: { caseId } });
    return r.items.map((x) => ({ reference: x.reference, caseId: x.caseId, createdAt: x.createdAt, phase: x.phase }));
  }
  /** The access export (AVG art. 15) as JSON or .docx; the export is audited by the API. */
  async accessExport(request: AccessRequest, format: 'json' | 'docx'): Promise<DownloadedFile> {
    const stem = request.locale === 'nl' ? 'inzage' : 'access';
    return fileOf(await this.api.fetchFile(this.api.path('exportResidentData'), { method: 'POST', body: { ...request, format } }), `${stem}.${format}`);
  }
  /** The informing deadline of one case when it falls within 60 days or has passed (the reminders route). */
  async informingDeadlineOf(reference: string): Promise<InformingDeadline | undefined> {
    const r = await this.api.call('listInformingReminders', { query: { withinDays: 60 } });
    const x = r.items.filter((i) => i.reference === reference)[0];
    return x ? deadlineOf(x) : undefined;
  }

  /** The reference data's newest version (the procesregisseur's "Beheer" tab, issue 16). */
  referenceData(): Promise<ReferenceVersion> {
    return this.api.call('getReferenceData');
  }
  /** A new version of the reference data, made on `expectedVersion`; the same commandId across the retries after a lost answer. */
  changeReferenceData(expectedVersion: number, data: ReferenceData, commandId: string): Promise<ReferenceChangeOutcome> {
    return this.api.command('changeReferenceData', { body: { expectedVersion, data } }, { commandId });
  }
}

/** A file answer: the server's name where the host can read it (cross-origin only when the API exposes Content-Disposition), else the fallback. */
async function fileOf(answer: ContractResponse, fallbackName: string): Promise<DownloadedFile> {
  // the host's own response (fetch's or AadHttpClient's), which has blob()
  const res = answer as HttpResponseLike;
  if (!res.blob) throw new Error('download: this HTTP client gives no blob()');
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '');
  return { fileName: named ? named[1] : fallbackName, contentType: res.headers.get('content-type') || 'application/octet-stream', blob: await res.blob() };
}
