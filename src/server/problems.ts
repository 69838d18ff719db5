/**
 * RFC 9457 problem details for every error the API returns (`application/problem+json`):
 *
 *   { type, title, status, detail, instance, code, messages: { nl, en }, fields?, categories?, spans?, reason? }
 *
 * - `code` is the stable machine code (the core's DomainError codes, plus the transport codes below);
 * - `type` is `urn:signaalpunt:problem:<code>`; `title` is the English text of the code, `detail` an
 *   English sentence about this occurrence; `messages` holds the text for people in Dutch and English;
 * - `fields` names the invalid fields (`path`, `issue` code) — never their values;
 * - `categories`/`spans` (INTAKE.IDENTIFIER_DETECTED) give the kinds and offsets of what was found, not the text;
 *   its `fields` name each refused field with the category found in it (`issue`).
 * Nothing in a problem ever echoes input: details are copied from an allow-list of keys.
 */
import type { ErrorDetails } from '../core/errors';
import { DomainError, ERROR_CODES } from '../core/errors';
import type { HttpCode, ProblemCode } from '../../packages/contract/src/errors';
import { HTTP_CODES } from '../../packages/contract/src/errors';

/** Codes of the transport layer, with the same shape as the core's: in the API contract (packages/contract). */
export { HTTP_CODES };

export type { ProblemCode };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ProblemCode;
  messages: { nl: string; en: string };
  fields?: { path: string; issue: string }[];
  categories?: string[];
  spans?: { category: string; start: number; end: number; field?: string }[];
  reason?: string;
  organisationId?: string;
  retryAfterSeconds?: number;
  /** REFERENCE.VERSION_CONFLICT: the version the change was made on, and the newest version now. */
  expectedVersion?: number;
  currentVersion?: number;
}

/** An error of the transport layer that becomes a problem (like DomainError for the core). */
export class HttpProblem extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ProblemCode,
    readonly details: ErrorDetails & { retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'HttpProblem';
    this.statusCode = textsOf(code).status;
  }
}

function textsOf(code: ProblemCode): { status: number; nl: string; en: string } {
  return (ERROR_CODES as Record<string, { status: number; nl: string; en: string }>)[code] ?? HTTP_CODES[code as HttpCode];
}

function detailFor(code: ProblemCode, d: Problem): string {
  // an identifier refusal names each field with the category found in it (fields), else the categories alone
  if (d.categories?.length) return `Found in the text: ${(d.fields?.length ? d.fields.map((f) => `${f.issue} in ${f.path}`) : d.categories).join(', ')}. Nothing was stored.`;
  if (d.fields?.length) return `Invalid field${d.fields.length > 1 ? 's' : ''}: ${d.fields.map((f) => `${f.path || '(body)'} (${f.issue})`).join(', ')}.`;
  if (d.reason) return `${textsOf(code).en} Reason: ${d.reason}.`;
  return textsOf(code).en;
}

/** A field path names a field; a key a client made up is shown only when it looks like a field name. */
const safePath = (path: string): string => (/^[A-Za-z0-9_.-]{0,120}$/.test(path) ? path : '(unnamed field)');
const SAFE = /^[A-Za-z0-9_.:>\-[\] ]{0,120}$/;

/** Builds a problem from a code and details, copying only allow-listed keys with safe shapes. */
export function problemOf(code: ProblemCode, details: ErrorDetails & { retryAfterSeconds?: number } = {}, instance?: string): Problem {
  const t = textsOf(code);
  const p: Problem = {
    type: `urn:signaalpunt:problem:${code}`,
    title: t.en,
    status: t.status,
    detail: '',
    ...(instance ? { instance } : {}),
    code,
    messages: { nl: t.nl, en: t.en },
  };
  if (Array.isArray(details.fields)) p.fields = details.fields.map((f) => ({ path: safePath(String(f.path)), issue: String(f.issue) }));
  if (Array.isArray(details.categories)) p.categories = details.categories.map(String);
  if (Array.isArray(details.spans)) {
    p.spans = details.spans.map((s) => ({ category: String(s.category), start: Number(s.start), end: Number(s.end), ...(s.field ? { field: String(s.field) } : {}) }));
  }
  if (typeof details.reason === 'string' && SAFE.test(details.reason)) p.reason = details.reason;
  if (typeof details.organisationId === 'string' && /^[a-z0-9-]{1,64}$/.test(details.organisationId)) p.organisationId = details.organisationId;
  if (typeof details.retryAfterSeconds === 'number') p.retryAfterSeconds = details.retryAfterSeconds;
  for (const key of ['expectedVersion', 'currentVersion'] as const) if (Number.isInteger(details[key])) p[key] = details[key] as number;
  p.detail = detailFor(code, p);
  return p;
}

export function problemFromDomain(e: DomainError, instance?: string): Problem {
  return problemOf(e.code, e.details, instance);
}

export { DomainError };
