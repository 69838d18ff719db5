/**
 * The procesregisseur's workbench in the case detail (issue 16): letters to the resident, the access
 * export (AVG art. 15) and the re-registration check. The shapes are the API contract's (generated from the
 * server's OpenAPI document, ADR 0015); which letter may be made in which phase is the command table's, as
 * the contract states it (LETTER_PHASES of @signaalpunt/contract/commands).
 */
import type { DownloadedFile } from '../accountability';
import type { BodyOf, ResponseOf } from '@signaalpunt/contract/types';

export type { LetterKind } from '@signaalpunt/contract/commands';
// the web part offers only the letters of the case's phase; the API still decides (e.g. NOTHING_SHARED_YET)
export { lettersFor } from '@signaalpunt/contract/commands';

type LetterBody = BodyOf<'generateLetter'>;
/** Where and when the resident is invited (the invitation letter only; printed in the letter, never stored). */
export type Meeting = NonNullable<LetterBody['meeting']>;
/** A letter as the web part asks for it: its kind, language and meeting, with the commandId the screen keeps across retries. */
export type LetterRequest = Pick<LetterBody, 'kind' | 'locale' | 'meeting'> & { commandId: string };

/** An earlier signaalpunt case of the same young person: process level only. */
export type EarlierCase = ResponseOf<'listEarlierCases'>['items'][number];

type AccessBody = BodyOf<'exportResidentData'>;
/** Who asked for the access export (AVG art. 15). */
export type Requester = NonNullable<AccessBody['requestedBy']>;
// a Record, so that the compiler names a requester the API adds and this list lacks
const REQUESTER_SET: Record<Requester, true> = { resident: true, guardian: true, representative: true };
export const REQUESTERS = Object.keys(REQUESTER_SET) as Requester[];

/** The access export's request: the API's body, with who asked and why required (the web part asks both). */
export type AccessRequest = Pick<AccessBody, 'name' | 'dateOfBirth' | 'locale'> & Required<Pick<AccessBody, 'requestedBy' | 'reason'>>;

/** The API calls of the workbench (the API client implements them). */
export interface LettersApi {
  generateLetter(caseId: string, request: LetterRequest): Promise<DownloadedFile>;
  /** the letter's text before it is made: nothing recorded, no access code (where the API offers it). */
  previewLetter?(caseId: string, request: Omit<LetterRequest, 'commandId'>): Promise<LetterPreview>;
}
export type LetterPreview = ResponseOf<'previewLetter'>;
export interface EarlierCasesApi {
  earlierCases(caseId: string): Promise<EarlierCase[]>;
}
/** A concern similar to a case, as the API's duplicate-hint rule finds it (issue 16, ADR 0018): groups A and B only. */
export type SimilarCase = ResponseOf<'listSimilarCases'>['items'][number];
/** The concerns similar to a case (procesregisseur): the core decides what is similar, the web part only shows it. */
export interface SimilarCasesApi {
  similarCases(caseId: string): Promise<SimilarCase[]>;
}
export interface AccessExportApi {
  accessExport(request: AccessRequest, format: 'json' | 'docx'): Promise<DownloadedFile>;
}
