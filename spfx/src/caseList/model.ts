/**
 * The shapes the coordinator components work with. The API's request and answer types come from the
 * contract package (packages/contract, generated from the server's OpenAPI document; ADR 0015), imported
 * as `@signaalpunt/contract`; what remains here is the web part's own narrowing of them.
 */
import type { PhaseCode } from '@signaalpunt/contract';

export type { CaseSummary, CommandOutcome } from '@signaalpunt/contract';
export type Phase = PhaseCode;
export const PHASES: Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'];

export type DataGroup = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';
export const DATA_GROUPS: DataGroup[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** The record field that holds each group in a case view. */
export const GROUP_FIELD: Record<DataGroup, keyof CaseView> = {
  A: 'frame',
  B: 'concern',
  C: 'identity',
  D: 'enrichment',
  E: 'discussion',
  F: 'contact',
  G: 'followUp',
  H: 'reflection',
};

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One case as the caller may see it: only the groups the policy table permits are present. */
export interface CaseView {
  id: string;
  version: number;
  reference: string;
  phase: Phase;
  access: Partial<Record<DataGroup, 'read' | 'write'>>;
  frame?: { [key: string]: Json };
  concern?: { [key: string]: Json };
  identity?: { [key: string]: Json };
  enrichment?: { [key: string]: Json };
  discussion?: { [key: string]: Json };
  contact?: { [key: string]: Json };
  followUp?: { [key: string]: Json };
  reflection?: { [key: string]: Json };
}

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

export interface ListFilter {
  phases?: Phase[];
  status?: 'open' | 'closed';
  organisationId?: string;
  overdue?: boolean;
  /** part of a kenmerk or the whole of it (letters, digits and dashes). */
  reference?: string;
  limit: number;
  offset: number;
}

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

/** An error the API answered (problem+json): a stable code and text for people in Dutch and English. */
export class ApiProblem extends Error {
  public readonly code: string;
  public readonly status: number;
  public readonly messages: { nl: string; en: string };
  /** the fields the problem names (path and issue; for INTAKE.IDENTIFIER_DETECTED the category found) — never values. */
  public readonly fields: ReadonlyArray<{ path: string; issue: string }>;
  /** the problem's machine-readable reason when it gives one (e.g. NO_CODE) — a code, never personal data. */
  public readonly reason: string | undefined;
  constructor(code: string, status: number, messages: { nl: string; en: string }, fields: ReadonlyArray<{ path: string; issue: string }> = [], reason?: string) {
    super(code);
    this.reason = reason;
    this.code = code;
    this.status = status;
    this.messages = messages;
    this.fields = fields;
    // reason: ES5 target — restore the prototype chain so `instanceof ApiProblem` works.
    Object.setPrototypeOf(this, ApiProblem.prototype);
  }
}
