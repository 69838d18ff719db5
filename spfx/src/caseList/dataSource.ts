/**
 * The narrow interfaces the coordinator components take. In SharePoint the case list is read through PnP
 * from the restricted site (so SharePoint's item permissions decide what a user can list) and everything
 * else goes to the Signaalpunt API through AadHttpClient; locally all of it goes to the local API.
 */
import type { AccessCodeApi } from './residentAccess';
import type { AuditRow, CaseSummary, CaseView, Catalogue, CommandName, CommandOutcome, ListFilter, Me, Partner } from './model';

export interface CaseListSource {
  listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }>;
}

export interface CaseApi extends Partial<AccessCodeApi> {
  /** the caller's allow-list view of one case (reading identity or contact is audited by the server). */
  getCase(caseId: string): Promise<CaseView>;
  getAudit(caseId: string): Promise<AuditRow[]>;
  execute(name: CommandName, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome>;
  catalogue(): Promise<Catalogue>;
  partners(): Promise<Partner[]>;
  me(): Promise<Me>;
}

export interface CoordinatorDataSource extends CaseListSource, CaseApi {}

/** The API's access-code calls, when it offers them (bound to it). */
function accessCodes(api: CaseApi): Partial<AccessCodeApi> {
  const { revokeAccessCode, reissueAccessCode } = api;
  if (!revokeAccessCode || !reissueAccessCode) return {};
  return { revokeAccessCode: revokeAccessCode.bind(api), reissueAccessCode: reissueAccessCode.bind(api) };
}

/** Combines a case-list reader (e.g. PnP on SharePoint) with the API for everything else. */
export function combine(list: CaseListSource, api: CaseApi): CoordinatorDataSource {
  return {
    listCases: (f) => list.listCases(f),
    getCase: (id) => api.getCase(id),
    getAudit: (id) => api.getAudit(id),
    execute: (n, id, input) => api.execute(n, id, input),
    catalogue: () => api.catalogue(),
    partners: () => api.partners(),
    me: () => api.me(),
    ...accessCodes(api),
  };
}
