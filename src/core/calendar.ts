/**
 * Calendar days of the process. Every deadline and date of the core (membership, age, informing,
 * enrichment due dates, retention) is a yyyy-mm-dd day in ONE calendar — UTC — so that the outcome never
 * depends on the time zone of the server it runs on. (To switch to Dutch local days, change only this file.)
 */

/** The calendar day of a moment. */
export function dayOf(moment: Date | string): string {
  return (typeof moment === 'string' ? new Date(moment) : moment).toISOString().slice(0, 10);
}

/**
 * A day plus years, months and days. Months and years clamp to the end of a shorter month (31 January + 1
 * month = 28/29 February; 29 February + 1 year = 28 February), like date-fns' addMonths/addYears.
 */
export function addToDay(day: string, add: { years?: number; months?: number; days?: number }): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + (add.months ?? 0) + 12 * (add.years ?? 0);
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const at = Date.UTC(year, month, Math.min(d, lastDay)) + (add.days ?? 0) * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

/** Whole calendar days from one day (yyyy-mm-dd, or the day of an ISO moment) to another. */
export function daysBetweenDays(fromDay: string, toDay: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(toDay) - utc(fromDay)) / 86_400_000);
}
