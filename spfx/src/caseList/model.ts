/**
 * The shapes the coordinator components work with. The API's request and answer types come from the
 * contract package (packages/contract, generated from the server's OpenAPI document; ADR 0015), imported
 * as `@signaalpunt/contract`; what remains here is the web part's own narrowing of them.
 */
import type { CaseView as ContractCaseView, ListFilter as ContractListFilter, PhaseCode } from '@signaalpunt/contract';
import type { DataGroup, GroupField } from '@signaalpunt/contract/groups';

export type { CaseSummary, CommandOutcome } from '@signaalpunt/contract';
export type Phase = PhaseCode;
export const PHASES: Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'];

export type { DataGroup } from '@signaalpunt/contract/groups';
export { DATA_GROUPS, GROUP_FIELD } from '@signaalpunt/contract/groups';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One case as the caller may see it: only the groups the policy table permits are present, each in its GROUP_FIELD. */
export type CaseView = Pick<ContractCaseView, 'id' | 'version' | 'reference'> & {
  phase: Phase;
  access: Partial<Record<DataGroup, 'read' | 'write'>>;
} & { [F in GroupField]?: { [key: string]: Json } };

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string;
  role: string;
  phase: Phase | null;
  action: string;
  groups: DataGroup[];
  purpose: string;
}

export interface CatalogueEntry {
  code: string;
  nl: string;
  en: string;
  retiredIn?: number;
}
export type CatalogueListName =
  | 'forms'
  | 'riskSignals'
  | 'protectiveFactors'
  | 'lifeDomains'
  | 'aveLevels'
  | 'ageBands'
  | 'registrationsBands'
  | 'urgency'
  | 'advisedRoutes'
  | 'exitReasons'
  | 'actionStatuses'
  | 'residentStances'
  | 'offers';
export type Catalogue = Partial<Record<CatalogueListName, CatalogueEntry[]>>;

export interface Partner {
  id: string;
  name: string;
  member?: boolean;
  /** the day the organisation joined the privacy protocol, and the day it left (from the directory). */
  joinedOn?: string;
  leftOn?: string;
}

export interface Me {
  user: { id: string; displayName?: string; organisationId: string; roles: string[] };
}

/** The list's filter as the web part asks for it: the contract's ListFilter with a page always given. */
export type ListFilter = ContractListFilter & { limit: number; offset: number };

export type CommandName =
  | 'decideSuspicion'
  | 'supplyIdentity'
  | 'recordResidentInformed'
  | 'requestEnrichment'
  | 'concludeEnrichment'
  | 'recordDiscussion'
  | 'recordFollowUp'
  | 'closeCase'
  | 'withdrawCase';

/** An error the API answered (problem+json), or the client's own NETWORK.*: the contract's. */
export { ApiProblem } from '@signaalpunt/contract/client';
