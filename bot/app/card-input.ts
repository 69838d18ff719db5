/**
 * Reading a card submit. Teams sends the action's data merged with the inputs' values, inputs as strings
 * (a multi-select as "A,B"). Before anything reaches the core: the payload's size, which card and which
 * version of it sent the submit, and a strict schema per card (no missing, extra or wrongly typed field).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CardMeta } from './cards';

/** Far above what a filled-in card sends (the longest text input holds 1000 characters). */
export const MAX_SUBMIT_CHARS = 16 * 1024;

export type SubmitError =
  | { code: 'CARD_TOO_LARGE' }
  | { code: 'CARD_OUTDATED' }
  | { code: 'CARD_INVALID'; fields: { path: string; issue: string }[] };

export type SubmitResult<T> = { ok: true; value: T & { cardId: string } } | { ok: false; error: SubmitError };

const cardId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** An optional text input: absent or "" is undefined. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** A required choice (a single code). */
export const choice = () => z.string().min(1).max(64);

/** A multi-select: "A,B" (as Teams sends it) or ["A","B"]; absent or "" is []. */
export const multi = () =>
  z
    .union([z.string().max(2000), z.array(z.string().max(64)).max(40)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean)));

/** An optional whole number: a number, or its digits as a string; absent or "" is undefined. */
export const int = () =>
  z
    .union([z.number().int(), z.string().regex(/^\s*-?\d{1,4}\s*$/), z.literal('')])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : Number(v)));

/** An optional date input (yyyy-mm-dd); absent or "" is undefined. */
export const date = () =>
  z
    .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));

/** The fields every submitting card carries in its action data. */
export const metaFields = { card: z.string(), v: z.number().int(), cardId };

function issueOf(i: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  if (i.code === 'invalid_type') return i.path.length === 1 && raw[String(i.path[0])] === undefined ? 'missing' : 'type';
  if (i.code === 'unrecognized_keys') return 'unexpected';
  if (i.code === 'invalid_union') return 'type';
  if (i.code === 'invalid_format') return 'type';
  if (i.code === 'too_big' || i.code === 'too_small') return i.code;
  return 'other';
}

/**
 * The strict schema of a card's inputs, built once per inputs object (each route declares its inputs once,
 * at module level): building a zod object schema per submit cost every submit its construction.
 */
const schemas = new WeakMap<z.ZodRawShape, z.ZodObject>();
function schemaFor<S extends z.ZodRawShape>(inputs: S): z.ZodObject<S> {
  let schema = schemas.get(inputs);
  if (!schema) {
    schema = z.strictObject({ ...metaFields, ...inputs });
    schemas.set(inputs, schema);
  }
  return schema as z.ZodObject<S>;
}

/**
 * Checks a submit against the card it must come from. The order matters: a payload that is too large is
 * refused before it is parsed; a submit from an older version of the card is told so rather than
 * listing fields it does not know.
 */
export function readSubmit<S extends z.ZodRawShape>(data: unknown, meta: CardMeta, inputs: S): SubmitResult<z.output<z.ZodObject<S>>> {
  let size: number;
  try {
    size = JSON.stringify(data ?? null).length;
  } catch {
    return { ok: false, error: { code: 'CARD_INVALID', fields: [{ path: '', issue: 'type' }] } };
  }
  if (size > MAX_SUBMIT_CHARS) return { ok: false, error: { code: 'CARD_TOO_LARGE' } };
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: { code: 'CARD_INVALID', fields: [{ path: '', issue: 'type' }] } };
  const raw = data as Record<string, unknown>;
  if (raw.card !== meta.card) return { ok: false, error: { code: 'CARD_INVALID', fields: [{ path: 'card', issue: raw.card === undefined ? 'missing' : 'other' }] } };
  if (typeof raw.v !== 'number' || raw.v < meta.v) return { ok: false, error: { code: 'CARD_OUTDATED' } };
  const parsed = schemaFor(inputs).safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => ({ path: [...i.path, k].join('.'), issue: 'unexpected' })) : [{ path: i.path.join('.'), issue: issueOf(i, raw) }],
    );
    return { ok: false, error: { code: 'CARD_INVALID', fields } };
  }
  if ((parsed.data as { v: number }).v !== meta.v) return { ok: false, error: { code: 'CARD_INVALID', fields: [{ path: 'v', issue: 'other' }] } };
  return { ok: true, value: parsed.data as z.output<z.ZodObject<S>> & { cardId: string } };
}

/**
 * The command id of a card instance's submit: Teams retries send the same card id, so the same command.
 * A UUID-shaped hash of card id and verb: the API takes UUIDs and ULIDs only (the id is audited for ever).
 */
export function commandIdFor(cardId: string, verb: string): string {
  return deriveCardId(cardId, `command:${verb}`);
}

/** A card id derived from another one (a follow-up card of the same instance), stable across retries. */
export function deriveCardId(cardId: string, purpose: string): string {
  const hex = createHash('sha256').update(`${cardId}:${purpose}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
