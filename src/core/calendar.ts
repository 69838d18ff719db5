/**
 * Calendar days of the process. Every deadline and date of the core (membership, age, informing,
 * enrichment due dates, retention) is a yyyy-mm-dd day in ONE calendar — UTC — so that the outcome never
 * depends on the time zone of the server it runs on. The arithmetic is date-fns on UTCDate (@date-fns/utc):
 * date-fns computes in the date's own zone, and a UTCDate's zone is UTC whatever the server's.
 * (To switch to Dutch local days, change only this file: TZDate from @date-fns/tz in Europe/Amsterdam.)
 */
import { UTCDate } from '@date-fns/utc';
import { add, differenceInCalendarDays, formatISO } from 'date-fns';

/** Midnight (UTC) of a day, or of the day of an ISO moment. */
const utcDay = (day: string): UTCDate => new UTCDate(`${day.slice(0, 10)}T00:00:00Z`);
const isoDay = (d: Date): string => formatISO(d, { representation: 'date' });

/** The calendar day of a moment. */
export function dayOf(moment: Date | string): string {
  return isoDay(new UTCDate(typeof moment === 'string' ? new Date(moment).getTime() : moment.getTime()));
}

/**
 * A day plus years, months and days. Months and years clamp to the end of a shorter month (31 January + 1
 * month = 28/29 February; 29 February + 1 year = 28 February): date-fns' add (years and months, then days).
 */
export function addToDay(day: string, plus: { years?: number; months?: number; days?: number }): string {
  return isoDay(add(utcDay(day), plus));
}

/** Whole calendar days from one day (yyyy-mm-dd, or the day of an ISO moment) to another. */
export function daysBetweenDays(fromDay: string, toDay: string): number {
  return differenceInCalendarDays(utcDay(toDay), utcDay(fromDay));
}
