/**
 * What every route module of the operation table shares: turning a core result into a response or a thrown
 * problem, validating input with a zod schema, and a download's headers. A leaf module (it imports only the
 * core), so that `operations.ts` and the route modules it gathers (`routes/*.ts`) import it without a cycle.
 */
import type { z } from 'zod';
import type { Result } from '../core/errors';
import { validationError } from '../core/service';

/** The value of a result, or its refusal thrown (the error handler answers it as problem+json). */
export const unwrap = <T>(r: Result<T>): T => {
  if (!r.ok) throw r.error;
  return r.value;
};

/** Validates input like the route table does: a refusal names the fields, never their values. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error);
  return r.data;
}

/** The headers of a download: its media type and a file name of safe characters only. */
export const attachment = (fileName: string, contentType: string): Record<string, string> => ({
  'content-type': contentType,
  'content-disposition': `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
});
