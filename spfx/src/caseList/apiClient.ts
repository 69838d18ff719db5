/**
 * The Signaalpunt API (issue 3) behind the CaseApi/CaseListSource interfaces. It takes a narrow HTTP
 * function, so that SharePoint passes AadHttpClient (token for the API's Entra app) and the local page
 * passes window.fetch with a local dev token.
 */
import type { CoordinatorDataSource } from './dataSource';
import type { AuditRow, CaseSummary, CaseView, Catalogue, CommandName, CommandOutcome, ListFilter, Me, Partner } from './model';
import { ApiProblem } from './model';

export interface HttpResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
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
  return q.join('&');
}

export class ApiClient implements CoordinatorDataSource {
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
    const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!res.ok) {
      const messages = (json && (json.messages as { nl: string; en: string })) || {
        nl: 'De Signaalpunt-API gaf een fout.',
        en: 'The Signaalpunt API returned an error.',
      };
      throw new ApiProblem(String((json && json.code) || `HTTP.${res.status}`), res.status, messages);
    }
    return json as unknown as T;
  }

  async listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }> {
    const page = await this.call<{ items: CaseSummary[]; total: number }>('GET', `/api/v1/cases?${listQuery(filter)}`);
    return { items: page.items, total: page.total };
  }
  getCase(caseId: string): Promise<CaseView> {
    return this.call<CaseView>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}`);
  }
  async getAudit(caseId: string): Promise<AuditRow[]> {
    return (await this.call<{ items: AuditRow[] }>('GET', `/api/v1/cases/${encodeURIComponent(caseId)}/audit`)).items;
  }
  execute(name: CommandName, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome> {
    return this.call<CommandOutcome>('POST', commandPath(name, caseId), input);
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
}
