/**
 * The narrow interfaces the coordinator components take. In SharePoint the case list is read through PnP
 * from the restricted site (so SharePoint's item permissions decide what a user can list) and everything
 * else goes to the Signaalpunt API through AadHttpClient; locally all of it goes to the local API.
 */
import type { AccessCodeApi } from './residentAccess';
import type { InformingDeadline } from './accountability';
import type { EarlierCasesApi, LettersApi, SimilarCasesApi } from './workbench/model';
import type * as Contract from '@signaalpunt/contract/types';
import type { DataGroup, GroupFields } from '@signaalpunt/contract/groups';
import type { PhaseCode } from '@signaalpunt/contract/vocabulary';
import type { CommandName, LinkCommand } from './commandForms';

/* What the sources answer: the contract's generated types (ADR 0015), narrowed to what the web part reads. */
export type { CaseSummary, CommandOutcome, CatalogueListName, CatalogueEntry } from '@signaalpunt/contract/types';
type CaseSummary = Contract.CaseSummary;
type CommandOutcome = Contract.CommandOutcome;

/** One case as the caller may see it: only the groups the policy table permits are present, each under its GROUP_FIELD. */
export type CaseView = Pick<Contract.CaseView, 'id' | 'version' | 'reference'> & {
  phase: PhaseCode;
  access: Partial<Record<DataGroup, 'read' | 'write'>>;
} & GroupFields;
/** One row of the audit trail, as far as the trail shows it (its hash chain is checked by the API). */
export type AuditRow = Pick<Contract.AuditRow, 'seq' | 'at' | 'actorId' | 'role' | 'phase' | 'action' | 'groups' | 'purpose'>;
/** The catalogue's lists the web part labels codes with: code and labels of each entry (a source may leave a list out). */
export type Catalogue = Partial<Record<Contract.CatalogueListName, Pick<Contract.CatalogueEntry, 'code' | 'nl' | 'en' | 'retiredIn'>[]>>;
/** A chain partner: its name, and whether and since when it is a member of the privacy protocol. */
export type Partner = Pick<Contract.Partner, 'id' | 'name'> & Partial<Pick<Contract.Partner, 'member' | 'joinedOn' | 'leftOn'>>;
/** The signed-in user: id, name, organisation and base roles. */
export type Me = Pick<Contract.Me, 'user'>;
/** The list's filter as the web part asks for it: the contract's ListFilter with a page always given. */
export type ListFilter = Contract.ListFilter & { limit: number; offset: number };

export interface CaseListSource {
  listCases(filter: ListFilter): Promise<{ items: CaseSummary[]; total: number }>;
}

/** The procesregisseur's workbench calls in the case panel (issue 16), when the API offers them. */
export interface WorkbenchCaseApi extends LettersApi, EarlierCasesApi, SimilarCasesApi {
  informingDeadlineOf(reference: string): Promise<InformingDeadline | undefined>;
}

export interface CaseApi extends Partial<AccessCodeApi>, Partial<WorkbenchCaseApi>, Partial<CaseListSource> {
  /** the caller's allow-list view of one case (reading identity or contact is audited by the server). */
  getCase(caseId: string): Promise<CaseView>;
  getAudit(caseId: string): Promise<AuditRow[]>;
  execute(name: CommandName | LinkCommand, caseId: string, input: Record<string, unknown>): Promise<CommandOutcome>;
  catalogue(): Promise<Catalogue>;
  partners(): Promise<Partner[]>;
  me(): Promise<Me>;
}

export interface CoordinatorDataSource extends CaseApi {
  listCases: CaseListSource['listCases'];
}

/** The API's access-code calls, when it offers them (bound to it). */
function accessCodes(api: CaseApi): Partial<AccessCodeApi> {
  const { revokeAccessCode, reissueAccessCode } = api;
  if (!revokeAccessCode || !reissueAccessCode) return {};
  return { revokeAccessCode: revokeAccessCode.bind(api), reissueAccessCode: reissueAccessCode.bind(api) };
}

/** The API's workbench calls, when it offers them (bound to it). */
function workbench(api: CaseApi): Partial<WorkbenchCaseApi> {
  const { generateLetter, previewLetter, earlierCases, similarCases, informingDeadlineOf } = api;
  return {
    ...(generateLetter ? { generateLetter: generateLetter.bind(api) } : {}),
    ...(previewLetter ? { previewLetter: previewLetter.bind(api) } : {}),
    ...(earlierCases ? { earlierCases: earlierCases.bind(api) } : {}),
    ...(similarCases ? { similarCases: similarCases.bind(api) } : {}),
    ...(informingDeadlineOf ? { informingDeadlineOf: informingDeadlineOf.bind(api) } : {}),
  };
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
    ...workbench(api),
  };
}
