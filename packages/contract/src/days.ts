/**
 * Calendar days as every client and the server count them: yyyy-mm-dd days of one calendar, UTC
 * (src/core/calendar.ts, which re-exports these). The one rule for "overdue" and the days between two days
 * (days in phase, days left). Plain functions, ES5-safe.
 */

const DAY_MS = 86400000;
/** Midnight (UTC) of a day, or of the day of an ISO moment. */
const utcMidnight = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/** Whole calendar days from one day (yyyy-mm-dd, or the day of an ISO moment) to another. */
export function daysBetweenDays(fromDay: string, toDay: string): number {
  return Math.round((utcMidnight(toDay) - utcMidnight(fromDay)) / DAY_MS);
}

/** The one rule for "overdue": a deadline's day lies before today (both yyyy-mm-dd, the UTC calendar day). */
export function isPastDay(dueOn: string, today: string): boolean {
  return dueOn < today;
}
