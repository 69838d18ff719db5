/**
 * Calendar days of the process. Every deadline and date of the core (membership, age, informing,
 * enrichment due dates, retention) is a yyyy-mm-dd day in ONE calendar — UTC — so that the outcome never
 * depends on the time zone of the server it runs on. Adding months and years (with end-of-month clamping)
 * is date-fns on UTCDate (@date-fns/utc): date-fns computes in the date's own zone, and a UTCDate's zone is
 * UTC whatever the server's. The day of a moment and the days between two days need no library: a UTC
 * day is the first ten characters of toISOString, and UTC midnights are whole multiples of 24 hours apart
 * (no daylight saving) — and these run for every row of a case list, where date-fns' general
 * differenceInCalendarDays costs several microseconds (bench: `npm run bench -- core`, service/raw).
 * (To switch to Dutch local days, change only this file: TZDate from @date-fns/tz in Europe/Amsterdam.)
 */
import { UTCDate } from '@date-fns/utc';
import { add, formatISO } from 'date-fns';

/** Midnight (UTC) of a day, or of the day of an ISO moment. */
const utcMidnight = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/** The calendar day of a moment. */
export function dayOf(moment: Date | string): string {
  return (typeof moment === 'string' ? new Date(moment) : moment).toISOString().slice(0, 10);
}

/**
 * A day plus years, months and days. Months and years clamp to the end of a shorter month (31 January + 1
 * month = 28/29 February; 29 February + 1 year = 28 February): date-fns' add (years and months, then days).
 */
export function addToDay(day: string, plus: { years?: number; months?: number; days?: number }): string {
  return formatISO(add(new UTCDate(utcMidnight(day)), plus), { representation: 'date' });
}

// whole calendar days from one day to another: the contract's, which the web part counts days in phase with too
export { daysBetweenDays } from '../../packages/contract/src/days';
