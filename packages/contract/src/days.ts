/**
 * Calendar days as every client and the server count them. The process's deadlines are yyyy-mm-dd days of
 * one calendar, UTC (src/core/calendar.ts, which re-exports these): the one rule for "overdue" and the days
 * between two days (days in phase, days left). What is shown to people as a day of the year — the statistics'
 * days, letters, the status page — is the day in the Netherlands (`dutchDayOf`). Plain functions, ES5-safe.
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

/**
 * The calendar day (yyyy-mm-dd) in the Netherlands (Europe/Amsterdam) of a moment: the day the statistics
 * count a concern on and letters and the status page name (src/transparency/format.ts), and the "today" a
 * client's default period ends on — whatever the zone of the server or the browser.
 */
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
export function dutchDayOf(moment: Date | string): string {
  return DUTCH_DAY.format(typeof moment === 'string' ? new Date(moment) : moment);
}
