/**
 * An ISO calendar day (yyyy-mm-dd) as every schema of the core checks it: the shape, and a day the calendar
 * has (no month 13, no 30 February). A leaf module, so that the command schemas and the reference data's
 * schemas share it without importing each other.
 */
import { z } from 'zod';

export function isValidIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const isoDate = z.string().refine(isValidIsoDate, { message: 'INVALID_DATE' }).describe('ISO date yyyy-mm-dd');
