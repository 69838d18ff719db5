/**
 * The procesregisseur's workbench in the case detail (issue 16): letters to the resident, the access
 * export (AVG art. 15) and the re-registration check. The shapes mirror the API's routes
 * (src/server/routes/transparency.ts, src/server/operations.ts); the server's OpenAPI document is the authority.
 */
import type { DownloadedFile } from '../accountability';
import type { PhaseCode as Phase } from '@signaalpunt/contract/vocabulary';

export type LetterKind = 'information' | 'invitation' | 'closure';
export const LETTER_KINDS: LetterKind[] = ['information', 'invitation', 'closure'];

/**
 * In which phases the API makes each letter (LETTER_RULES in src/transparency/letters.ts, which refuses
 * others with CASE.PRECONDITION_FAILED / LETTER_NOT_IN_PHASE): the web part offers only these; the API
 * still decides (e.g. NOTHING_SHARED_YET), and its refusal is shown as it says it.
 */
export const LETTER_PHASES: Record<LetterKind, Phase[]> = {
  information: ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'],
  invitation: ['BESPREKING', 'OPVOLGING'],
  closure: ['CLOSED'],
};

/** The code H.lettersSent records per kind. */
export const LETTER_CODES: Record<LetterKind, string> = { information: 'INFORMATION', invitation: 'INVITATION', closure: 'CLOSURE' };

export function lettersFor(phase: Phase): LetterKind[] {
  return LETTER_KINDS.filter((k) => LETTER_PHASES[k].indexOf(phase) >= 0);
}

export interface Meeting {
  date: string;
  time: string;
  location: string;
}

export interface LetterRequest {
  kind: LetterKind;
  locale: 'nl' | 'en';
  commandId: string;
  meeting?: Meeting;
}

/** An earlier signaalpunt case of the same young person: process level only. */
export interface EarlierCase {
  reference: string;
  phase: Phase;
  closedOn: string | null;
}

/** Who asked for the access export (AVG art. 15). */
export type Requester = 'resident' | 'guardian' | 'representative';
export const REQUESTERS: Requester[] = ['resident', 'guardian', 'representative'];

export interface AccessRequest {
  name: string;
  dateOfBirth: string;
  locale: 'nl' | 'en';
  requestedBy: Requester;
  reason: string;
}

/** The API calls of the workbench (the API client implements them). */
export interface LettersApi {
  generateLetter(caseId: string, request: LetterRequest): Promise<DownloadedFile>;
  /** the letter's text before it is made: nothing recorded, no access code (where the API offers it). */
  previewLetter?(caseId: string, request: Omit<LetterRequest, 'commandId'>): Promise<LetterPreview>;
}
export interface LetterPreview {
  title: string;
  text: string;
}
export interface EarlierCasesApi {
  earlierCases(caseId: string): Promise<EarlierCase[]>;
}
/** A concern similar to a case, as the API's duplicate-hint rule finds it (issue 16, ADR 0018): groups A and B only. */
export interface SimilarCase {
  reference: string;
  caseId: string;
  createdAt: string;
  phase: Phase;
}
/** The concerns similar to a case (procesregisseur): the core decides what is similar, the web part only shows it. */
export interface SimilarCasesApi {
  similarCases(caseId: string): Promise<SimilarCase[]>;
}
export interface AccessExportApi {
  accessExport(request: AccessRequest, format: 'json' | 'docx'): Promise<DownloadedFile>;
}
