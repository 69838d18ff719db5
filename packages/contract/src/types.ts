/**
 * Names for the generated API types (./generated/api.ts): an operation's JSON request body, its JSON
 * success body, its path and query parameters — looked up by operationId, the core's command or query name.
 */
import type { components, operations, paths } from './generated/api';
import type { PhaseCode } from './vocabulary';

export type { components, operations, paths };

/** Every operation of the API, by its operationId. */
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body of an operation's success answer (200, else 201). */
export type ResponseOf<Op extends OperationId> = operations[Op]['responses'] extends infer R
  ? 200 extends keyof R
    ? JsonOf<R[200]>
    : 201 extends keyof R
      ? JsonOf<R[201]>
      : never
  : never;

/** The JSON request body of an operation. */
export type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The path parameters of an operation. */
export type PathOf<Op extends OperationId> = operations[Op]['parameters'] extends { path: infer P } ? P : never;

/** The query parameters of an operation. */
export type QueryOf<Op extends OperationId> = operations[Op]['parameters'] extends { query?: infer Q } ? NonNullable<Q> : never;

/** An RFC 9457 problem document as the API sends it (application/problem+json). */
export type Problem = components['schemas']['Problem'];

/** The result of a command: the case's kenmerk, phase and version after it, and whether it was a replay. */
export type CommandOutcome = ResponseOf<'decideSuspicion'>;
/** A case summary of the list. */
export type CaseSummary = ResponseOf<'listCases'>['items'][number];
/** The caller's allow-list view of one case. */
export type CaseView = ResponseOf<'getCase'>;
/** The anonymous statistics of a period. */
export type StatisticsReport = ResponseOf<'getStatistics'>;
/** The catalogue of codes with their labels. */
export type Catalogue = ResponseOf<'getCatalogue'>;
/** One row of a case's audit trail. */
export type AuditRow = ResponseOf<'getCaseAudit'>['items'][number];
/** A chain-partner organisation of the directory. */
export type Partner = ResponseOf<'listPartners'>['items'][number];
/** The signed-in user (and their organisation). */
export type Me = ResponseOf<'getMe'>;
/** The catalogue's lists by name (signals, forms, routes, offers …). */
export type CatalogueListName = { [K in keyof Catalogue]-?: Catalogue[K] extends readonly unknown[] ? K : never }[keyof Catalogue];
/** One code of a catalogue list with its labels. */
export type CatalogueEntry = Catalogue[CatalogueListName][number];
/** A bot message that was not delivered (dead letter or still retried), as the procesregisseur's list reads it. */
export type UndeliveredMessage = ResponseOf<'listUndeliveredMessages'>['items'][number];

/**
 * What the case list filters on: the core's list query (src/core/service.ts) and every client's filter state
 * (the API says it in its query parameters: phase, status, organisation, overdue, q, limit, offset).
 */
export interface ListFilter {
  phases?: PhaseCode[];
  status?: 'open' | 'closed';
  organisationId?: string;
  overdue?: boolean;
  /** part of a kenmerk (e.g. "0042" or "SJV-2026-0042"); letters, digits and dashes only, matched case-insensitively. */
  reference?: string;
  limit?: number;
  offset?: number;
}
